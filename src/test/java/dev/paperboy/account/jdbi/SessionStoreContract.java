package dev.paperboy.account.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.Secrets;
import dev.paperboy.account.Session;
import dev.paperboy.account.SessionStore;
import dev.paperboy.account.SessionStore.Lifetimes;
import dev.paperboy.account.User;
import dev.paperboy.db.StoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the session store on every database; one subclass per database. */
abstract class SessionStoreContract extends StoreFixture {

    static final Lifetimes LIFETIMES = new Lifetimes(Duration.ofMinutes(30), Duration.ofHours(8));

    SessionStore sessions;
    User ada;
    User grace;

    @BeforeEach
    void openStore() {
        sessions = new JdbiSessionStore(db, clock, new Random(3), LIFETIMES);
        JdbiUserStore users = new JdbiUserStore(db, clock);
        ada = users.findOrCreate("ada@example.org");
        grace = users.findOrCreate("grace@example.org");
    }

    @Test
    void aNewSessionFindsItsUserAndIsStoredHashed() {
        String id = sessions.create(ada.id());
        Session s = sessions.find(id).orElseThrow();
        assertEquals(ada, s.user());
        assertEquals(T0, s.createdAt());
        assertEquals(T0, s.lastSeenAt());
        assertEquals(T0.plus(LIFETIMES.idle()), s.expiresAt());
        List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM sessions").mapTo(String.class).list());
        assertEquals(List.of(Secrets.hash(id)), stored);
        assertNotEquals(id, sessions.create(ada.id()), "every sign-in gets a new id");
        assertEquals(Optional.empty(), sessions.find("made-up"));
        assertEquals(Optional.empty(), sessions.find(""));
    }

    @Test
    void aSessionLeftIdleExpiresAndATouchKeepsItAlive() {
        String kept = sessions.create(ada.id());
        String left = sessions.create(ada.id());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.touch(kept));
        assertEquals(T0.plus(Duration.ofMinutes(29)), sessions.find(kept).orElseThrow().lastSeenAt());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), sessions.find(left), "30 minutes without a touch");
        assertFalse(sessions.touch(left), "an expired session cannot be revived");
        Session s = sessions.find(kept).orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(59)), s.expiresAt());
        clock.advance(Duration.ofMinutes(28));
        assertTrue(sessions.find(kept).isPresent(), "a minute before its idle end");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), sessions.find(kept));
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverActive() {
        String id = sessions.create(ada.id());
        for (int minutes = 20; minutes < 8 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.touch(id), "touched at " + minutes + " minutes");
        }
        clock.advance(Duration.ofMinutes(19));
        Session s = sessions.find(id).orElseThrow();
        assertEquals(T0.plus(Duration.ofHours(8)), s.expiresAt(), "the absolute limit comes before the idle one");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), sessions.find(id));
        assertFalse(sessions.touch(id));
    }

    @Test
    void signingOutEndsOneSessionAndSigningOutEverywhereEndsAllOfTheUsers() {
        String laptop = sessions.create(ada.id());
        String phone = sessions.create(ada.id());
        String tablet = sessions.create(ada.id());
        String other = sessions.create(grace.id());
        assertTrue(sessions.delete(laptop));
        assertFalse(sessions.delete(laptop));
        assertEquals(Optional.empty(), sessions.find(laptop));
        assertTrue(sessions.find(phone).isPresent());
        assertEquals(2, sessions.deleteAllOf(ada.id()));
        assertEquals(Optional.empty(), sessions.find(phone));
        assertEquals(Optional.empty(), sessions.find(tablet));
        assertEquals(grace, sessions.find(other).orElseThrow().user());
    }

    @Test
    void aBlockedUsersSessionIsNotFound() {
        String id = sessions.create(ada.id());
        db.jdbi().useHandle(h -> h.execute("UPDATE users SET is_blocked = TRUE WHERE id = ?", ada.id()));
        assertEquals(Optional.empty(), sessions.find(id));
    }

    @Test
    void aSessionMadeByOneProcessWorksInAnother() {
        SessionStore elsewhere = new JdbiSessionStore(secondProcess(), clock, new Random(4), LIFETIMES);
        String id = sessions.create(grace.id());
        assertEquals(grace, elsewhere.find(id).orElseThrow().user());
        clock.advance(Duration.ofMinutes(20));
        assertTrue(elsewhere.touch(id));
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.find(id).isPresent(), "the touch in the other process counts here");
        assertTrue(elsewhere.delete(id));
        assertEquals(Optional.empty(), sessions.find(id));
    }

    @Test
    void expiredSessionsAreSweptAndLiveOnesKept() {
        String old = sessions.create(ada.id());
        clock.advance(Duration.ofMinutes(20));
        String recent = sessions.create(grace.id());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, sessions.deleteExpired());
        assertTrue(sessions.find(recent).isPresent());
        assertEquals(Optional.empty(), sessions.find(old));
    }
}
