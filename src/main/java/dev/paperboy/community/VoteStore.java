package dev.paperboy.community;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Votes: one per user per paper. Every change adjusts the paper's counter ({@link PaperCounts}) in the same
 * transaction, so counts stay exact however many processes vote at once. A vote needs an active (not blocked)
 * user ({@link Outcome.Refusal#BLOCKED}) and a stored paper ({@link Outcome.Refusal#NOT_FOUND}).
 */
public interface VoteStore {

    /** After a vote: whether the user's vote is on the paper, and the paper's count. */
    record Tally(boolean voted, int votes) {}

    /** One vote of a user. */
    record Vote(String paperId, Instant at) {}

    /** Adds the user's vote when it is not there, removes it when it is. */
    Outcome<Tally> toggle(long userId, String paperId);

    /** Puts the vote on ({@code voted}) or off, whatever it was: the idempotent form, for retried form posts. */
    Outcome<Tally> set(long userId, String paperId, boolean voted);

    boolean hasVoted(long userId, String paperId);

    /** Which of these papers the user voted on (one query per 500 ids). */
    Set<String> votedAmong(long userId, Collection<String> paperIds);

    /** The user's votes, newest first (for the export of their data). */
    List<Vote> ofUser(long userId);
}
