package dev.paperboy.account;

import java.time.Instant;

/** A live signed-in session and its user; it ends at {@code expiresAt} unless touched (then idle expiry restarts). */
public record Session(User user, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {}
