package dev.paperboy.web;

import dev.paperboy.hub.Community;
import dev.paperboy.feed.AtomFeed;
import dev.paperboy.feed.AtomWriter;
import dev.paperboy.feed.PaperEntries;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Categories;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperQuery;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchForm;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchService;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Atom feeds. Every list page at a path P has its feed at {@code P.atom} with the same query parameters, holding
 * the papers of the page's first page: {@code /} → {@code /papers.atom}, {@code /list/cs.LG} → {@code /list/cs.LG.atom},
 * {@code /search?q=…} → {@code /search.atom?q=…}. A list adds its feed with one call of {@link #send}.
 */
public final class FeedPages {

    private final PaperStore papers;
    private final Optional<SearchService> search;
    private final LensCache lenses;
    private final Conditional conditional;
    private final String baseUrl;
    private final int size;
    private final PaperEntries entries;
    private final AtomWriter writer;
    private final Community community;

    /** {@code size}: entries per feed, the page size of the pages the feeds mirror. */
    public FeedPages(PaperStore papers, Optional<SearchService> search, LensCache lenses, Conditional conditional,
            String baseUrl, int size, String version) {
        this(papers, search, lenses, conditional, baseUrl, size, version, Community.NONE);
    }

    /** {@code community}: which papers moderators hid; no feed lists them. */
    public FeedPages(PaperStore papers, Optional<SearchService> search, LensCache lenses, Conditional conditional,
            String baseUrl, int size, String version, Community community) {
        this.community = community;
        this.papers = papers;
        this.search = search;
        this.lenses = lenses;
        this.conditional = conditional;
        this.baseUrl = baseUrl;
        this.size = size;
        this.entries = new PaperEntries(baseUrl);
        this.writer = new AtomWriter(baseUrl + "/", version);
    }

    /** The feed URL of a list page: its path with {@code .atom} appended, its query kept. */
    public static String feedUrl(String pagePath, String query) {
        String path = pagePath.equals("/") ? "/papers" : pagePath;
        return path + ".atom" + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** GET /papers.atom?cat=: the newest papers, as on the home page; {@code cat} as on every list. */
    void sendNewestFeed(Context ctx) {
        PaperQuery query = categoryFilter(ctx.queryParam("cat"));
        String title = query.categories().isEmpty() && query.excluded().isEmpty() ? "Newest papers"
                : "Newest papers in " + describe(query);
        send(ctx, title, "/", papers.newest(query, Optional.empty(), size).items());
    }

    /** GET /list/{category}.atom?cat=: the newest papers of one arXiv category or archive ({@code cs.LG}, {@code cs}). */
    void sendCategoryFeed(Context ctx) {
        String category = ctx.pathParam("category");
        if (!Categories.isValid(category)) throw new NotFoundResponse("There is no arXiv category " + category + ".");
        PaperQuery filter = categoryFilter(ctx.queryParam("cat"));
        PaperQuery query = new PaperQuery(List.of(category), filter.excluded(), Optional.empty(), Optional.empty());
        send(ctx, category + " — newest papers", "/list/" + category,
                papers.newest(query, Optional.empty(), size).items());
    }

    /**
     * GET /search.atom?q=&cat=&since=&until=&mode=&order=&saves=: the first page of a search. Unlike the page, a feed
     * lists the newest matches first unless {@code order=relevance} is asked for: it is for following new papers.
     */
    void sendSearchFeed(Context ctx) {
        SearchService service = search.orElseThrow(
                () -> new ServiceUnavailableResponse("Search is unavailable: the index could not be opened."));
        String q = param(ctx, "q"), order = param(ctx, "order");
        SearchForm form = new SearchForm(q, param(ctx, "cat"), param(ctx, "since"), param(ctx, "until"),
                param(ctx, "mode"), order.isBlank() ? "date" : order, "0", String.valueOf(size), ctx.queryParams("saves"));
        String title = q.isBlank() ? "Search" : "Search: " + q;
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        // The alternate page lists the same papers: in date order unless the feed asked for another.
        String page = "/search?" + query + (order.isBlank() ? (query.isEmpty() ? "" : "&") + "order=date" : "");
        switch (service.search(form)) {
            case SearchService.Invalid(String message) -> throw new BadRequestResponse(
                    "This search cannot be run: " + message);
            case SearchService.GoToPaper(String id) -> send(ctx, title, page, papers.find(id).stream().toList());
            case SearchService.Found found -> send(ctx, title, page, inOrder(found.results().hits()));
        }
    }

    /**
     * Answers the Atom feed of a list: {@code title}, the list page's path and query ({@code pagePath}, its
     * {@code alternate} link), and its papers in list order. The feed's id and {@code self} link are this request's URL.
     */
    public void send(Context ctx, String title, String pagePath, List<Paper> list) {
        // Every feed passes here: one query leaves out what moderators hid (list feeds are filtered already too).
        Set<String> hidden = community.hiddenAmong(list.stream().map(Paper::id).toList());
        if (!hidden.isEmpty()) list = list.stream().filter(p -> !hidden.contains(p.id())).toList();
        List<AtomFeed.Entry> items = new ArrayList<>(list.size());
        Instant updated = Instant.EPOCH;
        for (Paper p : list) {
            AtomFeed.Entry e = entries.entry(p, lenses.lens(p.title(), p.abstractText()).chip());
            items.add(e);
            if (e.updated().isAfter(updated)) updated = e.updated();
        }
        String self = baseUrl + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        AtomFeed feed = new AtomFeed(self, title + " · Paperboy", "", updated, self, baseUrl + pagePath, items);
        conditional.send(ctx, Conditional.Freshness.FEED, AtomWriter.MEDIA_TYPE, writer.toBytes(feed));
    }

    /** The stored papers of these hits, in hit order; a paper deleted since it was indexed is left out. */
    private List<Paper> inOrder(List<SearchHit> hits) {
        Map<String, Paper> found = papers.findAll(hits.stream().map(SearchHit::id).toList());
        List<Paper> out = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            Paper p = found.get(h.id());
            if (p != null) out.add(p);
        }
        return out;
    }

    /** {@code cat=cs.LG,-cs.CV}: categories or archives to include, and with a minus to exclude; 400 for bad names. */
    static PaperQuery categoryFilter(String raw) {
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        if (raw != null) {
            for (String part : raw.split(",")) {
                String c = part.strip();
                if (c.isEmpty()) continue;
                boolean exclude = c.startsWith("-");
                String name = exclude ? c.substring(1).strip() : c;
                if (!Categories.isValid(name)) {
                    throw new BadRequestResponse("cat must list arXiv categories or archives (cs.LG, cs, -cs.CV); "
                            + "this is not one: " + name);
                }
                (exclude ? out : in).add(name);
            }
        }
        return new PaperQuery(in, out, Optional.empty(), Optional.empty());
    }

    private static String describe(PaperQuery q) {
        StringBuilder sb = new StringBuilder(String.join(", ", q.categories().isEmpty() ? List.of("all categories")
                : q.categories()));
        if (!q.excluded().isEmpty()) sb.append(" except ").append(String.join(", ", q.excluded()));
        return sb.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }
}
