package dev.paperboy.web;

import dev.paperboy.account.User;

/**
 * The person a request acts for: signed in by the session cookie (pages) or by a personal access token (
 * {@code Authorization: Bearer} under /api). {@code admin} is the stored flag or an address in PAPERBOY_ADMINS.
 */
public record SignedIn(User user, boolean admin, boolean byToken) {

    public long id() {
        return user.id();
    }

    /** The name shown to others: the display name, or "user N" (never the address). */
    public String name() {
        return user.publicName();
    }
}
