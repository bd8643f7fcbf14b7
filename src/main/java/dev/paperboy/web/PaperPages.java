package dev.paperboy.web;

import dev.paperboy.api.PaperLookup;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** The HTML pages about papers. */
final class PaperPages {

    // Deep pages cost a large OFFSET; nobody reads page 10 000 of a list sorted by date.
    static final int MAX_PAGE = 10_000;

    private final PaperStore papers;
    private final LensCache lenses;
    private final TemplateEngine templates;
    private final int pageSize;
    private final String baseUrl;

    private final java.util.function.Supplier<java.util.List<Views.HarvestLine>> harvestStatus;
    private final java.util.function.Function<String, java.util.List<Views.PaperRow>> related;

    PaperPages(PaperStore papers, LensCache lenses, TemplateEngine templates, int pageSize, String baseUrl,
            java.util.function.Supplier<java.util.List<Views.HarvestLine>> harvestStatus) {
        this(papers, lenses, templates, pageSize, baseUrl, harvestStatus, id -> java.util.List.of());
    }

    /** The pages, with {@code related} giving the "Related papers" cards of a paper page. */
    PaperPages(PaperStore papers, LensCache lenses, TemplateEngine templates, int pageSize, String baseUrl,
            java.util.function.Supplier<java.util.List<Views.HarvestLine>> harvestStatus,
            java.util.function.Function<String, java.util.List<Views.PaperRow>> related) {
        this.harvestStatus = harvestStatus;
        this.related = related;
        this.papers = papers;
        this.lenses = lenses;
        this.templates = templates;
        this.pageSize = pageSize;
        this.baseUrl = baseUrl;
    }

    /** GET /?page=N: the newest papers, one page at a time, or how to add papers when there are none. */
    void showHomePage(Context ctx) {
        int page = pageParam(ctx.queryParam("page"));
        long total = papers.count();
        int pages = (int) Math.max(1, Math.min(MAX_PAGE, (total + pageSize - 1) / pageSize));
        var rows = papers.newest(pageSize, (page - 1) * pageSize).stream()
                .map(p -> Views.row(p, lenses.lens(p.title(), p.abstractText()))).toList();
        String prev = page > 1 ? "/?page=" + (page - 1) : null;
        String next = page < pages ? "/?page=" + (page + 1) : null;
        render(ctx, "home.jte", new Views.HomeView(rows, total, page, pages, prev, next, harvestStatus.get()));
    }

    /** GET /papers/{id}: one paper; other spellings of its id (versions, arXiv: prefixes) redirect to it. */
    void showPaperPage(Context ctx) {
        String id = ctx.pathParam("id");
        Paper paper = PaperLookup.find(papers, id).orElseThrow(() -> new NotFoundResponse("No paper with id " + id + "."));
        if (!paper.id().equals(id)) {
            ctx.redirect(Views.paperUrl(paper.id()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        render(ctx, "paper.jte", Views.paper(paper, lenses.lens(paper.title(), paper.abstractText()), baseUrl)
                .withRelated(related.apply(paper.id())));
    }

    /** Renders the error page with the given status. */
    void showErrorPage(Context ctx, int status, String message) {
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 503 -> "Unavailable";
            default -> status >= 500 ? "Something went wrong" : "Error " + status;
        };
        ctx.status(status);
        render(ctx, "error.jte", new Views.ErrorView(status, title, message));
    }

    private void render(Context ctx, String template, Object view) {
        StringOutput out = new StringOutput();
        templates.render(template, view, out);
        ctx.html(out.toString());
    }

    private static int pageParam(String raw) {
        if (raw == null || raw.isBlank()) return 1;
        try {
            int p = Integer.parseInt(raw.strip());
            if (p >= 1 && p <= MAX_PAGE) return p;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestResponse("page must be a whole number between 1 and " + MAX_PAGE + ".");
    }
}
