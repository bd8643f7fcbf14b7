package dev.paperboy.ingest.http;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers when the last request to a host ended, outside this process, so that a restart or a
 * second process still keeps the interval.
 */
public interface RequestLog {
    Optional<Instant> lastRequestEnd(String host);

    void recordRequestEnd(String host, Instant at);

    /** A log that remembers nothing beyond this process. */
    static RequestLog none() {
        return new RequestLog() {
            @Override
            public Optional<Instant> lastRequestEnd(String host) {
                return Optional.empty();
            }

            @Override
            public void recordRequestEnd(String host, Instant at) {}
        };
    }
}
