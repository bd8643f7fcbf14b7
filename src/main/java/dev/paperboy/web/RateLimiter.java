package dev.paperboy.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code limit} events per key in each fixed window of {@code window}, counted in this process's memory:
 * several serve processes each allow the limit (a limit that must hold across processes counts in the store, as
 * the sign-in limit per address does with {@code LoginTokenStore.issuedSince}). Forgets windows that have ended.
 */
public final class RateLimiter {

    /** Keys remembered before ended windows are swept out. */
    static final int SWEEP_AT = 10_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Window> windows = new HashMap<>(); // guarded by this

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }
    }

    public RateLimiter(Clock clock, int limit, Duration window) {
        if (limit < 1 || !window.isPositive()) throw new IllegalArgumentException("rate limit: limit and window must be positive");
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts one event for {@code key}: empty when it is allowed, else how long until one will be. */
    public synchronized Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        Window w = windows.get(key);
        if (w == null || !now.isBefore(w.start.plus(window))) {
            if (windows.size() >= SWEEP_AT) sweep(now);
            w = new Window(now);
            windows.put(key, w);
        }
        if (w.count >= limit) return Optional.of(Duration.between(now, w.start.plus(window)));
        w.count++;
        return Optional.empty();
    }

    /** {@link #acquire}, throwing {@link TooManyRequests} with {@code message} when the limit is reached. */
    public void acquireOrThrow(String key, String message) {
        acquire(key).ifPresent(wait -> {
            throw new TooManyRequests(wait, message);
        });
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    private void sweep(Instant now) {
        windows.values().removeIf(w -> !now.isBefore(w.start.plus(window)));
    }
}
