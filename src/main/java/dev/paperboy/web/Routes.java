package dev.paperboy.web;

import dev.paperboy.api.HealthApi;
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
    private final StaticAssets assets = StaticAssets.bundled();

    public Routes(PaperPages pages, SearchPages searchPages, PaperApi paperApi, SearchApi searchApi,
            HealthApi healthApi, ErrorPages errors) {
        this.pages = pages;
        this.searchPages = searchPages;
        this.paperApi = paperApi;
        this.searchApi = searchApi;
        this.healthApi = healthApi;
        this.errors = errors;
    }

    void addTo(RoutesConfig r) {
        // Pages
        get(r, "/", pages::showHomePage);
        get(r, "/search", searchPages::showSearchPage);
        get(r, "/papers/<id>", pages::showPaperPage); // <id>: old-style ids contain a slash
        // Static files (stylesheet, script, icon, htmx), from the jar
        get(r, "/static/{file}", assets::send);
        get(r, "/favicon.ico", assets::sendFavicon);
        // JSON
        get(r, "/health", healthApi::showHealth);
        get(r, "/api/papers", paperApi::listPapers);
        get(r, "/api/search", searchApi::search);
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
}
