package dev.paperboy.jobs;

/** A lease held while a job runs; a long job renews it more often than its time to live. */
public interface Lease {

    /** Extends the lease; throws when another process took it over (it had expired), so the job must stop. */
    void renew() throws LeaseLost;

    /** Thrown by {@link #renew()} when the lease is no longer ours. */
    final class LeaseLost extends Exception {
        public LeaseLost(String name) {
            super("jobs: lost the lease of " + name + " to another process; stopping");
        }
    }
}
