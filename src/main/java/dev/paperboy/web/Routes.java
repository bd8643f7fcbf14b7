package dev.paperboy.web;

import dev.paperboy.api.HealthApi;
import dev.paperboy.api.ListApi;
import dev.paperboy.api.PaperApi;
import dev.paperboy.api.SearchApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one route table of the site and the API; App builds the handlers it dispatches to. */
public final class Routes {

    private final PaperPages pages;
    private final SearchPages searchPages;
    private final PaperApi paperApi;
    private final SearchApi searchApi;
    private final HealthApi healthApi;
    private final ErrorPages errors;
    private final ListPages lists; // null: no list pages (tests that build Routes without them)
    private final ListApi listApi;
    private final byte[] stylesheet = resource("/web/style.css");

    public Routes(PaperPages pages, SearchPages searchPages, PaperApi paperApi, SearchApi searchApi,
            HealthApi healthApi, ErrorPages errors) {
        this(pages, searchPages, paperApi, searchApi, healthApi, errors, null, null);
    }

    /** The routes with the hub's lists: featured days, weeks, months, trending, categories, authors. */
    public Routes(PaperPages pages, SearchPages searchPages, PaperApi paperApi, SearchApi searchApi,
            HealthApi healthApi, ErrorPages errors, ListPages lists, ListApi listApi) {
        this.lists = lists;
        this.listApi = listApi;
        this.pages = pages;
        this.searchPages = searchPages;
        this.paperApi = paperApi;
        this.searchApi = searchApi;
        this.healthApi = healthApi;
        this.errors = errors;
    }

    void addTo(RoutesConfig r) {
        // Pages
        if (lists != null) {
            get(r, "/", lists::showHomePage);
            // Before /papers/<id>, whose <id> (slashes allowed) would otherwise swallow them.
            get(r, "/papers/date/{date}", lists::showDayPage);
            get(r, "/papers/week/{week}", lists::showWeekPage);
            get(r, "/papers/month/{month}", lists::showMonthPage);
            get(r, "/trending", lists::showTrendingPage);
            get(r, "/list/{cat}", lists::showCategoryPage);
            get(r, "/authors/{name}", lists::showAuthorPage);
        } else {
            get(r, "/", pages::showHomePage);
        }
        get(r, "/search", searchPages::showSearchPage);
        get(r, "/papers/<id>", pages::showPaperPage); // <id>: old-style ids contain a slash
        get(r, "/static/style.css", this::sendStylesheet);
        // JSON
        get(r, "/health", healthApi::showHealth);
        get(r, "/api/papers", paperApi::listPapers);
        get(r, "/api/search", searchApi::search);
        if (listApi != null) {
            get(r, "/api/daily", listApi::showDaily);
            get(r, "/api/trending", listApi::showTrending);
            get(r, "/api/list/{category}", listApi::showCategory);
        }
        // Before /api/papers/<id>, whose <id> would otherwise swallow "/related".
        get(r, "/api/papers/<id>/related", searchApi::related);
        get(r, "/api/papers/<id>", paperApi::getPaper);
    }

    ErrorPages errors() {
        return errors;
    }

    /**
     * GET, and HEAD through the same handler: Javalin alone answers HEAD with an empty 200 for any GET path, even
     * where GET gives 404 or a redirect; Jetty drops the body and keeps the status and headers.
     */
    private static void get(RoutesConfig r, String path, Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }

    private void sendStylesheet(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/css; charset=utf-8").result(stylesheet);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Routes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("web: resource " + name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("web: unable to read resource " + name, e);
        }
    }
}
