package dev.paperboy.ingest.harvest;

import java.time.Clock;
import java.time.Duration;

/** Runs a job only while holding its lease, so one harvest of a source runs at a time across processes. */
final class SingleFlight {
    private final Leases leases;
    private final Clock clock;
    private final String holder;
    private final Duration ttl;

    SingleFlight(Leases leases, Clock clock, String holder, Duration ttl) {
        this.leases = leases;
        this.clock = clock;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** A held lease; {@link #renew()} must be called more often than the time to live. */
    interface Held {
        void renew() throws HarvestException;
    }

    interface Job {
        HarvestResult run(Held lease) throws HarvestException, InterruptedException;
    }

    /** Runs the job when the lease is free; otherwise returns {@link HarvestResult#notRun}. */
    HarvestResult run(String key, Job job) throws HarvestException, InterruptedException {
        String name = "harvest:" + key;
        if (!leases.tryAcquire(name, holder, ttl, clock.instant())) return HarvestResult.notRun(key);
        try {
            return job.run(() -> {
                if (!leases.renew(name, holder, ttl, clock.instant())) {
                    throw new HarvestException(key + ": lost the harvest lease to another process; stopping");
                }
            });
        } finally {
            leases.release(name, holder);
        }
    }
}
