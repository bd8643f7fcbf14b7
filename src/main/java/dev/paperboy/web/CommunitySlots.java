package dev.paperboy.web;

import dev.paperboy.community.ModerationStore;
import dev.paperboy.community.VoteStore;
import dev.paperboy.hub.Community;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-visitor community controls of a page (docs/community.md), filled in as it is sent, like {@link PageSlots}:
 * templates and memoised cards hold only neutral markers, {@code <pb-vote data-paper="ID" data-votes="N"></pb-vote>}
 * ({@code data-votes} optional: without it the count is read here, in one batch) and
 * {@code <pb-moderation data-paper="ID"></pb-moderation>} (the paper page). A signed-in visitor gets the vote form with
 * their pressed state, from ONE {@link VoteStore#votedAmong} per page; anyone else a link to sign in and back; admins
 * get the moderation form, everyone else nothing. Markers start with {@code <}, which escaped text never holds.
 */
public final class CommunitySlots {

    private static final byte[] VOTE = "<pb-vote data-paper=\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VOTES_ATTRIBUTE = " data-votes=\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VOTE_END = "></pb-vote>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODERATION = "<pb-moderation data-paper=\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODERATION_END = "></pb-moderation>".getBytes(StandardCharsets.UTF_8);

    /**
     * One vote control: the paper, its count here, whether the visitor is signed in and has voted, and where the
     * plain form post comes back to ({@code next}: the page and this control's anchor).
     */
    public record VoteView(String paperId, int votes, boolean signedIn, boolean voted, String next) {

        public String action() {
            return Views.paperUrl(paperId) + "/vote";
        }

        public String anchor() {
            return anchorOf(paperId);
        }

        public String votesText() {
            return ListViews.plural(votes, "vote");
        }

        /** The sign-in page, coming back to this control. */
        public String signInUrl() {
            return "/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        }
    }

    /** The paper page's moderation form for an admin: hide, or (hidden) the banner and unhide. */
    public record ModerationView(String paperId, boolean hidden, String next) {}

    private final Templates templates;
    private final VoteStore votes;
    private final Community counts;
    private final ModerationStore moderation;

    public CommunitySlots(Templates templates, VoteStore votes, Community counts, ModerationStore moderation) {
        this.templates = templates;
        this.votes = votes;
        this.counts = counts;
        this.moderation = moderation;
    }

    /** The id of a paper's vote control, where a plain form post lands again. */
    static String anchorOf(String paperId) {
        return "vote-" + paperId;
    }

    /** Whether the page holds any marker of these slots. */
    static boolean holdsMarkers(byte[] page) {
        return PageSlots.indexOf(page, VOTE, 0) >= 0 || PageSlots.indexOf(page, MODERATION, 0) >= 0;
    }

    /** The page with its community controls for {@code who} (empty: signed out). */
    byte[] fill(Context ctx, byte[] page, Optional<SignedIn> who) {
        List<Marker> found = markers(page, VOTE, VOTE_END, true);
        List<Marker> moderated = markers(page, MODERATION, MODERATION_END, false);
        if (found.isEmpty() && moderated.isEmpty()) return page;
        Set<String> ids = new LinkedHashSet<>();
        List<String> uncounted = new ArrayList<>();
        for (Marker m : found) {
            if (ids.add(m.paperId()) && m.votes() < 0) uncounted.add(m.paperId());
        }
        Map<String, Community.Counts> read = uncounted.isEmpty() ? Map.of() : counts.counts(uncounted);
        // One query per page for the visitor's pressed states, never kept anywhere but in this answer.
        Set<String> voted = who.isEmpty() || ids.isEmpty() ? Set.of() : votes.votedAmong(who.get().id(), ids);
        String here = herePath(ctx);
        boolean admin = who.map(SignedIn::admin).orElse(false);
        List<Replacement> out = new ArrayList<>(found.size() + moderated.size());
        for (Marker m : found) {
            int n = m.votes() >= 0 ? m.votes() : read.getOrDefault(m.paperId(), Community.Counts.ZERO).votes();
            VoteView view = new VoteView(m.paperId(), n, who.isPresent(), voted.contains(m.paperId()),
                    SafeNext.of(here + "#" + anchorOf(m.paperId())));
            out.add(new Replacement(m, who.isPresent() ? templates.render("fragments/vote.jte", view) : signedOut(view)));
        }
        for (Marker m : moderated) {
            String html = "";
            if (admin) {
                html = templates.render("fragments/moderation.jte",
                        new ModerationView(m.paperId(), moderation.isHidden(m.paperId()), SafeNext.of(here)));
                // Admin controls are this visitor's alone: no cache keeps them.
                ctx.header("Cache-Control", "no-store");
            }
            out.add(new Replacement(m, html));
        }
        return replace(page, out);
    }

    /** Signed-out controls rendered, by view: the same few hundred per list page are sent again and again. */
    static final int SIGNED_OUT_KEPT = 8_192;

    private final Map<VoteView, String> signedOut = new java.util.LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<VoteView, String> eldest) {
            return size() > SIGNED_OUT_KEPT;
        }
    };

    /** A signed-out visitor's control (the same for everyone: count and a sign-in link), rendered once per view. */
    private String signedOut(VoteView view) {
        synchronized (signedOut) {
            String html = signedOut.get(view);
            if (html != null) return html;
        }
        String html = templates.render("fragments/vote.jte", view);
        synchronized (signedOut) {
            signedOut.put(view, html);
        }
        return html;
    }

    /** Without a request or the stores: each vote marker shows its count (if it carries one), nothing else. */
    static byte[] countsOnly(byte[] page) {
        List<Replacement> out = new ArrayList<>();
        for (Marker m : markers(page, VOTE, VOTE_END, true)) {
            out.add(new Replacement(m, m.votes() < 0 ? "" : "<span class=\"votes\" title=\"Votes on this site\">"
                    + ListViews.plural(m.votes(), "vote") + "</span>"));
        }
        for (Marker m : markers(page, MODERATION, MODERATION_END, false)) out.add(new Replacement(m, ""));
        return out.isEmpty() ? page : replace(page, out);
    }

    /** The page this answer is, for coming back to it: its path and query when it was a GET. */
    private static String herePath(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) return "/";
        String q = ctx.queryString();
        return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    private record Marker(int start, int end, String paperId, int votes) {}

    private record Replacement(Marker marker, String html) {}

    /** The well-formed markers of one kind in page order; {@code votes} -1 when the marker has no count. */
    private static List<Marker> markers(byte[] page, byte[] start, byte[] end, boolean mayCount) {
        List<Marker> out = new ArrayList<>();
        int at = PageSlots.indexOf(page, start, 0);
        while (at >= 0) {
            int idFrom = at + start.length;
            int idTo = indexOf(page, (byte) '"', idFrom);
            if (idTo < 0) break;
            int p = idTo + 1;
            int votes = -1;
            if (mayCount && startsWith(page, p, VOTES_ATTRIBUTE)) {
                int from = p + VOTES_ATTRIBUTE.length;
                int to = indexOf(page, (byte) '"', from);
                if (to < 0) break;
                votes = digits(page, from, to);
                p = to + 1;
            }
            if (startsWith(page, p, end) && idTo > idFrom) {
                String id = unescape(new String(page, idFrom, idTo - idFrom, StandardCharsets.UTF_8));
                out.add(new Marker(at, p + end.length, id, votes));
                at = PageSlots.indexOf(page, start, p + end.length);
            } else {
                at = PageSlots.indexOf(page, start, idFrom);
            }
        }
        return out;
    }

    private static byte[] replace(byte[] page, List<Replacement> replacements) {
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort((a, b) -> Integer.compare(a.marker().start(), b.marker().start()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length + 1_024 * sorted.size());
        int from = 0;
        for (Replacement r : sorted) {
            out.write(page, from, r.marker().start() - from);
            out.writeBytes(r.html().getBytes(StandardCharsets.UTF_8));
            from = r.marker().end();
        }
        out.write(page, from, page.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] in, byte b, int from) {
        for (int i = from; i < in.length; i++) if (in[i] == b) return i;
        return -1;
    }

    private static boolean startsWith(byte[] in, int at, byte[] prefix) {
        if (at + prefix.length > in.length) return false;
        for (int i = 0; i < prefix.length; i++) if (in[at + i] != prefix[i]) return false;
        return true;
    }

    private static int digits(byte[] in, int from, int to) {
        if (to == from || to - from > 9) return -1;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (in[i] < '0' || in[i] > '9') return -1;
            n = n * 10 + (in[i] - '0');
        }
        return n;
    }

    /** Undoes the template's attribute escaping of an id. */
    private static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        return s.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
