package dev.paperboy.web;

import dev.paperboy.hub.CategoryFilter;
import dev.paperboy.hub.HubLists;
import dev.paperboy.hub.ListPage;
import dev.paperboy.hub.Period;
import dev.paperboy.hub.Sort;
import dev.paperboy.hub.TrendingWindow;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Categories;
import dev.paperboy.paper.PageKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.rank.Trending;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchOrder;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.SearchService;
import gg.jte.Content;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The list pages: the home page (the latest featured day), days, weeks, months, trending, category listings and
 * author pages. Each handler parses its input, asks {@link HubLists} for a {@link ListPage} and renders it.
 */
public final class ListPages {

    private final HubLists lists;
    private final PaperStore papers;
    private final Optional<SearchService> search;
    private final LensCache lenses;
    private final Templates templates;
    private final int pageSize;
    private final PaperPages newestPapers;

    /** {@code newestPapers} gives the home page of an instance where nothing is featured yet. */
    public ListPages(HubLists lists, PaperStore papers, Optional<SearchService> search, LensCache lenses,
            Templates templates, int pageSize, PaperPages newestPapers) {
        this.lists = lists;
        this.papers = papers;
        this.search = search;
        this.lenses = lenses;
        this.templates = templates;
        this.pageSize = pageSize;
        this.newestPapers = newestPapers;
    }

    /** GET /: the latest featured day; the newest announcements when nothing is featured yet. */
    void showHomePage(Context ctx) {
        Optional<LocalDate> latest = lists.latestFeaturedDay();
        if (latest.isEmpty()) {
            newestPapers.showHomePage(ctx);
            return;
        }
        ListPage page = featuredList(ctx, Period.day(latest.get()), page(ctx));
        ListViews.ListView view = ListViews.view(page, Period.day(latest.get()).path(), Sort.TRENDING, lenses, this::card);
        templates.send(ctx, 200, "list.jte", view.withFeedUrl(ListViews.feedUrl("/", page.sort(), Sort.TRENDING, view.cat())));
    }

    /** GET /papers/date/{date}: the papers featured that day. */
    void showDayPage(Context ctx) {
        renderFeatured(ctx, dayPeriod(ctx));
    }

    /** GET /papers/week/{week}: the papers featured in an ISO week. */
    void showWeekPage(Context ctx) {
        renderFeatured(ctx, weekPeriod(ctx));
    }

    /** GET /papers/month/{month}: the papers featured in a month. */
    void showMonthPage(Context ctx) {
        renderFeatured(ctx, monthPeriod(ctx));
    }

    /** GET /trending?window=day|week|month. */
    void showTrendingPage(Context ctx) {
        TrendingWindow window = window(ctx.queryParam("window"));
        ListPage page = trendingList(ctx, page(ctx));
        ListViews.ListView view = ListViews.view(page, trendingPath(window), Sort.TRENDING, lenses, this::card);
        templates.send(ctx, 200, "list.jte", withTrendingSpans(view, window, page));
    }

    /** GET /list/{cat}?day=&after=: one announcement day of a category or archive. */
    void showCategoryPage(Context ctx) {
        ListPage page = categoryList(ctx, ctx.pathParam("cat"));
        String category = page.category().orElseThrow();
        templates.send(ctx, 200, "list.jte", ListViews.view(page, "/list/" + category
                + page.period().map(p -> "?day=" + p.key()).orElse(""), Sort.NEWEST, lenses, this::oneOffCard));
    }

    /** GET /authors/{name}: every paper by that name, newest first, as search's {@code author:} matches names. */
    void showAuthorPage(Context ctx) {
        String name = authorName(ctx);
        ListPage page = authorList(ctx, page(ctx));
        templates.send(ctx, 200, "list.jte", ListViews.view(page, ListViews.authorUrl(name), Sort.NEWEST, lenses,
                this::oneOffCard));
    }

    // The lists themselves, for the pages above and their feeds (ListFeeds): same input, same papers.

    /** The latest featured day, if any: what the home page shows. */
    Optional<LocalDate> latestFeaturedDay() {
        return lists.latestFeaturedDay();
    }

    /** Page {@code page} of the papers featured in {@code period}, the request's sort and filter. */
    ListPage featuredList(Context ctx, Period period, int page) {
        ListPage p = lists.featured(period, sort(ctx, Sort.TRENDING), filter(ctx), page);
        checkPage(p);
        return p;
    }

    /** Page {@code page} of /trending with the request's window, sort and filter. */
    ListPage trendingList(Context ctx, int page) {
        ListPage p = lists.trending(window(ctx.queryParam("window")), sort(ctx, Sort.TRENDING), filter(ctx), page);
        checkPage(p);
        return p;
    }

    /** The category day of /list/{cat} for {@code rawCategory} and the request's day, after, sort and filter. */
    ListPage categoryList(Context ctx, String rawCategory) {
        return lists.category(category(rawCategory), day(ctx.queryParam("day")), after(ctx.queryParam("after")),
                sort(ctx, Sort.NEWEST), filter(ctx));
    }

    /** Page {@code page} of /authors/{name} with the request's sort and filter. */
    ListPage authorList(Context ctx, int page) {
        ListPage p = authorPage(authorName(ctx), sort(ctx, Sort.NEWEST), filter(ctx), page);
        checkPage(p);
        return p;
    }

    static Period dayPeriod(Context ctx) {
        String raw = ctx.pathParam("date");
        return Period.parseDay(raw).orElseThrow(() -> new NotFoundResponse(
                "There is no day " + shorten(raw) + ": days are written YYYY-MM-DD, like 2024-03-18."));
    }

    static Period weekPeriod(Context ctx) {
        String raw = ctx.pathParam("week");
        return Period.parseWeek(raw).orElseThrow(() -> new NotFoundResponse(
                "There is no week " + shorten(raw) + ": weeks are ISO weeks written YYYY-Www, like 2024-W12."));
    }

    static Period monthPeriod(Context ctx) {
        String raw = ctx.pathParam("month");
        return Period.parseMonth(raw).orElseThrow(() -> new NotFoundResponse(
                "There is no month " + shorten(raw) + ": months are written YYYY-MM, like 2024-03."));
    }

    static String authorName(Context ctx) {
        String name = ctx.pathParam("name").strip();
        if (name.isEmpty() || name.length() > 200) throw new NotFoundResponse("There is no author with that name.");
        return name;
    }

    static String trendingPath(TrendingWindow window) {
        return window == TrendingWindow.WEEK ? "/trending" : "/trending?window=" + window.key();
    }

    /** The papers of an author (from the search index, newest first), a page at a time; public for the API. */
    public ListPage authorPage(String name, Sort sort, CategoryFilter filter, int page) {
        SearchService s = search.orElseThrow(
                () -> new ServiceUnavailableResponse("Author pages are unavailable: the search index could not be opened."));
        int maxPage = SearchRequest.MAX_DEPTH / pageSize;
        if (page > maxPage) throw new NotFoundResponse("Author pages go " + maxPage + " pages deep.");
        SearchQuery q = new SearchQuery("author:\"" + name + "\"", List.of(), List.of(), List.of(), List.of(name),
                filter.included(), null, null, Optional.empty(), List.of(), List.of(), filter.excluded());
        SearchResults r = s.search(new SearchRequest(q, SearchMode.BM25, SearchOrder.DATE, (page - 1) * pageSize,
                pageSize, false));
        List<String> ids = r.hits().stream().map(SearchHit::id).toList();
        Map<String, Paper> found = papers.findAll(ids);
        List<Paper> inOrder = new ArrayList<>(ids.size());
        for (String id : ids) if (found.containsKey(id)) inOrder.add(found.get(id));
        // The index orders by day; within a page, papers of the same day follow their publication time too.
        inOrder.sort(java.util.Comparator.comparing(Paper::published,
                java.util.Comparator.nullsFirst(java.util.Comparator.<java.time.Instant>naturalOrder())).reversed());
        long total = Math.min(r.total(), SearchRequest.MAX_DEPTH);
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        Optional<String> empty = inOrder.isEmpty() && page == 1
                ? Optional.of("No papers by " + name + (filter.isEmpty() ? "" : " match this filter") + ".")
                : Optional.empty();
        return new ListPage(ListPage.Kind.AUTHOR, "Papers by " + name, Optional.empty(), Optional.empty(),
                lists.cards(inOrder, sort, Trending.halfLife(30)), (int) total, sort, filter, page, pages,
                Optional.empty(), Optional.empty(), Optional.empty(), empty, Optional.empty());
    }

    /**
     * A featured list's card, rendered once per distinct card: the featured papers are a small set that every day,
     * week, month and trending page shows again.
     */
    private Content card(ListViews.CardView card) {
        return templates.fragment("fragments/listcard.jte", card);
    }

    /**
     * A category or author list's card, rendered for this page: those lists reach every paper, so keeping their
     * cards would only churn the kept ones (and the collector with them).
     */
    private Content oneOffCard(ListViews.CardView card) {
        return templates.content("fragments/listcard.jte", card);
    }

    private void renderFeatured(Context ctx, Period period) {
        ListPage page = featuredList(ctx, period, page(ctx));
        templates.send(ctx, 200, "list.jte", ListViews.view(page, period.path(), Sort.TRENDING, lenses, this::card));
    }

    private static ListViews.ListView withTrendingSpans(ListViews.ListView v, TrendingWindow current, ListPage page) {
        List<ListViews.NavLink> spans = new ArrayList<>();
        for (TrendingWindow w : TrendingWindow.values()) {
            spans.add(new ListViews.NavLink(label(w), ListViews.withParams(trendingPath(w), page.sort(), Sort.TRENDING,
                    v.cat(), 1), w == current));
        }
        return new ListViews.ListView(v.title(), v.heading(), v.path(), v.sortKey(), v.cat(), v.cards(), v.total(),
                v.page(), v.pages(), v.previous(), v.next(), v.more(), v.previousPage(), v.nextPage(), v.empty(),
                v.nearest(), v.sorts(), spans, v.showControls(), v.feedUrl());
    }

    private static String label(TrendingWindow w) {
        return switch (w) {
            case DAY -> "Today";
            case WEEK -> "This week";
            case MONTH -> "This month";
        };
    }

    /** A page number past the end of a list that has papers is not found. */
    static void checkPage(ListPage page) {
        if (page.page() > page.pages()) {
            throw new NotFoundResponse("Page " + page.page() + " is past the end: this list has " + page.pages()
                    + (page.pages() == 1 ? " page." : " pages."));
        }
    }

    static Sort sort(Context ctx, Sort dflt) {
        String raw = ctx.queryParam("sort");
        if (raw == null || raw.isBlank()) return dflt;
        return Sort.parse(raw).orElseThrow(() -> new BadRequestResponse("sort must be trending, votes or newest."));
    }

    static CategoryFilter filter(Context ctx) {
        return switch (CategoryFilter.parse(ctx.queryParam("cat"))) {
            case CategoryFilter.Ok ok -> ok.filter();
            case CategoryFilter.Invalid bad -> throw new BadRequestResponse(bad.message() + ".");
        };
    }

    static TrendingWindow window(String raw) {
        if (raw == null || raw.isBlank()) return TrendingWindow.WEEK;
        return TrendingWindow.parse(raw).orElseThrow(() -> new BadRequestResponse("window must be day, week or month."));
    }

    static int page(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isBlank()) return 1;
        String t = raw.strip();
        if (t.matches("\\d{1,5}")) {
            int p = Integer.parseInt(t);
            if (p >= 1 && p <= PaperPages.MAX_PAGE) return p;
        }
        throw new BadRequestResponse("page must be a whole number between 1 and " + PaperPages.MAX_PAGE + ".");
    }

    static String category(String raw) {
        String c = raw == null ? "" : raw.strip();
        if (!Categories.isValid(c)) {
            throw new NotFoundResponse("There is no category " + shorten(c) + ": categories look like cs.LG, archives like cs.");
        }
        return Categories.canonical(c);
    }

    static Optional<LocalDate> day(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        return Optional.of(Period.parseDay(raw.strip()).map(Period::first)
                .orElseThrow(() -> new BadRequestResponse("day must be a date written YYYY-MM-DD.")));
    }

    static Optional<PageKey> after(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        return Optional.of(PageKey.parse(raw.strip()).orElseThrow(
                () -> new BadRequestResponse("after must be a link's continuation token.")));
    }

    private static String shorten(String s) {
        String t = s == null ? "" : s;
        return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
    }
}
