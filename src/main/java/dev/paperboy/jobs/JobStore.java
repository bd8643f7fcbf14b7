package dev.paperboy.jobs;

import java.util.Optional;

/** Jobs' recorded outcomes and plans, one row per job name, so a restart or another process sees them. */
public interface JobStore {

    /** The stored status ({@code running} is always false here: only the running process knows). */
    Optional<JobStatus> find(String name);

    default JobStatus get(String name) {
        return find(name).orElseGet(() -> JobStatus.never(name));
    }

    /** Inserts or replaces the row of {@code status.name()}. */
    void save(JobStatus status);
}
