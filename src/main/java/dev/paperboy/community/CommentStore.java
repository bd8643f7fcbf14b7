package dev.paperboy.community;

import java.util.List;
import java.util.Optional;

/**
 * Comments on papers, with one level of replies. A reply to a reply is attached to the top-level comment of its
 * thread. Only the author edits or deletes a comment ({@link Outcome.Refusal#NOT_YOURS} for anyone else). Each
 * change keeps the paper's comment counter ({@link PaperCounts}, comments neither deleted nor hidden) exact.
 */
public interface CommentStore {

    /** The longest body accepted, in characters; pages should refuse longer ones before they get here. */
    int MAX_BODY = 10_000;

    /** What deleting did. */
    enum Deletion {
        /** The comment is gone (and an emptied placeholder above it too, when it was the last reply). */
        REMOVED,
        /** It had replies, so it stays as an empty placeholder. */
        PLACEHOLDER
    }

    /**
     * Adds a comment by an active user on a stored paper, as a reply when {@code replyTo} is set; a reply needs a
     * visible comment of the same paper to reply to (not deleted or hidden, nor in a deleted or hidden thread),
     * else {@link Outcome.Refusal#NOT_FOUND}. The body (Markdown source) is stored stripped; a blank one or one
     * longer than {@link #MAX_BODY} is an {@link IllegalArgumentException}.
     */
    Outcome<Comment> add(long userId, String paperId, Optional<Long> replyTo, String body);

    /** Replaces the body of the user's own comment and marks it edited; deleted comments are not found. */
    Outcome<Comment> edit(long userId, long commentId, String body);

    /** Deletes the user's own comment: removed, or left as a placeholder when it has replies. */
    Outcome<Deletion> delete(long userId, long commentId);

    Optional<Comment> find(long commentId);

    /**
     * The comments of a paper in thread order: each top-level comment (oldest first) followed by its replies
     * (oldest first). Placeholders and hidden comments are included, marked; pages decide what to show.
     */
    List<Comment> ofPaper(String paperId);

    /** The user's comments that are not deleted, newest first, at most {@code limit}. */
    List<Comment> ofUser(long userId, int limit);
}
