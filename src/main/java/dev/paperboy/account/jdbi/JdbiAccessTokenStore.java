package dev.paperboy.account.jdbi;

import dev.paperboy.account.AccessToken;
import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.Secrets;
import dev.paperboy.account.User;
import dev.paperboy.db.Database;
import dev.paperboy.db.SqlCalls;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;

/** Personal access tokens in {@code access_tokens} (migration V8), looked up by the hash of their secret. */
public final class JdbiAccessTokenStore implements AccessTokenStore {
    private static final String COLUMNS = "t.id, t.user_id, t.name, t.created_at, t.last_used_at, t.revoked_at";

    private final Jdbi jdbi;
    private final Clock clock;
    private final RandomGenerator random;

    /** {@code random} makes the secrets: a {@link java.security.SecureRandom} outside tests. */
    public JdbiAccessTokenStore(Database db, Clock clock, RandomGenerator random) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public NewToken create(long userId, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) n = "token";
        if (n.length() > MAX_NAME) throw new IllegalArgumentException("account: token name longer than " + MAX_NAME);
        String secret = PREFIX + Secrets.generate(random);
        long now = clock.millis();
        String tokenName = n;
        long id = Calls.run("create an access token for account " + userId, () -> jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO access_tokens (user_id, token_hash, name, created_at) VALUES (:user, :hash, :name, :now)
                        RETURNING id
                        """)
                .bind("user", userId)
                .bind("hash", Secrets.hash(secret))
                .bind("name", tokenName)
                .bind("now", now)
                .mapTo(Long.class)
                .one()));
        return new NewToken(new AccessToken(id, userId, tokenName, Instant.ofEpochMilli(now), Optional.empty(),
                Optional.empty()), secret);
    }

    @Override
    public Optional<Authenticated> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) return Optional.empty();
        String hash = Secrets.hash(secret);
        long now = clock.millis();
        return Calls.run("authenticate an access token", () -> jdbi.withHandle(h -> {
            Optional<Authenticated> found = h.createQuery("SELECT " + COLUMNS + ", " + UserRows.COLUMNS
                            + " FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Authenticated(token(rs), UserRows.read(rs)))
                    .findOne();
            if (found.isEmpty() || found.get().token().revoked() || found.get().user().blocked()) {
                return Optional.<Authenticated>empty();
            }
            AccessToken t = found.get().token();
            long stale = now - LAST_USED_RESOLUTION.toMillis();
            if (t.lastUsedAt().map(at -> at.toEpochMilli() <= stale).orElse(true)) {
                h.createUpdate("UPDATE access_tokens SET last_used_at = :now WHERE id = :id"
                                + " AND (last_used_at IS NULL OR last_used_at <= :stale)")
                        .bind("now", now)
                        .bind("id", t.id())
                        .bind("stale", stale)
                        .execute();
                t = new AccessToken(t.id(), t.userId(), t.name(), t.createdAt(), Optional.of(Instant.ofEpochMilli(now)),
                        t.revokedAt());
            }
            return Optional.of(new Authenticated(t, found.get().user()));
        }));
    }

    @Override
    public List<AccessToken> ofUser(long userId) {
        return Calls.run("list the access tokens of account " + userId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM access_tokens t WHERE t.user_id = :user ORDER BY t.id DESC")
                .bind("user", userId)
                .map((rs, ctx) -> token(rs))
                .list()));
    }

    @Override
    public boolean revoke(long userId, long tokenId) {
        long now = clock.millis();
        return Calls.run("revoke access token " + tokenId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE access_tokens SET revoked_at = :now WHERE id = :id AND user_id = :user AND revoked_at IS NULL")
                .bind("now", now)
                .bind("id", tokenId)
                .bind("user", userId)
                .execute() == 1));
    }

    private static AccessToken token(ResultSet rs) throws SQLException {
        return new AccessToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                Instant.ofEpochMilli(rs.getLong("created_at")), SqlCalls.instant(rs, "last_used_at"),
                SqlCalls.instant(rs, "revoked_at"));
    }
}
