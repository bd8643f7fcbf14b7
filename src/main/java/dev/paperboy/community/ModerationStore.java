package dev.paperboy.community;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moderation: each act changes its target and is recorded in the log in one transaction. {@code moderatorId} is
 * the admin acting (checking that they are one, stored flag or {@code PAPERBOY_ADMINS}, is the caller's job), or
 * empty for the operator at the command line. An unknown target is {@link Outcome.Refusal#NOT_FOUND} and records
 * nothing; an act that changes nothing (hiding a hidden paper) is still recorded.
 */
public interface ModerationStore {

    /** The longest reason accepted. */
    int MAX_REASON = 1_000;

    /** Hides a paper from lists: lists leave out papers for which {@link #hiddenAmong} answers. */
    Outcome<ModerationAct> hidePaper(Optional<Long> moderatorId, String paperId, String reason);

    Outcome<ModerationAct> unhidePaper(Optional<Long> moderatorId, String paperId, String reason);

    /** Hides a comment (it stops counting on its paper); its body is kept. */
    Outcome<ModerationAct> hideComment(Optional<Long> moderatorId, long commentId, String reason);

    Outcome<ModerationAct> unhideComment(Optional<Long> moderatorId, long commentId, String reason);

    /**
     * Blocks a user: they can no longer sign in, post or vote, their sessions end now, and their access tokens stop
     * working (until unblocked).
     */
    Outcome<ModerationAct> blockUser(Optional<Long> moderatorId, long userId, String reason);

    Outcome<ModerationAct> unblockUser(Optional<Long> moderatorId, long userId, String reason);

    /** Which of these papers are hidden (one query per 500 ids). */
    Set<String> hiddenAmong(Collection<String> paperIds);

    default boolean isHidden(String paperId) {
        return !hiddenAmong(List.of(paperId)).isEmpty();
    }

    /** The log, newest first. */
    List<ModerationAct> log(int limit, int offset);
}
