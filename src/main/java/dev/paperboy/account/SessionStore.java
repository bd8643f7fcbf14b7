package dev.paperboy.account;

import java.time.Duration;
import java.util.Optional;

/**
 * Signed-in sessions, in the database so that every serve process shares them. A session id is a secret
 * (the cookie's value) and only its hash is stored. A session ends when it was not touched for the idle
 * lifetime, or at the absolute lifetime after sign-in however active it was.
 */
public interface SessionStore {

    /** The lifetimes sessions get unless configured otherwise. */
    Lifetimes DEFAULT_LIFETIMES = new Lifetimes(Duration.ofDays(7), Duration.ofDays(30));

    /** Idle: the most time between two touches; absolute: the most time since sign-in. */
    record Lifetimes(Duration idle, Duration absolute) {
        public Lifetimes {
            if (!idle.isPositive() || !absolute.isPositive()) {
                throw new IllegalArgumentException("session: lifetimes must be positive");
            }
        }
    }

    /** A new session for this user (always a new id: sign-in never reuses one); returns its id, shown only here. */
    String create(long userId);

    /**
     * The live session with this id and its user; empty when the id is unknown, the session expired (it is deleted
     * then), or the user is blocked.
     */
    Optional<Session> find(String sessionId);

    /** Records activity now, restarting the idle lifetime; false when there is no live session with this id. */
    boolean touch(String sessionId);

    /** Ends one session (sign out); false when there was none. */
    boolean delete(String sessionId);

    /** Ends every session of this user (sign out everywhere); returns how many. */
    int deleteAllOf(long userId);

    /** Deletes the sessions that expired; returns how many. */
    int deleteExpired();
}
