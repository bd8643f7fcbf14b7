package dev.paperboy.web;

import dev.paperboy.api.PaperLookup;
import dev.paperboy.hub.Community;
import dev.paperboy.cite.BibTex;
import dev.paperboy.cite.PaperMarkdown;
import dev.paperboy.ingest.harvest.HarvestScheduler;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The HTML pages about papers. */
public final class PaperPages {

    // Deep pages cost a large OFFSET; nobody reads page 10 000 of a list sorted by date.
    static final int MAX_PAGE = 10_000;

    /**
     * Lenses kept for the pages people open (a year of daily lists is ~8,000 papers, and every list, card and paper
     * page needs them); keys are hashes, so an entry is the lens alone, ~20 MB when full. Without it a 30-paper
     * page spends ~3 ms of CPU re-extracting lenses (docs/benchmarks.md, "Lens on pages", and issue 9's hub run).
     */
    public static final int LENS_CACHE = 65_536;

    private final PaperStore papers;
    private final LensCache lenses;
    private final Templates templates;
    private final int pageSize;
    private final String baseUrl;
    private final Supplier<List<HarvestScheduler.SourceStatus>> harvestStatus;
    private final SearchPages search;
    private final Community community;
    private final CommentPages comments; // null: no Discussion section
    private java.util.function.Predicate<Context> seesHidden = ctx -> false;
    private volatile CollectionPages collections; // null: no "Add to collection" control (set by the wiring)

    /**
     * The pages; {@code harvestStatus} is shown on the home page (empty when nothing harvests), {@code search} gives
     * a paper page its related papers.
     */
    public PaperPages(PaperStore papers, LensCache lenses, Templates templates, int pageSize, String baseUrl,
            Supplier<List<HarvestScheduler.SourceStatus>> harvestStatus, SearchPages search) {
        this(papers, lenses, templates, pageSize, baseUrl, harvestStatus, search, Community.NONE);
    }

    /** {@code community}: which papers moderators hid; their pages answer 404 and the newest papers leave them out. */
    public PaperPages(PaperStore papers, LensCache lenses, Templates templates, int pageSize, String baseUrl,
            Supplier<List<HarvestScheduler.SourceStatus>> harvestStatus, SearchPages search, Community community) {
        this(papers, lenses, templates, pageSize, baseUrl, harvestStatus, search, community, null);
    }

    /** {@code comments}: the Discussion section of each paper page, for whoever is asking. */
    public PaperPages(PaperStore papers, LensCache lenses, Templates templates, int pageSize, String baseUrl,
            Supplier<List<HarvestScheduler.SourceStatus>> harvestStatus, SearchPages search, Community community,
            CommentPages comments) {
        this.comments = comments;
        this.community = community;
        this.papers = papers;
        this.lenses = lenses;
        this.templates = templates;
        this.pageSize = pageSize;
        this.baseUrl = baseUrl;
        this.harvestStatus = harvestStatus;
        this.search = search;
    }

    /** Who may still open a hidden paper's page (admins: to see it and unhide it); nobody by default. */
    public PaperPages showingHiddenTo(java.util.function.Predicate<Context> moderators) {
        this.seesHidden = moderators;
        return this;
    }

    /** Shows the signed-in visitor's "Add to collection" control on paper pages; returns this. */
    public PaperPages withCollections(CollectionPages collections) {
        this.collections = collections;
        return this;
    }

    /** GET /?page=N: the newest papers, one page at a time, or how to add papers when there are none. */
    void showHomePage(Context ctx) {
        int page = pageParam(ctx.queryParam("page"));
        long total = papers.count();
        int pages = (int) Math.max(1, Math.min(MAX_PAGE, (total + pageSize - 1) / pageSize));
        if (page > pages) {
            throw new NotFoundResponse("Page " + page + " is past the end: "
                    + (total == 0 ? "there are no papers yet." : "the newest papers fill " + pages
                    + (pages == 1 ? " page." : " pages.")));
        }
        var newest = papers.newest(pageSize, (page - 1) * pageSize);
        var hidden = community.hiddenAmong(newest.stream().map(Paper::id).toList());
        var rows = newest.stream().filter(p -> !hidden.contains(p.id()))
                .map(p -> Views.row(p, lenses.lens(p.title(), p.abstractText()))).toList();
        String prev = page > 1 ? "/?page=" + (page - 1) : null;
        String next = page < pages ? "/?page=" + (page + 1) : null;
        var harvest = harvestStatus.get().stream().map(Views::harvestLine).toList();
        templates.send(ctx, 200, "home.jte", new Views.HomeView(rows, total, page, pages, prev, next, harvest));
    }

    /** GET /papers/{id}: one paper; other spellings of its id (versions, arXiv: prefixes) redirect to it. */
    void showPaperPage(Context ctx) {
        Optional<Paper> found = paperAt(ctx, "");
        if (found.isEmpty()) return;
        Paper paper = found.get();
        PaperPageView view = PaperPageView.of(paper, papers.revisions(paper.id()), lensOf(paper), baseUrl,
                search.relatedRows(paper.id()));
        if (comments != null) view = view.withDiscussion(comments.section(ctx, paper));
        CollectionPages c = collections;
        templates.send(ctx, 200, "paper.jte", c == null ? Map.of("view", view)
                : Map.of("view", view, "collections", c.paperControls(ctx, paper)));
    }

    /** GET /papers/{id}.bib: the paper's BibTeX entry in arXiv's @misc form. */
    void showPaperBibTeX(Context ctx) {
        paperAt(ctx, ".bib").ifPresent(p -> ctx.contentType(BIBTEX).result(BibTex.entry(p)));
    }

    /** GET /papers/{id}.md: the paper as Markdown, for reading in tools. */
    void showPaperMarkdown(Context ctx) {
        paperAt(ctx, ".md").ifPresent(p -> ctx.contentType(MARKDOWN).result(PaperMarkdown.of(p,
                papers.revisions(p.id()), PaperPageView.links(p).stream()
                        .map(l -> new PaperMarkdown.Link(l.label(), l.href())).toList(),
                lensOf(p), baseUrl + Views.paperUrl(p.id()))));
    }

    static final String BIBTEX = "application/x-bibtex; charset=utf-8";
    static final String MARKDOWN = "text/markdown; charset=utf-8";

    /**
     * The paper the path's {@code id} names, or empty after redirecting another spelling of its id to the canonical
     * path (with the same {@code suffix}); unknown ids are 404.
     */
    private Optional<Paper> paperAt(Context ctx, String suffix) {
        String id = ctx.pathParam("id");
        Paper paper = PaperLookup.find(papers, id).orElseThrow(() -> new NotFoundResponse("No paper with id " + id + "."));
        // Everyone but admins gets the 404: the page, its BibTeX and Markdown (admins see a banner and Unhide).
        if (community.isHidden(paper.id()) && !seesHidden.test(ctx)) {
            throw new NotFoundResponse("Paper " + paper.id() + " was hidden by this site's moderators.");
        }
        if (!paper.id().equals(id)) {
            ctx.redirect(Views.paperUrl(paper.id()) + suffix, HttpStatus.MOVED_PERMANENTLY);
            return Optional.empty();
        }
        return Optional.of(paper);
    }

    private dev.paperboy.lens.Lens lensOf(Paper p) {
        return lenses.lens(p.title(), p.abstractText());
    }

    /** A 1-based page number of a page listing (?page=N), at most {@link #MAX_PAGE}; 400 otherwise. */
    static int pageParam(String raw) {
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
