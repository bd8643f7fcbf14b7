package dev.paperboy.ingest.harvest;

import dev.paperboy.ingest.http.FetchSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Harvest settings, each with a working default and a {@code PAPERBOY_*} environment variable.
 *
 * @param interval        the minimum gap between requests to one host ({@code PAPERBOY_HARVEST_INTERVAL_SECONDS})
 * @param categories      categories worth keeping; records outside all of them are skipped (empty keeps all)
 * @param oaiSets         OAI-PMH sets harvested daily (default: the archives of {@code categories})
 * @param oaiAt           the local time of day, in {@code oaiZone}, of the daily OAI harvest
 * @param retryAfterFailure how soon a failed scheduled harvest is tried again
 * @param startDelay      how long {@code serve} waits before the first run of a source that is due
 */
public record HarvestConfig(
        String oaiUrl,
        String apiUrl,
        String hfUrl,
        String contact,
        Duration interval,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Set<String> categories,
        List<String> oaiSets,
        String oaiMetadataPrefix,
        int lookbackDays,
        LocalTime oaiAt,
        ZoneId oaiZone,
        Duration hfEvery,
        Duration retryAfterFailure,
        Duration startDelay,
        Duration leaseTtl,
        boolean enabled) {

    public static final String DEFAULT_CATEGORIES = "cs.LG cs.CL cs.CV cs.AI stat.ML";

    public HarvestConfig {
        categories = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(categories));
        oaiSets = List.copyOf(oaiSets);
        if (interval.isNegative()) throw new IllegalArgumentException("harvest: interval must not be negative");
        if (lookbackDays < 0) throw new IllegalArgumentException("harvest: lookback days must not be negative");
        if (maxAttempts < 1) throw new IllegalArgumentException("harvest: max attempts must be >= 1");
    }

    /** The defaults: arXiv's and Hugging Face's public endpoints, 3 s between requests. */
    public static HarvestConfig defaults() {
        return fromEnv(Map.of());
    }

    /** Defaults overridden by the {@code PAPERBOY_*} variables present in {@code env}. */
    public static HarvestConfig fromEnv(Map<String, String> env) {
        String wanted = get(env, "PAPERBOY_HARVEST_CATEGORIES", DEFAULT_CATEGORIES);
        // "*" keeps every category of the harvested sets.
        Set<String> categories = wanted.equals("*") ? new LinkedHashSet<>() : new LinkedHashSet<>(words(wanted));
        String sets = get(env, "PAPERBOY_HARVEST_OAI_SETS", "");
        return new HarvestConfig(
                trimSlash(get(env, "PAPERBOY_ARXIV_OAI_URL", "https://oaipmh.arxiv.org/oai")),
                trimSlash(get(env, "PAPERBOY_ARXIV_API_URL", "https://export.arxiv.org/api/query")),
                trimSlash(get(env, "PAPERBOY_HF_URL", "https://huggingface.co")),
                get(env, "PAPERBOY_CONTACT", ""),
                seconds(env, "PAPERBOY_HARVEST_INTERVAL_SECONDS", "3"),
                seconds(env, "PAPERBOY_HARVEST_CONNECT_TIMEOUT_SECONDS", "20"),
                seconds(env, "PAPERBOY_HARVEST_READ_TIMEOUT_SECONDS", "120"),
                integer(env, "PAPERBOY_HARVEST_MAX_ATTEMPTS", 5),
                categories,
                sets.isBlank() ? (categories.isEmpty() ? List.of("cs") : oaiSetsOf(categories)) : words(sets),
                get(env, "PAPERBOY_HARVEST_OAI_FORMAT", "arXiv"),
                integer(env, "PAPERBOY_HARVEST_LOOKBACK_DAYS", 7),
                LocalTime.parse(get(env, "PAPERBOY_HARVEST_OAI_AT", "22:00")),
                ZoneId.of(get(env, "PAPERBOY_HARVEST_OAI_ZONE", "America/New_York")),
                Duration.ofMinutes(integer(env, "PAPERBOY_HARVEST_HF_EVERY_MINUTES", 60)),
                Duration.ofMinutes(integer(env, "PAPERBOY_HARVEST_RETRY_MINUTES", 30)),
                seconds(env, "PAPERBOY_HARVEST_START_DELAY_SECONDS", "10"),
                Duration.ofMinutes(10),
                Boolean.parseBoolean(get(env, "PAPERBOY_HARVEST_ENABLED", "true")));
    }

    /** The fetch settings these harvest settings imply. */
    public FetchSettings fetchSettings(String version) {
        return FetchSettings.defaults(FetchSettings.userAgent(version, contact))
                .withInterval(interval)
                .withTimeouts(connectTimeout, readTimeout)
                .withRetries(maxAttempts, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    public HarvestConfig withUrls(String oai, String api, String hf) {
        return new HarvestConfig(trimSlash(oai), trimSlash(api), trimSlash(hf), contact, interval, connectTimeout,
                readTimeout, maxAttempts, categories, oaiSets, oaiMetadataPrefix, lookbackDays, oaiAt, oaiZone,
                hfEvery, retryAfterFailure, startDelay, leaseTtl, enabled);
    }

    public HarvestConfig withCategories(Set<String> wanted) {
        return new HarvestConfig(oaiUrl, apiUrl, hfUrl, contact, interval, connectTimeout, readTimeout, maxAttempts,
                wanted, oaiSets, oaiMetadataPrefix, lookbackDays, oaiAt, oaiZone, hfEvery, retryAfterFailure,
                startDelay, leaseTtl, enabled);
    }

    public HarvestConfig withLeaseTtl(Duration ttl) {
        return new HarvestConfig(oaiUrl, apiUrl, hfUrl, contact, interval, connectTimeout, readTimeout, maxAttempts,
                categories, oaiSets, oaiMetadataPrefix, lookbackDays, oaiAt, oaiZone, hfEvery, retryAfterFailure,
                startDelay, ttl, enabled);
    }

    /** The settings as {@code KEY=value} lines (nothing here is secret). */
    public List<String> describe() {
        return List.of(
                "PAPERBOY_ARXIV_OAI_URL=" + oaiUrl,
                "PAPERBOY_ARXIV_API_URL=" + apiUrl,
                "PAPERBOY_HF_URL=" + hfUrl,
                "PAPERBOY_CONTACT=" + contact,
                "PAPERBOY_HARVEST_INTERVAL_SECONDS=" + interval.toMillis() / 1000.0,
                "PAPERBOY_HARVEST_CATEGORIES=" + (categories.isEmpty() ? "*" : String.join(" ", categories)),
                "PAPERBOY_HARVEST_OAI_SETS=" + String.join(" ", oaiSets),
                "PAPERBOY_HARVEST_OAI_AT=" + oaiAt + " " + oaiZone,
                "PAPERBOY_HARVEST_HF_EVERY_MINUTES=" + hfEvery.toMinutes(),
                "PAPERBOY_HARVEST_LOOKBACK_DAYS=" + lookbackDays,
                "PAPERBOY_HARVEST_ENABLED=" + enabled);
    }

    /** The OAI-PMH sets holding these categories: {@code cs.LG} is in {@code cs}, {@code hep-th} in {@code physics:hep-th}. */
    static List<String> oaiSetsOf(Set<String> categories) {
        Set<String> top = Set.of("cs", "econ", "eess", "math", "q-bio", "q-fin", "stat");
        Set<String> out = new LinkedHashSet<>();
        for (String c : categories) {
            String archive = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
            out.add(top.contains(archive) ? archive : "physics:" + archive);
        }
        return new ArrayList<>(out);
    }

    private static String get(Map<String, String> env, String key, String fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s,]+")) if (!w.isBlank()) out.add(w);
        return out;
    }

    private static Duration seconds(Map<String, String> env, String key, String fallback) {
        String v = get(env, key, fallback);
        try {
            return Duration.ofMillis(new BigDecimal(v).movePointRight(3).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("config: " + key + " must be a number of seconds, got " + v, e);
        }
    }

    private static int integer(Map<String, String> env, String key, int fallback) {
        String v = get(env, key, Integer.toString(fallback));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config: " + key + " must be a whole number, got " + v, e);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
