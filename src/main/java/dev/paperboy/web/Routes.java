package dev.paperboy.web;

import dev.paperboy.api.HealthApi;
import dev.paperboy.api.Json;
import dev.paperboy.api.PaperApi;
import dev.paperboy.api.SearchApi;
import dev.paperboy.ingest.harvest.HarvestScheduler;
import dev.paperboy.lens.LensCache;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchService;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/** The one route table of the site and the API, with the handlers it dispatches to. */
public final class Routes {

    // Enough for the pages people actually open (home, recent lists, popular papers); ~10 MB at most.
    // Without it a 25-paper page spends ~3 ms of CPU re-extracting lenses (docs/benchmarks.md, "Lens on pages").
    static final int LENS_CACHE = 4_096;

    private final PaperPages pages;
    private final SearchPages searchPages;
    private final SearchApi searchApi;
    private final PaperApi paperApi;
    private final HealthApi healthApi;
    private final Json json;
    private final byte[] stylesheet;

    public Routes(PaperStore papers, Clock clock, int pageSize, String baseUrl) {
        this(papers, clock, pageSize, baseUrl, java.util.List::of);
    }

    /** Routes whose home page also shows how each harvested source is doing. */
    public Routes(PaperStore papers, Clock clock, int pageSize, String baseUrl,
            java.util.function.Supplier<java.util.List<HarvestScheduler.SourceStatus>> harvestStatus) {
        this(papers, clock, pageSize, baseUrl, harvestStatus, null, LENS_CACHE);
    }

    /** Routes with search; {@code search} may be null (the index could not be opened): search then answers 503. */
    public Routes(PaperStore papers, Clock clock, int pageSize, String baseUrl,
            java.util.function.Supplier<java.util.List<HarvestScheduler.SourceStatus>> harvestStatus,
            SearchService search) {
        this(papers, clock, pageSize, baseUrl, harvestStatus, search, LENS_CACHE);
    }

    /** The routes with a lens cache of the given capacity (benchmarks compare capacities). */
    Routes(PaperStore papers, Clock clock, int pageSize, String baseUrl,
            java.util.function.Supplier<java.util.List<HarvestScheduler.SourceStatus>> harvestStatus, int lensCache) {
        this(papers, clock, pageSize, baseUrl, harvestStatus, null, lensCache);
    }

    private Routes(PaperStore papers, Clock clock, int pageSize, String baseUrl,
            java.util.function.Supplier<java.util.List<HarvestScheduler.SourceStatus>> harvestStatus,
            SearchService search, int lensCache) {
        this.json = new Json();
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        LensCache lenses = new LensCache(new LensExtractor(), lensCache);
        this.searchPages = new SearchPages(search, templates, pageSize);
        this.pages = new PaperPages(papers, lenses, templates, pageSize, baseUrl,
                () -> harvestStatus.get().stream().map(Views::harvestLine).toList(), searchPages::relatedRows);
        this.searchApi = new SearchApi(search, papers, lenses, json);
        this.paperApi = new PaperApi(papers, lenses, json);
        this.healthApi = new HealthApi(papers, clock, json);
        this.stylesheet = resource("/web/style.css");
    }

    void addTo(RoutesConfig r) {
        // Pages
        r.get("/", pages::showHomePage);
        r.get("/search", searchPages::showSearchPage);
        r.get("/papers/<id>", pages::showPaperPage); // <id>: old-style ids contain a slash
        r.get("/static/style.css", this::sendStylesheet);
        // JSON
        r.get("/health", healthApi::showHealth);
        r.get("/api/papers", paperApi::listPapers);
        r.get("/api/search", searchApi::search);
        // Before /api/papers/<id>, whose <id> would otherwise swallow "/related".
        r.get("/api/papers/<id>/related", searchApi::related);
        r.get("/api/papers/<id>", paperApi::getPaper);
    }

    /** True for paths that answer JSON, so their errors are JSON too. */
    static boolean isJsonPath(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/health");
    }

    PaperPages pages() {
        return pages;
    }

    Json json() {
        return json;
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
