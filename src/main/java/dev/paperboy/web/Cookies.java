package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;

/**
 * The site's own cookies, all HttpOnly and SameSite=Lax. When the base URL is https they are Secure and carry the
 * {@code __Host-} prefix (or {@code __Secure-} for the one with a narrower path), so that no other host, not even
 * a subdomain, can plant one.
 */
final class Cookies {

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    /** Secure cookies when the site's public base URL is https. */
    static Cookies forBaseUrl(String baseUrl) {
        return new Cookies(baseUrl.regionMatches(true, 0, "https:", 0, 6));
    }

    boolean secure() {
        return secure;
    }

    /** The signed-in session's id. */
    String session() {
        return (secure ? "__Host-" : "") + "pb_session";
    }

    /** The anonymous CSRF key of a browser without a session (forms such as sign-in). */
    String csrf() {
        return (secure ? "__Host-" : "") + "pb_csrf";
    }

    /** The nonce that binds a sign-in link to the browser that asked for it (path /signin only). */
    String signInNonce() {
        return (secure ? "__Secure-" : "") + "pb_signin";
    }

    void set(Context ctx, String name, String value, String path, Duration maxAge) {
        ctx.cookie(new Cookie(name, value, path, (int) maxAge.toSeconds(), secure, true, null, SameSite.LAX));
    }

    /** Tells the browser to forget the cookie. */
    void clear(Context ctx, String name, String path) {
        ctx.cookie(new Cookie(name, "", path, 0, secure, true, null, SameSite.LAX));
    }
}
