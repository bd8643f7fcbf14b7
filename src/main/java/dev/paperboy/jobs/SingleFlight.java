package dev.paperboy.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Runs work only while holding a named lease, so it runs once at a time across processes. */
public final class SingleFlight {
    private final Leases leases;
    private final Clock clock;
    private final String holder;
    private final Duration ttl;

    public SingleFlight(Leases leases, Clock clock, String holder, Duration ttl) {
        this.leases = leases;
        this.clock = clock;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** Work done under a lease. */
    public interface Work<T, E extends Exception> {
        T run(Lease lease) throws E, InterruptedException;
    }

    /** Runs the work when the lease {@code name} is free (or already ours); empty when another holder has it. */
    public <T, E extends Exception> Optional<T> run(String name, Work<T, E> work) throws E, InterruptedException {
        if (!leases.tryAcquire(name, holder, ttl, clock.instant())) return Optional.empty();
        try {
            return Optional.of(work.run(() -> {
                if (!leases.renew(name, holder, ttl, clock.instant())) throw new Lease.LeaseLost(name);
            }));
        } finally {
            leases.release(name, holder);
        }
    }

    /** How long a lease lasts without renewal. */
    public Duration ttl() {
        return ttl;
    }
}
