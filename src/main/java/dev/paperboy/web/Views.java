package dev.paperboy.web;

import dev.paperboy.ingest.harvest.HarvestScheduler;
import dev.paperboy.lens.Claim;
import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.SearchHit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The records the templates render: display strings computed here so templates stay logic-free. */
public final class Views {
    private Views() {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    // Bylines of huge collaborations are cut; the paper page still lists everyone.
    private static final int BYLINE_AUTHORS = 8;

    /** One paper in a list; {@code chip} is its budget-lens summary ("5.1× faster · memory"), "" when none. */
    public record PaperRow(String url, String id, String title, String byline, String date, String category,
                           String chip) {}

    /** The home page: one page of the newest papers, and how harvesting goes. */
    public record HomeView(List<PaperRow> papers, long total, int page, int pages, String prevUrl, String nextUrl,
                           List<HarvestLine> harvest) {
        public boolean empty() {
            return total == 0;
        }
    }

    /** One harvested source on the home page; {@code problem} is empty unless the last attempt failed. */
    public record HarvestLine(String source, String lastSuccess, String nextDue, String problem) {}

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * A harvested source as every visitor sees it: a failure is one short cause ("last harvest failed at … (timeout)"),
     * never the stored error, which names internal URLs and exception classes (the log has it in full).
     */
    static HarvestLine harvestLine(HarvestScheduler.SourceStatus s) {
        String problem = !s.failing() ? ""
                : "last harvest failed" + (s.lastFailureAt() == null ? "" : " at " + MINUTE.format(s.lastFailureAt()))
                + " (" + harvestCause(s.lastError()) + ")";
        return new HarvestLine(s.key(),
                s.lastSuccessAt() == null ? "never" : MINUTE.format(s.lastSuccessAt()),
                s.running() ? "running now" : s.nextDueAt() == null ? "not planned" : MINUTE.format(s.nextDueAt()),
                problem);
    }

    private static final Pattern HTTP_STATUS = Pattern.compile("\\bHTTP (\\d{3})\\b");
    private static final List<String> NETWORK = List.of("connectexception", "unknownhost", "unresolvedaddress",
            "no route to host", "network is unreachable", "connection refused", "connection reset",
            "closedchannel", "eofexception", "sslexception", "sslhandshake");
    private static final List<String> BAD_RESPONSE = List.of("parse", "rejected", "sent more than",
            "resumption token", "answered error");

    /**
     * The short cause of a harvest error as the harvesters word it: "network unreachable", "timeout", "HTTP 503 from
     * the source", "bad response", or "unexpected error".
     */
    static String harvestCause(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        Matcher status = HTTP_STATUS.matcher(error);
        if (status.find()) return "HTTP " + status.group(1) + " from the source";
        if (e.contains("timeout") || e.contains("timed out")) return "timeout";
        if (NETWORK.stream().anyMatch(e::contains)) return "network unreachable";
        if (BAD_RESPONSE.stream().anyMatch(e::contains)) return "bad response";
        if (e.contains("lease")) return "another process took over";
        return "unexpected error";
    }

    /** One search result: its card and the snippet, cut into plain and highlighted runs (escaped by the template). */
    public record HitView(PaperRow row, List<SearchHit.Segment> snippet) {}

    /**
     * The search page: the form as typed, and either nothing searched yet, a problem (HTTP 400), or one page of
     * results with the total and the pager links.
     */
    public record SearchView(String q, String cat, String since, String until, String mode, String order,
                             boolean searched, String problem, List<HitView> hits, long total, String totalText, int page,
                             String modeUsed, String prevUrl, String nextUrl, List<String> saves,
                             List<FacetView> facets) {
        public boolean hasProblem() {
            return problem != null && !problem.isEmpty();
        }

        /**
         * The Atom feed of this search (its query and filters, no page: a feed is the first page, newest first);
         * null until something was searched, and for a search that cannot run.
         */
        public String feedUrl() {
            if (!searched || hasProblem()) return null;
            StringBuilder sb = new StringBuilder("/search.atom?q=").append(FeedPages.enc(q == null ? "" : q));
            if (cat != null && !cat.isBlank()) sb.append("&cat=").append(FeedPages.enc(cat));
            if (since != null && !since.isBlank()) sb.append("&since=").append(FeedPages.enc(since));
            if (until != null && !until.isBlank()) sb.append("&until=").append(FeedPages.enc(until));
            if (mode != null && !mode.isBlank()) sb.append("&mode=").append(FeedPages.enc(mode));
            for (String s : saves) sb.append("&saves=").append(FeedPages.enc(s));
            return sb.toString();
        }

        public boolean selected(String field, String value) {
            String v = field.equals("mode") ? mode : order;
            return value.equalsIgnoreCase(v == null ? "" : v);
        }
    }

    /**
     * One budget-lens resource beside the results: how many results save it, whether {@code saves:} filters on it,
     * and the link that adds or removes that filter (null when the filter is typed in the query itself).
     */
    public record FacetView(String resource, long count, boolean active, String url) {}

    /** A search result as a card, with the lens chip the index keeps. */
    static PaperRow row(SearchHit h) {
        String day = h.date() == null ? "" : h.date().toString();
        String category = h.categories().isEmpty() ? "" : h.categories().getFirst();
        String title = h.title() == null || h.title().isBlank() ? "(untitled) " + h.id() : h.title();
        return new PaperRow(paperUrl(h.id()), h.id(), title, bylineOf(h.authors()), day, category,
                h.chip());
    }

    private static String bylineOf(List<String> names) {
        return byline(names.stream().map(Author::new).toList());
    }

    /** The budget lens of a paper: what it saves and each claim in its sentence. */
    public record LensView(List<String> resources, List<ClaimView> claims) {
        public boolean empty() {
            return resources.isEmpty() && claims.isEmpty();
        }
    }

    /**
     * One claim: a short phrase ("5.1× faster"), a label ("speedup · compute"), and its sentence cut into the
     * text before the claim, the claim as written, and the text after, so the template highlights without raw HTML.
     */
    public record ClaimView(String phrase, String label, String before, String text, String after) {}

    /** An outgoing link, only ever http(s) (or "" for text that is not a link). */
    public record LinkView(String label, String href) {}

    /** An error page. */
    public record ErrorView(int status, String title, String message) {}

    /** One paper as a card in a list, with a lens already computed for it. */
    static PaperRow row(Paper p, Lens lens) {
        return new PaperRow(paperUrl(p.id()), p.id(), titleOf(p), byline(p.authors()), day(p.published()),
                p.primaryCategory() == null ? "" : p.primaryCategory(), lens.chip());
    }

    /** The lens of a paper for its page; claim offsets point into {@code LensExtractor.input(title, abstract)}. */
    static LensView lens(String title, String abstractText, Lens lens) {
        String input = LensExtractor.input(title, abstractText);
        List<ClaimView> claims = new java.util.ArrayList<>();
        for (Claim c : lens.claims()) {
            String label = c.resource() == null ? c.kind() : c.kind() + " · " + c.resource();
            claims.add(new ClaimView(Lens.phrase(c), label,
                    input.substring(c.sentenceStart(), c.start()).stripLeading(),
                    input.substring(c.start(), c.end()),
                    input.substring(c.end(), c.sentenceEnd()).stripTrailing()));
        }
        return new LensView(lens.resources(), claims);
    }

    /** The path of a paper's page; old-style ids keep their slash, which the route accepts. */
    static String paperUrl(String id) {
        return "/papers/" + id;
    }

    static String byline(List<Author> authors) {
        if (authors.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(authors.size(), BYLINE_AUTHORS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) sb.append(", ");
            sb.append(authors.get(i).name());
        }
        if (authors.size() > shown) sb.append(" and ").append(authors.size() - shown).append(" more");
        return sb.toString();
    }

    private static String titleOf(Paper p) {
        return p.title().isBlank() ? "(untitled) " + p.id() : p.title();
    }

    private static String day(Instant t) {
        return t == null ? "" : DAY.format(t);
    }

    /** The API description page: the OpenAPI document's operations and schemas, ready to print. */
    public record ApiView(String title, String version, String description, List<ApiOperation> operations,
                          List<ApiSchema> schemas) {}

    /** One route and method of the API. */
    public record ApiOperation(String method, String path, String anchor, String summary, String description,
                               List<ApiParam> params, List<ApiResponse> responses) {}

    /** A request parameter; {@code where} is path or query. */
    public record ApiParam(String name, String where, boolean required, List<TypePart> type, String description,
                           String example) {}

    /** One status a route answers, with its media type and schema ({@code type} empty when it has none). */
    public record ApiResponse(String status, String description, String mediaType, List<TypePart> type) {}

    /** A named schema; {@code type} is set when it has no properties (an enumeration). */
    public record ApiSchema(String name, String anchor, String description, List<TypePart> type,
                            List<ApiProperty> properties) {}

    public record ApiProperty(String name, boolean required, List<TypePart> type, String description) {}

    /** A piece of a type's text; {@code href} links to a named schema on the page, null for plain text. */
    public record TypePart(String text, String href) {}
    /** Longest {@code <meta name="description">}: search engines show about this many characters. */
    static final int DESCRIPTION_CHARS = 160;

    /**
     * A page's {@code <meta name="description">} from a longer text (or {@code fallback} when it is blank): whitespace
     * folded, cut at a word, "…" added.
     */
    public static String description(String text, String fallback) {
        String t = text == null || text.isBlank() ? fallback : text;
        t = t.strip().replaceAll("\\s+", " ");
        if (t.length() <= DESCRIPTION_CHARS) return t;
        int cut = t.lastIndexOf(' ', DESCRIPTION_CHARS - 1);
        return t.substring(0, cut > DESCRIPTION_CHARS / 2 ? cut : DESCRIPTION_CHARS - 1) + "…";
    }
}
