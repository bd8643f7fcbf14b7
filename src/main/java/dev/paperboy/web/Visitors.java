package dev.paperboy.web;

import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.Session;
import dev.paperboy.account.SessionStore;
import dev.paperboy.account.User;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request comes from (docs/accounts.md): the signed-in user of the session cookie, or under /api the user of
 * a personal access token sent as {@code Authorization: Bearer}; resolved once per request and kept on it. Blocked
 * users, ended sessions and revoked tokens are nobody. Also starts and ends sessions (the cookie).
 */
public final class Visitors {

    /** A session's activity is written at most this often (SessionStore.touch restarts its idle lifetime). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final String ATTRIBUTE = "paperboy.signedIn";

    private final SessionStore sessions;
    private final AccessTokenStore tokens;
    private final Set<String> admins;
    private final Clock clock;
    private final Cookies cookies;
    private final Duration sessionCookieAge;

    /** {@code admins}: the normalised addresses of PAPERBOY_ADMINS. */
    public Visitors(SessionStore sessions, AccessTokenStore tokens, Set<String> admins, Clock clock, String baseUrl) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.admins = Set.copyOf(admins);
        this.clock = clock;
        this.cookies = Cookies.forBaseUrl(baseUrl);
        this.sessionCookieAge = SessionStore.DEFAULT_LIFETIMES.absolute();
    }

    /** The signed-in user of this request, if any (resolved on first call, then kept on the request). */
    public Optional<SignedIn> signedIn(Context ctx) {
        Optional<SignedIn> known = ctx.attribute(ATTRIBUTE);
        if (known != null) return known;
        Optional<SignedIn> found = resolve(ctx);
        ctx.attribute(ATTRIBUTE, found);
        return found;
    }

    /**
     * The signed-in user, or {@link SignInRequired}: pages answer a redirect to {@code /signin?next=…} (the page
     * asked for, when it was a GET), the API 401.
     */
    public SignedIn requireSignedIn(Context ctx) {
        return signedIn(ctx).orElseThrow(() -> new SignInRequired(returnPath(ctx)));
    }

    /** Whether the user counts as an admin: the stored flag or an address in PAPERBOY_ADMINS. */
    public boolean isAdmin(User user) {
        return user.admin() || admins.contains(user.email());
    }

    /** Whether this request authenticates with a bearer token (then it is exempt from CSRF checks). */
    static boolean hasBearer(Context ctx) {
        return bearer(ctx).isPresent();
    }

    /**
     * Starts a new session for the user and sets its cookie; the id is new whatever cookie the browser had. Expired
     * sessions are swept here, where rows are made, so the table stays the size of the live ones.
     */
    String startSession(Context ctx, long userId) {
        cookieValue(ctx).ifPresent(sessions::delete); // signing in over another session ends that one
        sessions.deleteExpired();
        String id = sessions.create(userId);
        cookies.set(ctx, cookies.session(), id, "/", sessionCookieAge);
        ctx.attribute(ATTRIBUTE, null);
        return id;
    }

    /** Ends this browser's session (if any) and clears its cookie. */
    void endSession(Context ctx) {
        cookieValue(ctx).ifPresent(sessions::delete);
        cookies.clear(ctx, cookies.session(), "/");
        ctx.attribute(ATTRIBUTE, Optional.empty());
    }

    /** Ends every session of the user and clears this browser's cookie. */
    int endAllSessions(Context ctx, long userId) {
        int n = sessions.deleteAllOf(userId);
        cookies.clear(ctx, cookies.session(), "/");
        ctx.attribute(ATTRIBUTE, Optional.empty());
        return n;
    }

    /** The session cookie's value as the browser sent it (not checked). */
    Optional<String> cookieValue(Context ctx) {
        String v = ctx.cookie(cookies.session());
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    Cookies cookies() {
        return cookies;
    }

    private Optional<SignedIn> resolve(Context ctx) {
        if (ErrorPages.isJsonPath(ctx.path())) {
            Optional<String> bearer = bearer(ctx);
            if (bearer.isPresent()) {
                var auth = tokens.authenticate(bearer.get()).orElseThrow(() -> {
                    ctx.header("WWW-Authenticate", "Bearer");
                    return new UnauthorizedResponse("The access token is not valid (unknown, revoked, or its user is blocked).");
                });
                return Optional.of(new SignedIn(auth.user(), isAdmin(auth.user()), true));
            }
        }
        Optional<String> id = cookieValue(ctx);
        if (id.isEmpty()) return Optional.empty();
        Optional<Session> session = sessions.find(id.get());
        if (session.isEmpty()) return Optional.empty();
        Session s = session.get();
        if (!s.lastSeenAt().plus(TOUCH_EVERY).isAfter(clock.instant())) sessions.touch(id.get());
        return Optional.of(new SignedIn(s.user(), isAdmin(s.user()), false));
    }

    private static Optional<String> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = h.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Where to come back after signing in: the page asked for by a GET, else the home page. */
    private static String returnPath(Context ctx) {
        if (!ctx.method().name().equals("GET")) return "/";
        String q = ctx.queryString();
        return SafeNext.of(ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q));
    }
}
