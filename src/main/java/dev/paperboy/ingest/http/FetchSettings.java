package dev.paperboy.ingest.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How politely to fetch: the minimum gap between requests to one host (measured from the end of the
 * previous one), timeouts, retries and the largest body accepted.
 *
 * @param userAgent   sent with every request, e.g. {@code Paperboy/0.1.0 (+mailto:ops@example.org)}
 * @param maxAttempts attempts per request, the first one included
 * @param maxWait     the longest single wait a {@code Retry-After} may ask for; longer asks fail the request
 */
public record FetchSettings(
        String userAgent,
        Duration minInterval,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration maxWait,
        long maxBodyBytes) {

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) throw new IllegalArgumentException("fetch: user agent must not be blank");
        if (minInterval.isNegative()) throw new IllegalArgumentException("fetch: negative interval");
        if (maxAttempts < 1) throw new IllegalArgumentException("fetch: maxAttempts must be >= 1");
        if (maxBodyBytes < 1) throw new IllegalArgumentException("fetch: maxBodyBytes must be >= 1");
    }

    /** arXiv's published limits: one request every 3 s, generous timeouts, five attempts, 64 MiB bodies. */
    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(userAgent, Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(120),
                5, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(15), 64L << 20);
    }

    /** The User-Agent Paperboy sends: name, version and, when configured, a contact for the source's operators. */
    public static String userAgent(String version, String contact) {
        if (contact == null || contact.isBlank()) return "Paperboy/" + version;
        return "Paperboy/" + version + " (+" + contact.strip() + ")";
    }

    public FetchSettings withInterval(Duration interval) {
        return new FetchSettings(userAgent, interval, connectTimeout, readTimeout, maxAttempts, backoffBase,
                backoffMax, maxWait, maxBodyBytes);
    }

    public FetchSettings withTimeouts(Duration connect, Duration read) {
        return new FetchSettings(userAgent, minInterval, connect, read, maxAttempts, backoffBase, backoffMax,
                maxWait, maxBodyBytes);
    }

    public FetchSettings withRetries(int attempts, Duration base, Duration max) {
        return new FetchSettings(userAgent, minInterval, connectTimeout, readTimeout, attempts, base, max, maxWait,
                maxBodyBytes);
    }

    public FetchSettings withMaxBodyBytes(long bytes) {
        return new FetchSettings(userAgent, minInterval, connectTimeout, readTimeout, maxAttempts, backoffBase,
                backoffMax, maxWait, bytes);
    }
}
