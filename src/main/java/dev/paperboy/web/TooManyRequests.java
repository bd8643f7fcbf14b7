package dev.paperboy.web;

import java.time.Duration;

/** Thrown when a rate limit is reached: WebServer answers 429 with {@code Retry-After} and the message. */
public final class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter, String message) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until a new attempt can succeed, at least 1: the {@code Retry-After} value. */
    public long retryAfterSeconds() {
        long s = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, s);
    }
}
