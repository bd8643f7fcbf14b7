package dev.paperboy.jobs;

/**
 * A long job that runs single-flight across processes under its name: harvests, embedding catch-up,
 * reindex, digests. Implement it to run work through {@link Jobs#runOnce} or on a {@link Schedule}.
 */
public interface Job {

    /** The job's name, which is also its lease's and its recorded outcome's, e.g. {@code harvest:hf}. */
    String name();

    /**
     * Does the work once while the lease is held; returns a one-line summary recorded as the outcome.
     * Resumable jobs keep their progress in the store, so a run cut short continues where it stopped.
     * An exception is recorded as a failure with its message.
     */
    String run(Lease lease) throws Exception;
}
