package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Conditional GET for feeds and list pages: an {@code ETag} (weak: Javalin may gzip the body, and the same entity in
 * another coding must not claim byte equality), a {@code Last-Modified}, {@code Cache-Control}, and a 304 without a
 * body when the client's copy is current (RFC 9110 13.1.1/13.1.3: {@code If-None-Match} wins; {@code
 * If-Modified-Since} counts only without it).
 * <p>
 * {@code Last-Modified} is the first time this process served the current representation of the URL (by ETag),
 * remembered for the {@link #REMEMBERED} most recent URLs: a feed's newest entry date would miss a removed paper or a
 * back-dated one, while "unchanged since we first saw it" is never later than the truth. A restart forgets, which only
 * costs clients one full answer.
 */
public final class Conditional {

    /** How long a client or proxy may reuse an answer without asking again. */
    public enum Freshness {
        /**
         * Feeds: 15 minutes. Papers arrive at most hourly (the Hugging Face harvest; arXiv once a day), readers poll
         * every 15-60 minutes, and a revalidation after that costs one 304.
         */
        FEED("public, max-age=900"),
        /**
         * List and search pages: stored, but revalidated on every view (a 304 when nothing changed), so a page never
         * shows stale lists and can later carry per-user state (votes) without serving one user's page to another.
         */
        PAGE("no-cache"),
        /** The API description: changes only with a release. */
        DOCUMENT("public, max-age=3600");

        private final String header;

        Freshness(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    /** URLs whose first-seen time is kept; ~100 bytes each. */
    static final int REMEMBERED = 10_000;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Map<String, Seen> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Seen(String etag, Instant since) {}

    public Conditional(Clock clock) {
        this.clock = clock;
    }

    /**
     * Answers {@code body} as {@code contentType} with an ETag computed from it and the freshness's Cache-Control, or
     * 304 when the request's validators match. Rendering happens before; use {@link #notModified} to skip it.
     */
    public void send(Context ctx, Freshness freshness, String contentType, byte[] body) {
        String etag = etagOf(body);
        if (notModified(ctx, freshness, etag)) return;
        ctx.contentType(contentType).result(body);
    }

    /**
     * The page handler with conditional GET: a 200 it renders gets an ETag from its bytes, {@link Freshness#PAGE}
     * caching and, when the client already has that page, becomes a 304. Other statuses pass through untouched.
     */
    public Handler page(Handler handler) {
        return page(handler, Freshness.PAGE);
    }

    /** {@link #page(Handler)} with another freshness (a paper's BibTeX and Markdown: {@link Freshness#FEED}). */
    public Handler page(Handler handler, Freshness freshness) {
        return ctx -> {
            handler.handle(ctx);
            if (ctx.statusCode() != 200) return;
            InputStream in = ctx.resultInputStream();
            if (in == null) return;
            byte[] body = in.readAllBytes();
            ctx.result(notModified(ctx, freshness, etagOf(body)) ? new byte[0] : body);
        };
    }

    /**
     * Sets ETag, Last-Modified and Cache-Control for the representation tagged {@code etag}; when the client already
     * has it, also answers 304 and returns true (the caller sends nothing more). For an ETag from the data version
     * ({@link #versionTag}), call this before rendering.
     */
    public boolean notModified(Context ctx, Freshness freshness, String etag) {
        Instant lastModified = firstSeen(key(ctx), etag);
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HTTP_DATE.format(lastModified));
        ctx.header("Cache-Control", freshness.header());
        if (!isCurrent(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, lastModified)) return false;
        ctx.status(304);
        return true;
    }

    /** Whether the client's copy is current, by RFC 9110's rules for GET and HEAD. */
    static boolean isCurrent(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) return matchesAny(ifNoneMatch, etag);
        if (ifModifiedSince == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110 13.1.3: an invalid date is ignored
        }
    }

    /** Weak comparison of an If-None-Match list ({@code *} or comma-separated tags) with {@code etag}. */
    static boolean matchesAny(String ifNoneMatch, String etag) {
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(ours)) return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** A weak ETag of the bytes: 128 bits of their SHA-256. */
    public static String etagOf(byte[] body) {
        // Two CRCs of different polynomials and the length, not SHA-256: a weak validator needs no cryptographic
        // strength, and hashing 60–100 KB list pages with SHA-256 was 7 % of a list request's CPU. Both CRCs are
        // hardware-assisted; a stale page would need both to collide at the same length.
        CRC32C c = new CRC32C();
        c.update(body);
        CRC32 d = new CRC32();
        d.update(body);
        return tag(ByteBuffer.allocate(16).putInt((int) c.getValue()).putInt((int) d.getValue())
                .putLong(body.length).array());
    }

    /**
     * A weak ETag from what a page is computed from (say the store's {@link dev.paperboy.paper.PaperStore#lastSequence}
     * and the request's URL): equal parts, equal tag. Everything the page depends on must be among the parts.
     */
    public static String versionTag(Object... parts) {
        MessageDigest md = sha256();
        for (Object p : parts) {
            md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return tag(md.digest());
    }

    private static String tag(byte[] digest) {
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
    }

    private synchronized Instant firstSeen(String key, String etag) {
        Seen s = seen.get(key);
        if (s == null || !s.etag().equals(etag)) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            // A change within the second of the last one still gets a later date, so If-Modified-Since sees it.
            if (s != null && !now.isAfter(s.since())) now = s.since().plusSeconds(1);
            s = new Seen(etag, now);
            seen.put(key, s);
        }
        return s.since();
    }

    private static String key(Context ctx) {
        String q = ctx.queryString();
        return q == null || q.isEmpty() ? ctx.path() : ctx.path() + "?" + q;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("web: SHA-256 is missing from this JVM", e);
        }
    }
}
