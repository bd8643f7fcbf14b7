package dev.paperboy.community.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.LoginTokenStore;
import dev.paperboy.account.SessionStore;
import dev.paperboy.account.User;
import dev.paperboy.account.jdbi.JdbiAccessTokenStore;
import dev.paperboy.account.jdbi.JdbiLoginTokenStore;
import dev.paperboy.account.jdbi.JdbiSessionStore;
import dev.paperboy.community.AccountDeletion.Report;
import dev.paperboy.community.Comment;
import dev.paperboy.community.ModerationAct;
import dev.paperboy.community.PaperCollection;
import dev.paperboy.paper.HubEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What deleting an account removes, anonymises and keeps, on every database; one subclass per database. */
abstract class AccountDeletionContract extends CommunityFixture {

    static final LocalDate DAY = LocalDate.parse("2026-12-01");

    User ada;
    User grace;

    @BeforeEach
    void people() {
        ada = user("ada");
        grace = user("grace");
        papers("2611.00001", "2611.00002", "2611.00003");
    }

    Comment comment(User u, String paper, Comment replyTo, String body) {
        return done(comments.add(u.id(), paper, Optional.ofNullable(replyTo).map(Comment::id), body));
    }

    @Test
    void deletingAnAccountRemovesItsDataAndKeepsOthersThreadsWhole() {
        // Votes: ada's go, grace's stay.
        votes.toggle(ada.id(), "2611.00001");
        votes.toggle(ada.id(), "2611.00002");
        votes.toggle(grace.id(), "2611.00001");
        // Comments on one paper: a thread of ada's with grace's reply, one without replies, a thread of ada's with
        // only her own reply, and ada's reply in grace's thread.
        Comment answered = comment(ada, "2611.00003", null, "ada asks");
        Comment graceReply = comment(grace, "2611.00003", answered, "grace answers");
        comment(ada, "2611.00003", null, "ada alone");
        Comment selfThread = comment(ada, "2611.00003", null, "ada talks");
        comment(ada, "2611.00003", selfThread, "ada to herself");
        Comment graces = comment(grace, "2611.00003", null, "grace's thread");
        comment(ada, "2611.00003", graces, "ada replies to grace");
        // Collections, a submission, sessions, a token, a sign-in link, and an act as a moderator.
        PaperCollection mine = done(collections.create(ada.id(), "Mine", "", true));
        done(collections.add(ada.id(), mine.id(), "2611.00001"));
        PaperCollection hers = done(collections.create(grace.id(), "Hers", "", true));
        done(collections.add(grace.id(), hers.id(), "2611.00001"));
        done(submissions.submit(ada.id(), "2611.00002", DAY, 10));
        SessionStore sessions = new JdbiSessionStore(db, clock, new Random(1), SessionStore.DEFAULT_LIFETIMES);
        String adaSession = sessions.create(ada.id());
        sessions.create(ada.id());
        String graceSession = sessions.create(grace.id());
        JdbiAccessTokenStore tokens = new JdbiAccessTokenStore(db, clock, new Random(2));
        String adaToken = tokens.create(ada.id(), "ci").secret();
        LoginTokenStore links = new JdbiLoginTokenStore(db, clock, new Random(3));
        String adaLink = links.issue("ada@example.org", false).token();
        done(moderation.hidePaper(Optional.of(ada.id()), "2611.00003", "duplicate"));
        long sequence = papers.lastSequence();

        Report report = deletion.delete(ada.id()).orElseThrow();

        assertEquals(new Report(2, 4, 1, 1, 1, 2, 1), report);
        assertEquals(Optional.empty(), users.find(ada.id()));
        assertEquals(1, users.count());
        // Votes and counters.
        assertEquals(List.of(), votes.ofUser(ada.id()));
        assertEquals(1, counts.of("2611.00001").votes());
        assertEquals(0, counts.of("2611.00002").votes());
        // Threads: ada's answered comment is an anonymous placeholder above grace's reply; the rest of ada's is gone.
        List<Comment> thread = comments.ofPaper("2611.00003");
        assertEquals(List.of(answered.id(), graceReply.id(), graces.id()), thread.stream().map(Comment::id).toList());
        Comment placeholder = thread.getFirst();
        assertTrue(placeholder.deleted());
        assertEquals("", placeholder.body());
        assertEquals(Optional.empty(), placeholder.authorId());
        assertEquals(Optional.empty(), placeholder.authorName());
        assertEquals(2, counts.of("2611.00003").comments());
        assertCountersExact();
        // Collections: hers stays whole.
        assertEquals(Optional.empty(), collections.find(mine.id(), Optional.empty()));
        assertEquals(1, collections.find(hers.id(), Optional.empty()).orElseThrow().papers());
        // The submission: still on its day's list, without a submitter, and the paper is marked changed.
        HubEntry entry = papers.find("2611.00002").orElseThrow().hubEntries().getFirst();
        assertEquals(HubEntry.LOCAL, entry.hub());
        assertNull(entry.submitter());
        assertEquals(List.of(), submissions.ofUser(ada.id(), 10));
        assertEquals(Optional.empty(), submissions.find("2611.00002", DAY));
        assertEquals(List.of("2611.00002"),
                papers.changedSince(sequence, 10).stream().map(c -> c.paper().id()).toList());
        // Secrets: all gone; grace's session is untouched.
        assertEquals(Optional.empty(), sessions.find(adaSession));
        assertTrue(sessions.find(graceSession).isPresent());
        assertEquals(Optional.empty(), tokens.authenticate(adaToken));
        assertEquals(LoginTokenStore.Outcome.UNKNOWN, links.redeem(adaLink, Optional.empty()).outcome());
        // The moderation log keeps who did it, by the address they had.
        ModerationAct act = moderation.log(10, 0).getFirst();
        assertEquals("ada@example.org", act.moderator());
        assertEquals(Optional.empty(), act.moderatorId());
        assertTrue(moderation.isHidden("2611.00003"));
    }

    @Test
    void anAddressCanSignUpAgainAfterItsAccountWasDeletedAndGetsANewId() {
        deletion.delete(ada.id()).orElseThrow();
        User again = users.findOrCreate("ada@example.org");
        assertTrue(again.id() > grace.id(), "ids are never reused");
        assertEquals("", again.displayName());
    }

    @Test
    void deletingAnUnknownAccountChangesNothing() {
        assertEquals(Optional.empty(), deletion.delete(4242));
        assertEquals(2, users.count());
    }
}
