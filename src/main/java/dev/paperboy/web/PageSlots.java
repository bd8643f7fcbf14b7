package dev.paperboy.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The per-request parts of a page, filled in as it is sent so that templates and cached fragments need no per-user
 * data: the account area of the header ({@link #ACCOUNT}, in the layout), every form's CSRF field ({@link Csrf#FIELD})
 * and, for a signed-in visitor, {@code hx-headers} with the CSRF token on {@code <body>} for htmx requests. The
 * markers start with {@code <}, which escaped text cannot contain, so user content never fills a slot.
 */
public final class PageSlots {

    /** Where the layout's header shows "Sign in" or the signed-in user's name and a sign-out button. */
    public static final String ACCOUNT = "<pb-account-slot></pb-account-slot>";

    private static final String ATTRIBUTE = "paperboy.pageSlots";
    private static final byte[] ACCOUNT_BYTES = ACCOUNT.getBytes(StandardCharsets.UTF_8);
    private static final byte[] FIELD_BYTES = Csrf.FIELD.getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY_BYTES = "<body>".getBytes(StandardCharsets.UTF_8);
    /** For pages sent without accounts (Jetty's own errors, servers built without them): a plain sign-in link. */
    private static final byte[] SIGN_IN_LINK =
            "<nav class=\"account\" aria-label=\"Account\"><a href=\"/signin\">Sign in</a></nav>"
                    .getBytes(StandardCharsets.UTF_8);

    /** The signed-in header: the name (escaped by the template), links and the sign-out form. */
    public record AccountView(boolean signedIn, String name, boolean admin, String signInUrl) {}

    private final Templates templates;
    private final Visitors visitors;
    private final Csrf csrf;
    private final CommunitySlots community; // null: vote markers show their counts only

    public PageSlots(Templates templates, Visitors visitors, Csrf csrf) {
        this(templates, visitors, csrf, null);
    }

    /** {@code community} fills the vote and moderation controls (before the CSRF fields, which they hold). */
    public PageSlots(Templates templates, Visitors visitors, Csrf csrf, CommunitySlots community) {
        this.templates = templates;
        this.visitors = visitors;
        this.csrf = csrf;
        this.community = community;
    }

    /** Makes this the filler of the request's pages (a before-handler of every route). */
    void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The page with its slots filled for this request. */
    static byte[] fill(Context ctx, byte[] page) {
        PageSlots slots = ctx == null ? null : ctx.attribute(ATTRIBUTE);
        if (slots == null) return anonymous(page);
        return slots.fillFor(ctx, page);
    }

    /** The page with the sign-in link in the header and forms without a token (no request to make one for). */
    static byte[] anonymous(byte[] page) {
        byte[] out = replace(CommunitySlots.countsOnly(page), ACCOUNT_BYTES, SIGN_IN_LINK, true);
        return replace(out, FIELD_BYTES, new byte[0], false);
    }

    private byte[] fillFor(Context ctx, byte[] page) {
        boolean controls = CommunitySlots.holdsMarkers(page);
        if (!controls && indexOf(page, ACCOUNT_BYTES, 0) < 0 && indexOf(page, FIELD_BYTES, 0) < 0) return page;
        Optional<SignedIn> who = visitors.signedIn(ctx);
        AccountView view = who.map(s -> new AccountView(true, s.name(), s.admin(), ""))
                .orElseGet(() -> new AccountView(false, "", false, signInUrl(ctx)));
        if (controls) page = community == null ? CommunitySlots.countsOnly(page) : community.fill(ctx, page, who);
        byte[] out = replace(page, ACCOUNT_BYTES,
                templates.render("fragments/account.jte", view).getBytes(StandardCharsets.UTF_8), true);
        if (indexOf(out, FIELD_BYTES, 0) >= 0) {
            out = replace(out, FIELD_BYTES, csrf.field(ctx).getBytes(StandardCharsets.UTF_8), false);
        }
        if (who.isPresent()) {
            String body = "<body hx-headers='{\"" + Csrf.HEADER + "\": \"" + csrf.token(ctx) + "\"}'>";
            out = replace(out, BODY_BYTES, body.getBytes(StandardCharsets.UTF_8), true);
        }
        return out;
    }

    /** The header's sign-in link, coming back to this page when it was a GET of a page. */
    private static String signInUrl(Context ctx) {
        if (!ctx.method().name().equals("GET") || ctx.statusCode() != 200) return "/signin";
        String q = ctx.queryString();
        String next = SafeNext.of(ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q));
        return next.equals("/") ? "/signin" : "/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    private static byte[] replace(byte[] in, byte[] marker, byte[] with, boolean firstOnly) {
        int at = indexOf(in, marker, 0);
        if (at < 0) return in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + with.length);
        int from = 0;
        while (at >= 0) {
            out.write(in, from, at - from);
            out.writeBytes(with);
            from = at + marker.length;
            at = firstOnly ? -1 : indexOf(in, marker, from);
        }
        out.write(in, from, in.length - from);
        return out.toByteArray();
    }

    /**
     * Where {@code marker} first occurs in {@code in} at or after {@code from}, or -1. Boyer-Moore-Horspool: pages are
     * ~100 KB and searched several times each as they are sent, and every marker starts with {@code <}, the commonest
     * byte of HTML, so comparing from the marker's last byte and skipping ahead is several times cheaper than a byte
     * at a time (a naive scan was a fifth of a day page's CPU).
     */
    static int indexOf(byte[] in, byte[] marker, int from) {
        int m = marker.length;
        if (m == 0) return from <= in.length ? Math.max(from, 0) : -1;
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, m);
        for (int j = 0; j < m - 1; j++) shift[marker[j] & 0xff] = m - 1 - j;
        byte lastByte = marker[m - 1];
        for (int i = Math.max(from, 0), last = in.length - m; i <= last; ) {
            byte b = in[i + m - 1];
            if (b == lastByte && java.util.Arrays.equals(in, i, i + m - 1, marker, 0, m - 1)) return i;
            i += shift[b & 0xff];
        }
        return -1;
    }
}
