package dev.paperboy.community.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.User;
import dev.paperboy.community.Comment;
import dev.paperboy.community.CommentStore;
import dev.paperboy.community.CommentStore.Deletion;
import dev.paperboy.community.Outcome.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the comment store and its counters on every database; one subclass per database. */
abstract class CommentStoreContract extends CommunityFixture {

    static final String PAPER = "2611.00001";
    static final String OTHER_PAPER = "2611.00002";

    User ada;
    User grace;

    @BeforeEach
    void people() {
        ada = user("ada");
        grace = user("grace");
        papers(PAPER, OTHER_PAPER);
    }

    Comment add(User u, String body) {
        return done(comments.add(u.id(), PAPER, Optional.empty(), body));
    }

    Comment reply(User u, Comment to, String body) {
        return done(comments.add(u.id(), PAPER, Optional.of(to.id()), body));
    }

    List<String> thread() {
        return comments.ofPaper(PAPER).stream().map(c -> (c.isReply() ? "  " : "") + (c.deleted() ? "[deleted]" : c.body()))
                .toList();
    }

    @Test
    void commentsComeInThreadOrderAndARepliedReplyJoinsItsThread() {
        Comment a = add(ada, "First *thoughts*");
        Comment b = add(grace, "Another view");
        Comment a1 = reply(grace, a, "Agree");
        reply(ada, b, "Hmm");
        Comment a2 = reply(ada, a1, "Replying to a reply");
        assertEquals(Optional.of(a.id()), a2.parentId(), "attached to the top-level comment of the thread");
        assertEquals(List.of("First *thoughts*", "  Agree", "  Replying to a reply", "Another view", "  Hmm"), thread());
        Comment first = comments.ofPaper(PAPER).getFirst();
        assertEquals(Optional.of(ada.id()), first.authorId());
        assertEquals(Optional.of("ada"), first.authorName());
        assertEquals(T0, first.createdAt());
        assertFalse(first.edited());
        assertEquals(5, counts.of(PAPER).comments());
        assertEquals(List.of(), comments.ofPaper(OTHER_PAPER));
        assertCountersExact();
    }

    @Test
    void theAuthorEditsAndTheCommentIsMarkedEdited() {
        Comment c = add(ada, "Typo hree");
        clock.advance(Duration.ofMinutes(3));
        Comment edited = done(comments.edit(ada.id(), c.id(), "  Typo here "));
        assertEquals("Typo here", edited.body());
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(3))), edited.editedAt());
        assertTrue(edited.edited());
        assertEquals(Optional.of(edited), comments.find(c.id()));
    }

    @Test
    void nobodyElseEditsOrDeletesAComment() {
        Comment c = add(ada, "Mine");
        assertEquals(Refusal.NOT_YOURS, refusal(comments.edit(grace.id(), c.id(), "Defaced")));
        assertEquals(Refusal.NOT_YOURS, refusal(comments.delete(grace.id(), c.id())));
        assertEquals(Refusal.NOT_FOUND, refusal(comments.edit(grace.id(), 424242, "x")));
        assertEquals(Refusal.NOT_FOUND, refusal(comments.delete(grace.id(), 424242)));
        Comment now = comments.find(c.id()).orElseThrow();
        assertEquals("Mine", now.body());
        assertFalse(now.deleted());
        assertEquals(1, counts.of(PAPER).comments());
    }

    @Test
    void aDeletedCommentWithRepliesStaysAsAPlaceholderUntilItsLastReplyGoes() {
        Comment a = add(ada, "Opening");
        Comment r1 = reply(grace, a, "One");
        Comment r2 = reply(ada, a, "Two");
        assertEquals(Deletion.PLACEHOLDER, done(comments.delete(ada.id(), a.id())));
        Comment placeholder = comments.find(a.id()).orElseThrow();
        assertTrue(placeholder.deleted());
        assertEquals("", placeholder.body(), "nothing of the deleted text is kept");
        assertEquals(List.of("[deleted]", "  One", "  Two"), thread());
        assertEquals(2, counts.of(PAPER).comments());
        assertEquals(Refusal.NOT_FOUND, refusal(comments.edit(ada.id(), a.id(), "Back")), "a placeholder is not edited");
        assertEquals(Refusal.NOT_FOUND, refusal(comments.delete(ada.id(), a.id())));
        assertEquals(Refusal.NOT_FOUND, refusal(comments.add(grace.id(), PAPER, Optional.of(a.id()), "Late")),
                "a deleted thread takes no replies");
        assertEquals(Refusal.NOT_FOUND, refusal(comments.add(grace.id(), PAPER, Optional.of(r1.id()), "Late")));
        assertEquals(Deletion.REMOVED, done(comments.delete(grace.id(), r1.id())));
        assertEquals(List.of("[deleted]", "  Two"), thread());
        assertEquals(Deletion.REMOVED, done(comments.delete(ada.id(), r2.id())));
        assertEquals(List.of(), thread(), "the placeholder went with its last reply");
        assertEquals(Optional.empty(), comments.find(a.id()));
        assertEquals(0, counts.of(PAPER).comments());
        assertCountersExact();
    }

    @Test
    void aCommentWithoutRepliesIsRemoved() {
        Comment a = add(ada, "Alone");
        assertEquals(Deletion.REMOVED, done(comments.delete(ada.id(), a.id())));
        assertEquals(Optional.empty(), comments.find(a.id()));
        assertEquals(0, counts.of(PAPER).comments());
    }

    @Test
    void repliesNeedAVisibleCommentOfTheSamePaper() {
        Comment a = add(ada, "On the first paper");
        assertEquals(Refusal.NOT_FOUND, refusal(comments.add(grace.id(), OTHER_PAPER, Optional.of(a.id()), "Elsewhere")));
        assertEquals(Refusal.NOT_FOUND, refusal(comments.add(grace.id(), PAPER, Optional.of(999_999L), "Nothing")));
        done(moderation.hideComment(Optional.empty(), a.id(), "off-topic"));
        assertEquals(Refusal.NOT_FOUND, refusal(comments.add(grace.id(), PAPER, Optional.of(a.id()), "Hidden")));
        assertEquals(Refusal.NOT_FOUND, refusal(comments.add(grace.id(), "9999.99999", Optional.empty(), "No paper")));
    }

    @Test
    void blockedOrUnknownUsersCannotCommentButMayDeleteTheirOwn() {
        Comment a = add(ada, "Before the block");
        done(moderation.blockUser(Optional.empty(), ada.id(), "abuse"));
        assertEquals(Refusal.BLOCKED, refusal(comments.add(ada.id(), PAPER, Optional.empty(), "After")));
        assertEquals(Refusal.BLOCKED, refusal(comments.edit(ada.id(), a.id(), "Changed")));
        assertEquals(Refusal.BLOCKED, refusal(comments.add(777, PAPER, Optional.empty(), "Who?")));
        assertEquals(Deletion.REMOVED, done(comments.delete(ada.id(), a.id())));
    }

    @Test
    void blankAndOverlongBodiesAreRefusedBeforeAnythingIsWritten() {
        assertThrows(IllegalArgumentException.class, () -> comments.add(ada.id(), PAPER, Optional.empty(), "  \n "));
        assertThrows(IllegalArgumentException.class,
                () -> comments.add(ada.id(), PAPER, Optional.empty(), "x".repeat(CommentStore.MAX_BODY + 1)));
        Comment longest = add(ada, "y".repeat(CommentStore.MAX_BODY));
        assertEquals(CommentStore.MAX_BODY, longest.body().length());
        assertThrows(IllegalArgumentException.class, () -> comments.edit(ada.id(), longest.id(), ""));
    }

    @Test
    void aUsersCommentsAreListedNewestFirstWithoutDeletedOnes() {
        Comment a = add(ada, "one");
        Comment b = add(ada, "two");
        reply(grace, b, "grace's");
        Comment c = add(ada, "three");
        done(comments.delete(ada.id(), c.id()));
        assertEquals(List.of(b.id(), a.id()), comments.ofUser(ada.id(), 10).stream().map(Comment::id).toList());
        assertEquals(List.of(b.id()), comments.ofUser(ada.id(), 1).stream().map(Comment::id).toList());
    }
}
