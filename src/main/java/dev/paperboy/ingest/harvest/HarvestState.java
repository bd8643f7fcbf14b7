package dev.paperboy.ingest.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the harvest of one source (and set) stands: the {@code responseDate} of the last completed run,
 * the run in progress if any, and the outcome of the last attempts. Nullable fields are absent values.
 *
 * @param completedResponse the {@code responseDate} of the last completed run; the next run asks from its date
 * @param resumptionToken   the token to resume the run in progress with
 * @param runFrom           the {@code from} date the run in progress started with (restart point on a bad token)
 * @param runResponse       the {@code responseDate} of the first page of the run in progress
 * @param runRecords        records stored so far by the run in progress
 */
public record HarvestState(
        String key,
        Instant completedResponse,
        String resumptionToken,
        LocalDate runFrom,
        Instant runResponse,
        long runRecords,
        Instant lastSuccessAt,
        long lastRecords,
        Instant lastFailureAt,
        String lastError,
        Instant nextDueAt) {

    /** A source never harvested. */
    public static HarvestState empty(String key) {
        return new HarvestState(key, null, null, null, null, 0, null, 0, null, null, null);
    }

    public Optional<String> token() {
        return Optional.ofNullable(resumptionToken).filter(t -> !t.isBlank());
    }

    /** After a page was stored: remember how to continue. */
    public HarvestState withPage(String token, LocalDate from, Instant response, long records) {
        return new HarvestState(key, completedResponse, token, from, response, records, lastSuccessAt, lastRecords,
                lastFailureAt, lastError, nextDueAt);
    }

    /** After the last page: the run's first {@code responseDate} becomes the next run's starting point. */
    public HarvestState completed(Instant response, Instant at, long records) {
        return new HarvestState(key, response, null, null, null, 0, at, records, lastFailureAt, null, nextDueAt);
    }

    /** After a failed attempt: the run in progress is kept so the next attempt resumes it. */
    public HarvestState failed(Instant at, String error) {
        return new HarvestState(key, completedResponse, resumptionToken, runFrom, runResponse, runRecords,
                lastSuccessAt, lastRecords, at, error, nextDueAt);
    }

    /** The run in progress forgotten (its token expired); the next request starts the run over. */
    public HarvestState withoutRun() {
        return new HarvestState(key, completedResponse, null, null, null, 0, lastSuccessAt, lastRecords,
                lastFailureAt, lastError, nextDueAt);
    }

    public HarvestState dueAt(Instant next) {
        return new HarvestState(key, completedResponse, resumptionToken, runFrom, runResponse, runRecords,
                lastSuccessAt, lastRecords, lastFailureAt, lastError, next);
    }

    /** True when the last attempt failed (a success clears the error). */
    public boolean failing() {
        return lastError != null;
    }
}
