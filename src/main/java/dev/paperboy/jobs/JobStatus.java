package dev.paperboy.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * A job's recorded outcome and plan: when it last succeeded (and its summary), when it last failed (and
 * why; a later success clears the error), when it runs next, and whether this process runs it now.
 */
public record JobStatus(
        String name,
        Optional<Instant> lastSuccessAt,
        Optional<String> lastSummary,
        Optional<Instant> lastFailureAt,
        Optional<String> lastError,
        Optional<Instant> nextDueAt,
        boolean running) {

    /** A job that never ran and has no plan. */
    public static JobStatus never(String name) {
        return new JobStatus(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    /** True when the last attempt failed. */
    public boolean failing() {
        return lastError.isPresent();
    }

    JobStatus succeeded(Instant at, String summary) {
        return new JobStatus(name, Optional.of(at), Optional.of(summary), lastFailureAt, Optional.empty(), nextDueAt,
                running);
    }

    JobStatus failed(Instant at, String error) {
        return new JobStatus(name, lastSuccessAt, lastSummary, Optional.of(at), Optional.of(error), nextDueAt, running);
    }

    JobStatus dueAt(Instant due) {
        return new JobStatus(name, lastSuccessAt, lastSummary, lastFailureAt, lastError, Optional.of(due), running);
    }

    JobStatus running(boolean now) {
        return new JobStatus(name, lastSuccessAt, lastSummary, lastFailureAt, lastError, nextDueAt, now);
    }
}
