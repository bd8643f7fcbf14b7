package dev.paperboy.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves when something sleeps on it: give it to a fetcher as both its {@link Clock} and
 * its {@link Sleeper}, and to the {@link ReplayServer} that records the requests, and the intervals and
 * waits the fetcher keeps show up exactly in the server's request times, with no real waiting.
 */
public final class SimulatedTime extends Clock implements Sleeper {
    private Instant now;

    public SimulatedTime(Instant start) {
        this.now = start;
    }

    public SimulatedTime() {
        this(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Override
    public synchronized void sleep(Duration d) {
        if (d.isPositive()) now = now.plus(d);
    }

    public void advance(Duration d) {
        sleep(d);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
