package dev.paperboy.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Submissions of stored papers to a day's list: once per paper per day (the first submitter keeps it). A new
 * submission also writes the paper's hub entry of hub {@code local} for that day (submitter: the user's public
 * name then) and marks the paper changed, in the same transaction.
 */
public interface SubmissionStore {

    /** The result of a submit: the day's submission of the paper, and whether this call made it. */
    record Submitted(Submission submission, boolean isNew) {}

    /**
     * Submits the paper for {@code day} on behalf of an active user. When the paper is already submitted that day
     * (by anyone) the existing submission comes back with {@code isNew} false and counts toward no limit; a new one
     * beyond the user's {@code dailyLimit} for that day is {@link Outcome.Refusal#LIMIT_REACHED}, and a paper not in
     * the store {@link Outcome.Refusal#NOT_FOUND} (fetch it first).
     */
    Outcome<Submitted> submit(long userId, String paperId, LocalDate day, int dailyLimit);

    /** How many papers the user submitted for {@code day}. */
    int countOn(long userId, LocalDate day);

    Optional<Submission> find(String paperId, LocalDate day);

    /** The user's submissions, newest day first, at most {@code limit}. */
    List<Submission> ofUser(long userId, int limit);
}
