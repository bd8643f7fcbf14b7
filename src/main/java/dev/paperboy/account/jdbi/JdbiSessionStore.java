package dev.paperboy.account.jdbi;

import dev.paperboy.account.Secrets;
import dev.paperboy.account.Session;
import dev.paperboy.account.SessionStore;
import dev.paperboy.account.User;
import dev.paperboy.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;

/** Sessions in {@code sessions} (migration V8), keyed by the hash of their id; expiry is checked on every read. */
public final class JdbiSessionStore implements SessionStore {
    private final Jdbi jdbi;
    private final Clock clock;
    private final RandomGenerator random;
    private final Lifetimes lifetimes;

    /** {@code random} makes the ids: a {@link java.security.SecureRandom} outside tests. */
    public JdbiSessionStore(Database db, Clock clock, RandomGenerator random, Lifetimes lifetimes) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
    }

    @Override
    public String create(long userId) {
        String id = Secrets.generate(random);
        long now = clock.millis();
        Calls.run("create a session for account " + userId, () -> jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (:id, :user, :now, :now)
                        """)
                .bind("id", Secrets.hash(id))
                .bind("user", userId)
                .bind("now", now)
                .execute()));
        return id;
    }

    private record Row(User user, long createdAt, long lastSeenAt) {}

    @Override
    public Optional<Session> find(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) return Optional.empty();
        String hash = Secrets.hash(sessionId);
        long now = clock.millis();
        return Calls.run("find a session", () -> jdbi.withHandle(h -> {
            Optional<Row> row = h.createQuery("SELECT s.created_at, s.last_seen_at, " + UserRows.COLUMNS
                            + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = :id")
                    .bind("id", hash)
                    .map((rs, ctx) -> new Row(UserRows.read(rs), rs.getLong("created_at"), rs.getLong("last_seen_at")))
                    .findOne();
            if (row.isEmpty()) return Optional.<Session>empty();
            long expires = expiresAt(row.get().createdAt(), row.get().lastSeenAt());
            if (expires <= now) {
                h.createUpdate("DELETE FROM sessions WHERE id_hash = :id").bind("id", hash).execute();
                return Optional.<Session>empty();
            }
            if (row.get().user().blocked()) return Optional.<Session>empty();
            return Optional.of(new Session(row.get().user(), Instant.ofEpochMilli(row.get().createdAt()),
                    Instant.ofEpochMilli(row.get().lastSeenAt()), Instant.ofEpochMilli(expires)));
        }));
    }

    /** The first instant at which a session is over: idle since its last touch, or too old. */
    private long expiresAt(long createdAt, long lastSeenAt) {
        return Math.min(lastSeenAt + lifetimes.idle().toMillis(), createdAt + lifetimes.absolute().toMillis());
    }

    @Override
    public boolean touch(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) return false;
        long now = clock.millis();
        return Calls.run("touch a session", () -> jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE sessions SET last_seen_at = :now
                        WHERE id_hash = :id AND last_seen_at > :idleSince AND created_at > :oldest
                        """)
                .bind("now", now)
                .bind("id", Secrets.hash(sessionId))
                .bind("idleSince", now - lifetimes.idle().toMillis())
                .bind("oldest", now - lifetimes.absolute().toMillis())
                .execute() == 1));
    }

    @Override
    public boolean delete(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) return false;
        return Calls.run("delete a session", () -> jdbi.withHandle(h ->
                h.createUpdate("DELETE FROM sessions WHERE id_hash = :id").bind("id", Secrets.hash(sessionId))
                        .execute() == 1));
    }

    @Override
    public int deleteAllOf(long userId) {
        return Calls.run("delete the sessions of account " + userId, () -> jdbi.withHandle(h ->
                h.createUpdate("DELETE FROM sessions WHERE user_id = :user").bind("user", userId).execute()));
    }

    @Override
    public int deleteExpired() {
        long now = clock.millis();
        return Calls.run("delete expired sessions", () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM sessions WHERE last_seen_at <= :idleSince OR created_at <= :oldest")
                .bind("idleSince", now - lifetimes.idle().toMillis())
                .bind("oldest", now - lifetimes.absolute().toMillis())
                .execute()));
    }
}
