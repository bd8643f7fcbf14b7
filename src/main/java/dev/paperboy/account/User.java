package dev.paperboy.account;

import java.time.Instant;
import java.util.Locale;

/**
 * A person with an account. {@code admin} is the stored flag only: the addresses in {@code PAPERBOY_ADMINS} are
 * admins too, whatever it says. A blocked user cannot sign in, post or vote.
 */
public record User(long id, String email, String displayName, boolean admin, boolean blocked, Instant createdAt) {

    /** The longest address accepted (RFC 5321's path limit). */
    public static final int MAX_EMAIL = 254;
    /** The longest display name accepted. */
    public static final int MAX_DISPLAY_NAME = 80;

    /** The name shown to others: the display name, or "user N" until one is chosen (never the address). */
    public String publicName() {
        return publicName(id, displayName);
    }

    /** The name shown for the account {@code id} with this stored display name. */
    public static String publicName(long id, String displayName) {
        return displayName == null || displayName.isBlank() ? "user " + id : displayName;
    }

    /**
     * The form addresses are stored and compared in: stripped and lower-case. Refuses, with
     * {@link IllegalArgumentException}, text that cannot be an address (no {@code @}, spaces or control
     * characters, longer than {@link #MAX_EMAIL}); checking more is the mail server's job.
     */
    public static String normaliseEmail(String email) {
        if (email == null) throw new IllegalArgumentException("account: no email address");
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at < 1 || at == e.length() - 1) throw new IllegalArgumentException("account: not an email address: " + e);
        if (e.length() > MAX_EMAIL) throw new IllegalArgumentException("account: email address longer than " + MAX_EMAIL);
        for (int i = 0; i < e.length(); i++) {
            char ch = e.charAt(i);
            if (Character.isWhitespace(ch) || Character.isISOControl(ch)) {
                throw new IllegalArgumentException("account: email address contains a space or control character");
            }
        }
        return e;
    }

    /** A display name as stored: stripped; refused when longer than {@link #MAX_DISPLAY_NAME} or with control characters. */
    public static String normaliseDisplayName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.length() > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("account: display name longer than " + MAX_DISPLAY_NAME + " characters");
        }
        for (int i = 0; i < n.length(); i++) {
            if (Character.isISOControl(n.charAt(i))) {
                throw new IllegalArgumentException("account: display name contains a control character");
            }
        }
        return n;
    }
}
