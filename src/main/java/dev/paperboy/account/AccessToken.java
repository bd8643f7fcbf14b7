package dev.paperboy.account;

import java.time.Instant;
import java.util.Optional;

/** A personal access token for the JSON API, without its secret (which is shown once, when it is made). */
public record AccessToken(long id, long userId, String name, Instant createdAt, Optional<Instant> lastUsedAt,
        Optional<Instant> revokedAt) {

    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
