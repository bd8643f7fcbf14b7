package dev.paperboy.web;

import dev.paperboy.api.HealthApi;
import dev.paperboy.api.ListApi;
import dev.paperboy.api.PaperApi;
import dev.paperboy.api.SearchApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** The one route table of the site and the API; App builds the handlers it dispatches to. */
public final class Routes {

    private final PaperPages pages;
    private final SearchPages searchPages;
    private final PaperApi paperApi;
    private final SearchApi searchApi;
    private final HealthApi healthApi;
    private final ErrorPages errors;
    private final FeedPages feeds;
    private final ApiDocsPage apiDocs;
    private final Conditional conditional;
    private final ListPages lists; // null: no list pages (tests that build Routes without them)
    private final ListApi listApi;
    private final ListFeeds listFeeds; // null with lists
    private final StaticAssets assets = StaticAssets.bundled();
    private final Accounts accounts; // null: no accounts (tests that build Routes without them)
    private final Comments comments; // null: no comments (without accounts)

    /** The comments: the forms behind the paper page's Discussion section, and the JSON API's comment routes. */
    public record Comments(CommentPages pages, CommentApi api) {}

    /**
     * The account parts of the site (docs/accounts.md): who a request is from, CSRF checks, the per-request parts of
     * pages, and the sign-in and settings pages.
     */
    public record Accounts(Visitors visitors, Csrf csrf, PageSlots slots, AccountPages pages) {}

    /** Pages that declare their own routes (votes, moderation, collections…), added after the account routes. */
    public interface PageGroup {
        void addTo(RoutesConfig r);
    }

    private final java.util.List<PageGroup> groups = new java.util.ArrayList<>();

    /** Adds the group's routes to the table (before the server starts); returns this. */
    public Routes with(PageGroup group) {
        groups.add(group);
        return this;
    }

    public Routes(PaperPages pages, SearchPages searchPages, PaperApi paperApi, SearchApi searchApi,
            HealthApi healthApi, ErrorPages errors, FeedPages feeds, ApiDocsPage apiDocs, Conditional conditional,
            ListPages lists, ListApi listApi) {
        this(pages, searchPages, paperApi, searchApi, healthApi, errors, feeds, apiDocs, conditional, lists, listApi,
                null);
    }

    public Routes(PaperPages pages, SearchPages searchPages, PaperApi paperApi, SearchApi searchApi,
            HealthApi healthApi, ErrorPages errors, FeedPages feeds, ApiDocsPage apiDocs, Conditional conditional,
            ListPages lists, ListApi listApi, Accounts accounts) {
        this(pages, searchPages, paperApi, searchApi, healthApi, errors, feeds, apiDocs, conditional, lists, listApi,
                accounts, null);
    }

    public Routes(PaperPages pages, SearchPages searchPages, PaperApi paperApi, SearchApi searchApi,
            HealthApi healthApi, ErrorPages errors, FeedPages feeds, ApiDocsPage apiDocs, Conditional conditional,
            ListPages lists, ListApi listApi, Accounts accounts, Comments comments) {
        this.accounts = accounts;
        this.comments = comments;
        this.lists = lists;
        this.listApi = listApi;
        this.listFeeds = lists == null ? null : new ListFeeds(lists, feeds);
        this.pages = pages;
        this.searchPages = searchPages;
        this.paperApi = paperApi;
        this.searchApi = searchApi;
        this.healthApi = healthApi;
        this.errors = errors;
        this.feeds = feeds;
        this.apiDocs = apiDocs;
        this.conditional = conditional;
    }

    void addTo(RoutesConfig r) {
        if (accounts != null) {
            // Every request: pages fill their account header and CSRF fields for whoever is asking (PageSlots).
            r.before(accounts.slots()::attach);
            // Every POST, PUT, PATCH and DELETE to a route needs its CSRF token (bearer-token API calls excepted).
            r.beforeMatched(accounts.csrf()::check);
            r.after(this::keepPersonalPagesPrivate);
            // Sign-in, sign-out, settings (AccountPages)
            accounts.pages().addTo(r);
        }
        if (comments != null) {
            // Comment forms (CommentPages) and the API's comment routes (CommentApi): before /papers/<id> and
            // /api/papers/<id>, whose <id> would otherwise swallow "/comments".
            comments.pages().addTo(r);
            comments.api().addTo(r);
        }
        // Votes, moderation, submitting, collections, profiles (VotePages, AdminPages, CollectRoutes)
        for (PageGroup g : groups) g.addTo(r);
        // Pages
        // List and search pages answer conditional GETs (ETag from the page, 304 when unchanged): Conditional.page.
        if (lists != null) {
            get(r, "/", conditional.page(lists::showHomePage));
            // Feeds of the lists (a page at P has its feed at P.atom, ListFeeds): before the page routes, whose
            // {date}, {week}, {month} and {name} would otherwise take "….atom" as their value.
            get(r, "/papers/date/{date}.atom", listFeeds::sendDayFeed);
            get(r, "/papers/week/{week}.atom", listFeeds::sendWeekFeed);
            get(r, "/papers/month/{month}.atom", listFeeds::sendMonthFeed);
            get(r, "/trending.atom", listFeeds::sendTrendingFeed);
            get(r, "/authors/{name}.atom", listFeeds::sendAuthorFeed);
            // Before /papers/<id>, whose <id> (slashes allowed) would otherwise swallow them.
            get(r, "/papers/date/{date}", conditional.page(lists::showDayPage));
            get(r, "/papers/week/{week}", conditional.page(lists::showWeekPage));
            get(r, "/papers/month/{month}", conditional.page(lists::showMonthPage));
            get(r, "/trending", conditional.page(lists::showTrendingPage));
            get(r, "/authors/{name}", conditional.page(lists::showAuthorPage));
        } else {
            get(r, "/", conditional.page(pages::showHomePage));
        }
        get(r, "/search", conditional.page(searchPages::showSearchPage));
        // Before /papers/<id>, whose <id> would otherwise swallow the suffix.
        // A paper's BibTeX and Markdown change only with a new version: cached like feeds, with conditional GET.
        get(r, "/papers/<id>.bib", conditional.page(pages::showPaperBibTeX, Conditional.Freshness.FEED));
        get(r, "/papers/<id>.md", conditional.page(pages::showPaperMarkdown, Conditional.Freshness.FEED));
        get(r, "/papers/<id>", pages::showPaperPage); // <id>: old-style ids contain a slash
        // Static files (stylesheet, scripts, icon, htmx), from the jar at hashed URLs (StaticAssets)
        get(r, "/static/{file}", assets::send);
        get(r, "/favicon.ico", assets::sendFavicon);
        // Feeds: a list page at P has its feed at P.atom (FeedPages). Before any /list/{category} page route.
        get(r, "/papers.atom", lists != null ? listFeeds::sendHomeFeed : feeds::sendNewestFeed);
        get(r, "/list/{category}.atom", lists != null ? listFeeds::sendCategoryFeed : feeds::sendCategoryFeed);
        get(r, "/search.atom", feeds::sendSearchFeed);
        if (lists != null) get(r, "/list/{cat}", conditional.page(lists::showCategoryPage)); // after its .atom
        // JSON
        get(r, "/health", healthApi::showHealth);
        get(r, "/api/papers", paperApi::listPapers);
        get(r, "/api/search", searchApi::search);
        if (listApi != null) {
            // The JSON lists answer conditional GETs like the list pages (no-cache, ETag, 304).
            get(r, "/api/daily", conditional.page(listApi::showDaily));
            get(r, "/api/trending", conditional.page(listApi::showTrending));
            get(r, "/api/list/{category}", conditional.page(listApi::showCategory));
        }
        // Before /api/papers/<id>, whose <id> would otherwise swallow "/related".
        get(r, "/api/papers/<id>/related", searchApi::related);
        get(r, "/api/papers/<id>", paperApi::getPaper);
        // Every route above under /api and /health is described in src/main/resources/api/openapi.json.
        get(r, "/api", apiDocs::showApiPage);
        get(r, "/api/openapi.json", apiDocs::sendDocument);
    }

    /**
     * Answers to a browser with a session may hold its user's name and tokens: shared caches must not keep them
     * ({@code private}), and pages vary with the cookie.
     */
    private void keepPersonalPagesPrivate(io.javalin.http.Context ctx) {
        if (ctx.path().startsWith("/static/")) return;
        ctx.header("Vary", "Cookie");
        if (accounts.visitors().cookieValue(ctx).isEmpty()) return;
        String cache = ctx.res().getHeader("Cache-Control");
        if (cache == null || cache.contains("no-store") || cache.contains("private")) return;
        ctx.header("Cache-Control", "private, " + cache.replace("public, ", "").replace("public", "").strip());
    }

    ErrorPages errors() {
        return errors;
    }

    /**
     * GET, and HEAD through the same handler: Javalin alone answers HEAD with an empty 200 for any GET path, even
     * where GET gives 404 or a redirect; Jetty drops the body and keeps the status and headers.
     */
    static void get(RoutesConfig r, String path, Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }
}
