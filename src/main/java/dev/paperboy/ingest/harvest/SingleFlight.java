package dev.paperboy.ingest.harvest;

import dev.paperboy.jobs.Lease;
import dev.paperboy.jobs.Leases;
import java.time.Clock;
import java.time.Duration;

/**
 * Harvest's use of {@link dev.paperboy.jobs.SingleFlight}: one harvest of a source at a time across processes,
 * under the lease {@code harvest:<key>} (the name of the scheduled job too), in harvest's own terms.
 */
final class SingleFlight {
    private final dev.paperboy.jobs.SingleFlight flight;

    SingleFlight(Leases leases, Clock clock, String holder, Duration ttl) {
        this.flight = new dev.paperboy.jobs.SingleFlight(leases, clock, holder, ttl);
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
        return flight.run(HarvestScheduler.jobName(key), (Lease lease) -> job.run(() -> {
            try {
                lease.renew();
            } catch (Lease.LeaseLost e) {
                throw new HarvestException(key + ": lost the harvest lease to another process; stopping");
            }
        })).orElseGet(() -> HarvestResult.notRun(key));
    }
}
