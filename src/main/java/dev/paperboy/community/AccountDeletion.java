package dev.paperboy.community;

import java.util.Optional;

/**
 * Deleting an account and what it leaves behind, in one transaction (docs/community.md, "Deleting an account"):
 * votes are removed (counts go down), comments are removed, or emptied and anonymised when they have replies from
 * others, collections are removed, submissions stay on their day's list without a submitter, and sessions, access
 * tokens and sign-in tokens go. Moderation acts the user did stay in the log under the address they had.
 */
public interface AccountDeletion {

    /** What a deletion removed or anonymised. */
    record Report(int votes, int commentsRemoved, int commentsAnonymised, int collections, int submissions,
            int sessions, int accessTokens) {}

    /** Deletes the account; empty when there is no such user. */
    Optional<Report> delete(long userId);
}
