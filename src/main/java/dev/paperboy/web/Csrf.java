package dev.paperboy.web;

import dev.paperboy.account.Secrets;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection (docs/accounts.md). Every POST, PUT, PATCH and DELETE to a route must carry
 * the request's token in the form field {@code csrf} or the header {@code X-CSRF-Token}, else 403; API requests
 * with {@code Authorization: Bearer} are exempt (a browser never adds that header on its own), and so are API
 * requests without a session cookie (nothing to forge; they answer 401).
 * <p>
 * The token is an HMAC-SHA256 keyed with a secret the browser holds in an HttpOnly cookie: the session id when
 * there is a session cookie, otherwise a random anonymous key in its own cookie (a signed double-submit cookie, for
 * forms such as sign-in). A page on another site can neither read the cookie nor compute the token, and the server
 * needs no key of its own, so every serve process accepts every other's tokens.
 */
public final class Csrf {

    /** The form field that carries the token. */
    public static final String FIELD_NAME = "csrf";
    /** The header that carries the token (htmx: set on {@code <body>} by {@link PageSlots} for signed-in pages). */
    public static final String HEADER = "X-CSRF-Token";
    /**
     * What a template writes inside every form that posts, as {@code $unsafe{Csrf.FIELD}}: {@link PageSlots}
     * replaces it with the request's hidden field when the page is sent, so cached fragments can hold it too.
     */
    public static final String FIELD = "<input type=\"hidden\" name=\"csrf\" data-pb-csrf>";

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final byte[] PURPOSE = "paperboy csrf v1".getBytes(StandardCharsets.UTF_8);
    private static final Duration ANONYMOUS_KEY_AGE = Duration.ofDays(1);
    private static final String CREATED = "paperboy.csrfKey";

    private final Visitors visitors;
    private final RandomGenerator random;

    public Csrf(Visitors visitors, RandomGenerator random) {
        this.visitors = visitors;
        this.random = random;
    }

    /** This request's token; sets the anonymous key cookie when the browser has neither it nor a session. */
    public String token(Context ctx) {
        Optional<String> key = key(ctx);
        if (key.isPresent()) return tokenFor(key.get());
        String fresh = Secrets.generate(random);
        Cookies c = visitors.cookies();
        c.set(ctx, c.csrf(), fresh, "/", ANONYMOUS_KEY_AGE);
        ctx.attribute(CREATED, fresh);
        return tokenFor(fresh);
    }

    /** The hidden form field with this request's token. */
    String field(Context ctx) {
        return "<input type=\"hidden\" name=\"" + FIELD_NAME + "\" value=\"" + token(ctx) + "\">";
    }

    /** Refuses, with 403, a state-changing request without a valid token (before every matched route). */
    void check(Context ctx) {
        if (!UNSAFE.contains(ctx.method().name())) return;
        // Under /api a request with a bearer token, or with no session cookie at all, carries no ambient authority a
        // page elsewhere could abuse: the handler answers it (401 without a token), not this check.
        if (ErrorPages.isJsonPath(ctx.path()) && (Visitors.hasBearer(ctx) || visitors.cookieValue(ctx).isEmpty())) return;
        String sent = ctx.header(HEADER);
        if (sent == null || sent.isEmpty()) sent = ctx.formParam(FIELD_NAME);
        Optional<String> key = key(ctx);
        if (sent == null || key.isEmpty() || !MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), tokenFor(key.get()).getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This form is out of date or did not come from this site (its security "
                    + "token is missing or wrong). Go back, reload the page and try again.");
        }
    }

    /** The secret the token is made from: the session cookie, else the anonymous key (set earlier in this request). */
    private Optional<String> key(Context ctx) {
        Optional<String> session = visitors.cookieValue(ctx);
        if (session.isPresent()) return session;
        String created = ctx.attribute(CREATED);
        if (created != null) return Optional.of(created);
        String anonymous = ctx.cookie(visitors.cookies().csrf());
        return anonymous == null || anonymous.isEmpty() ? Optional.empty() : Optional.of(anonymous);
    }

    static String tokenFor(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(PURPOSE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("csrf: HmacSHA256 is missing from this JVM", e);
        }
    }
}
