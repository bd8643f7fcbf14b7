package dev.paperboy.ingest.http;

import java.time.Duration;

/** Waits; tests replace it so that unit tests never sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(Duration)}. */
    static Sleeper real() {
        return d -> {
            if (d.isPositive()) Thread.sleep(d);
        };
    }
}
