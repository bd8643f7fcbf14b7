package dev.paperboy.community.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.User;
import dev.paperboy.account.jdbi.JdbiAccessTokenStore;
import dev.paperboy.account.jdbi.JdbiSessionStore;
import dev.paperboy.account.SessionStore;
import dev.paperboy.community.Comment;
import dev.paperboy.community.ModerationAct;
import dev.paperboy.community.ModerationAct.Action;
import dev.paperboy.community.Outcome.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the moderation store on every database; one subclass per database. */
abstract class ModerationStoreContract extends CommunityFixture {

    User admin;
    User ada;

    @BeforeEach
    void people() {
        admin = user("admin");
        ada = user("ada");
        papers("2611.00001", "2611.00002", "2611.00003");
    }

    @Test
    void hidingAPaperIsRecordedAndListsCanLeaveItOut() {
        ModerationAct act = done(moderation.hidePaper(Optional.of(admin.id()), "2611.00002", " spam "));
        assertEquals(new ModerationAct(act.id(), Optional.of(admin.id()), "admin@example.org", Action.HIDE_PAPER,
                "2611.00002", "spam", T0), act);
        assertEquals(Set.of("2611.00002"), moderation.hiddenAmong(List.of("2611.00001", "2611.00002", "2611.00003")));
        assertTrue(moderation.isHidden("2611.00002"));
        assertFalse(moderation.isHidden("2611.00001"));
        clock.advance(Duration.ofHours(1));
        done(moderation.unhidePaper(Optional.empty(), "2611.00002", "appeal accepted"));
        assertEquals(Set.of(), moderation.hiddenAmong(List.of("2611.00002")));
        List<ModerationAct> log = moderation.log(10, 0);
        assertEquals(List.of(Action.UNHIDE_PAPER, Action.HIDE_PAPER), log.stream().map(ModerationAct::action).toList());
        assertEquals(ModerationAct.OPERATOR, log.getFirst().moderator(), "done at the command line");
        assertEquals(Optional.empty(), log.getFirst().moderatorId());
        assertEquals(T0.plus(Duration.ofHours(1)), log.getFirst().at());
        assertEquals(List.of(act), moderation.log(10, 1));
    }

    @Test
    void aHiddenCommentStopsCountingAndComesBackWhenUnhidden() {
        Comment c = done(comments.add(ada.id(), "2611.00001", Optional.empty(), "Buy cheap watches"));
        assertEquals(1, counts.of("2611.00001").comments());
        done(moderation.hideComment(Optional.of(admin.id()), c.id(), "spam"));
        done(moderation.hideComment(Optional.of(admin.id()), c.id(), "spam, again"));
        assertTrue(comments.find(c.id()).orElseThrow().hidden());
        assertEquals("Buy cheap watches", comments.find(c.id()).orElseThrow().body(), "kept for the moderators");
        assertEquals(0, counts.of("2611.00001").comments());
        done(moderation.unhideComment(Optional.of(admin.id()), c.id(), "mistake"));
        assertFalse(comments.find(c.id()).orElseThrow().hidden());
        assertEquals(1, counts.of("2611.00001").comments());
        assertEquals(3, moderation.log(10, 0).size(), "every act is recorded, even one that changed nothing");
        assertEquals(String.valueOf(c.id()), moderation.log(10, 0).getFirst().target());
        assertCountersExact();
    }

    @Test
    void aBlockedUserIsSignedOutEverywhereAndCannotActUntilUnblocked() {
        SessionStore sessions = new JdbiSessionStore(db, clock, new Random(1), SessionStore.DEFAULT_LIFETIMES);
        JdbiAccessTokenStore tokens = new JdbiAccessTokenStore(db, clock, new Random(2));
        String session = sessions.create(ada.id());
        String token = tokens.create(ada.id(), "ci").secret();
        ModerationAct act = done(moderation.blockUser(Optional.of(admin.id()), ada.id(), "harassment"));
        assertEquals(Action.BLOCK_USER, act.action());
        assertEquals(String.valueOf(ada.id()), act.target());
        assertTrue(users.find(ada.id()).orElseThrow().blocked());
        assertEquals(Optional.empty(), sessions.find(session));
        assertEquals(0, count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", ada.id()), "sessions are gone");
        assertEquals(Optional.empty(), tokens.authenticate(token));
        assertEquals(Refusal.BLOCKED, refusal(votes.toggle(ada.id(), "2611.00001")));
        done(moderation.unblockUser(Optional.of(admin.id()), ada.id(), "served"));
        assertFalse(users.find(ada.id()).orElseThrow().blocked());
        assertTrue(tokens.authenticate(token).isPresent(), "tokens work again; sessions do not come back");
        assertTrue(votes.toggle(ada.id(), "2611.00001").isDone());
    }

    @Test
    void unknownTargetsAreNotFoundAndRecordNothing() {
        assertEquals(Refusal.NOT_FOUND, refusal(moderation.hidePaper(Optional.of(admin.id()), "9999.99999", "x")));
        assertEquals(Refusal.NOT_FOUND, refusal(moderation.hideComment(Optional.of(admin.id()), 4242, "x")));
        assertEquals(Refusal.NOT_FOUND, refusal(moderation.blockUser(Optional.of(admin.id()), 4242, "x")));
        assertEquals(List.of(), moderation.log(10, 0));
        assertThrows(IllegalArgumentException.class, () -> moderation.hidePaper(Optional.of(4242L), "2611.00001", "x"),
                "an unknown moderator");
        assertThrows(IllegalArgumentException.class,
                () -> moderation.hidePaper(Optional.empty(), "2611.00001", "r".repeat(1001)));
        assertEquals(Set.of(), moderation.hiddenAmong(List.of("2611.00001")));
    }
}
