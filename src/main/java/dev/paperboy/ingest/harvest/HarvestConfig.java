package dev.paperboy.ingest.harvest;

import dev.paperboy.ingest.http.FetchSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Harvest settings, as read from {@code dev.paperboy.Config} (where each has its default, variable and
 * validation) by the composition root.
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

    public HarvestConfig {
        oaiUrl = trimSlash(oaiUrl);
        apiUrl = trimSlash(apiUrl);
        hfUrl = trimSlash(hfUrl);
        categories = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(categories));
        oaiSets = List.copyOf(oaiSets);
        if (interval.isNegative()) throw new IllegalArgumentException("harvest: interval must not be negative");
        if (lookbackDays < 0) throw new IllegalArgumentException("harvest: lookback days must not be negative");
        if (maxAttempts < 1) throw new IllegalArgumentException("harvest: max attempts must be >= 1");
    }

    /** The categories setting read: words separated by spaces or commas; {@code *} (empty) keeps all. */
    public static Set<String> categories(String setting) {
        return setting.strip().equals("*") ? Set.of() : new LinkedHashSet<>(words(setting));
    }

    /** The OAI sets setting read: the given sets, else the archives of the categories ({@code cs} for all). */
    public static List<String> oaiSets(String setting, Set<String> categories) {
        if (!setting.isBlank()) return words(setting);
        return categories.isEmpty() ? List.of("cs") : oaiSetsOf(categories);
    }

    /** The fetch settings these harvest settings imply. */
    public FetchSettings fetchSettings(String version) {
        return FetchSettings.defaults(FetchSettings.userAgent(version, contact))
                .withInterval(interval)
                .withTimeouts(connectTimeout, readTimeout)
                .withRetries(maxAttempts, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    public HarvestConfig withUrls(String oai, String api, String hf) {
        return new HarvestConfig(oai, api, hf, contact, interval, connectTimeout,
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

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s,]+")) if (!w.isBlank()) out.add(w);
        return out;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
