package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(clock, 3, Duration.ofMinutes(1));

    @Test
    void allowsTheLimitPerKeyPerWindowThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) assertTrue(limiter.acquire("a").isEmpty());
        assertTrue(limiter.acquire("b").isEmpty(), "keys count apart");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Optional.of(Duration.ofSeconds(40)), limiter.acquire("a"));
        clock.advance(Duration.ofSeconds(40));
        assertTrue(limiter.acquire("a").isEmpty(), "a new window");
    }

    @Test
    void throwsTooManyRequestsWithRetryAfterInWholeSeconds() {
        for (int i = 0; i < 3; i++) limiter.acquireOrThrow("a", "slow down");
        clock.advance(Duration.ofMillis(59_500));
        TooManyRequests e = assertThrows(TooManyRequests.class, () -> limiter.acquireOrThrow("a", "slow down"));
        assertEquals(1, e.retryAfterSeconds());
        assertEquals("slow down", e.getMessage());
    }

    @Test
    void forgetsEndedWindowsWhenManyKeysWereSeen() {
        for (int i = 0; i < RateLimiter.SWEEP_AT; i++) limiter.acquire("k" + i);
        clock.advance(Duration.ofMinutes(2));
        assertTrue(limiter.acquire("new").isEmpty());
        assertTrue(limiter.acquire("k0").isEmpty(), "an ended window no longer counts");
    }
}
