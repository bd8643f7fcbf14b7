package dev.paperboy.account.jdbi;

import dev.paperboy.account.LoginTokenStore;
import dev.paperboy.account.Secrets;
import dev.paperboy.account.User;
import dev.paperboy.db.Database;
import dev.paperboy.db.SqlCalls;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;

/** Sign-in tokens in {@code login_tokens} (migration V8): hashes only, redeemed by one guarded UPDATE. */
public final class JdbiLoginTokenStore implements LoginTokenStore {
    private record Stored(String email, long expiresAt, boolean used) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final RandomGenerator random;

    /** {@code random} makes the secrets: a {@link java.security.SecureRandom} outside tests. */
    public JdbiLoginTokenStore(Database db, Clock clock, RandomGenerator random) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public LoginLink issue(String email, boolean bindToBrowser) {
        String e = User.normaliseEmail(email);
        String token = Secrets.generate(random);
        Optional<String> nonce = bindToBrowser ? Optional.of(Secrets.generate(random)) : Optional.empty();
        Instant now = Instant.ofEpochMilli(clock.millis());
        Instant expires = now.plus(LIFETIME);
        Calls.run("issue a sign-in token", () -> jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO login_tokens (token_hash, email, nonce_hash, created_at, expires_at, used_at)
                        VALUES (:token, :email, :nonce, :now, :expires, NULL)
                        """)
                .bind("token", Secrets.hash(token))
                .bind("email", e)
                .bind("nonce", nonce.map(Secrets::hash).orElse(null))
                .bind("now", now.toEpochMilli())
                .bind("expires", expires.toEpochMilli())
                .execute()));
        return new LoginLink(token, nonce, expires);
    }

    @Override
    public Redemption redeem(String token, Optional<String> browserNonce) {
        if (token == null || token.isEmpty()) return new Redemption(Outcome.UNKNOWN, Optional.empty());
        String hash = Secrets.hash(token);
        String nonceHash = browserNonce.filter(n -> !n.isEmpty()).map(Secrets::hash).orElse(null);
        long now = clock.millis();
        return Calls.run("redeem a sign-in token", () -> jdbi.inTransaction(h -> {
            // The single statement that uses a token up: a second redeemer (even a concurrent one, which waits for
            // the first's row lock on PostgreSQL or its write lock on SQLite) finds used_at set and changes nothing.
            int n = h.createUpdate("""
                    UPDATE login_tokens SET used_at = :now
                    WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                      AND (nonce_hash IS NULL OR nonce_hash = :nonce)
                    """)
                    .bind("now", now)
                    .bind("hash", hash)
                    .bind("nonce", nonceHash)
                    .execute();
            Optional<Stored> row = h.createQuery(
                            "SELECT email, expires_at, used_at FROM login_tokens WHERE token_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Stored(rs.getString("email"), rs.getLong("expires_at"),
                            SqlCalls.instant(rs, "used_at").isPresent()))
                    .findOne();
            if (row.isEmpty()) return new Redemption(Outcome.UNKNOWN, Optional.empty());
            if (n == 1) return new Redemption(Outcome.SIGNED_IN, Optional.of(row.get().email()));
            if (row.get().used()) return new Redemption(Outcome.USED, Optional.empty());
            if (row.get().expiresAt() <= now) return new Redemption(Outcome.EXPIRED, Optional.empty());
            return new Redemption(Outcome.OTHER_BROWSER, Optional.empty());
        }));
    }

    @Override
    public int issuedSince(String email, Instant since) {
        String e = User.normaliseEmail(email);
        return Calls.run("count sign-in tokens", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM login_tokens WHERE email = :email AND created_at >= :since")
                .bind("email", e)
                .bind("since", since.toEpochMilli())
                .mapTo(Integer.class)
                .one()));
    }

    @Override
    public int deleteExpired() {
        long now = clock.millis();
        return Calls.run("delete expired sign-in tokens", () -> jdbi.withHandle(h ->
                h.createUpdate("DELETE FROM login_tokens WHERE expires_at <= :now").bind("now", now).execute()));
    }
}
