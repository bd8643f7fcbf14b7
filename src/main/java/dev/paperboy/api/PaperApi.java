package dev.paperboy.api;

import dev.paperboy.hub.Community;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/** The JSON endpoints for papers. */
public final class PaperApi {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** One page of papers, newest first. */
    public record PaperListJson(List<PaperJson> papers, int limit, int offset, long total) {}

    private final PaperStore papers;
    private final LensCache lenses;
    private final Json json;
    private final Community community;

    public PaperApi(PaperStore papers, LensCache lenses, Json json) {
        this(papers, lenses, json, Community.NONE);
    }

    /** {@code community}: which papers moderators hid (404 here, and left out of the newest papers). */
    public PaperApi(PaperStore papers, LensCache lenses, Json json, Community community) {
        this.community = community;
        this.papers = papers;
        this.lenses = lenses;
        this.json = json;
    }

    /** GET /api/papers/{id}: one paper, found by base, versioned or derived id. */
    public void getPaper(Context ctx) {
        String id = ctx.pathParam("id");
        var paper = PaperLookup.find(papers, id)
                .orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        if (community.isHidden(paper.id())) throw new NotFoundResponse("paper " + paper.id() + " was hidden by moderators");
        send(ctx, wire(paper));
    }

    /** GET /api/papers?limit=&offset=: newest papers, paginated. */
    public void listPapers(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        var newest = papers.newest(limit, offset);
        var hidden = community.hiddenAmong(newest.stream().map(Paper::id).toList());
        var page = newest.stream().filter(p -> !hidden.contains(p.id())).map(this::wire).toList();
        send(ctx, new PaperListJson(page, limit, offset, papers.count()));
    }

    private PaperJson wire(Paper p) {
        return PaperJson.of(p, lenses.lens(p.title(), p.abstractText()));
    }

    private void send(Context ctx, Object body) {
        ctx.contentType("application/json; charset=utf-8").result(json.write(body));
    }

    /** Reads an optional integer query parameter, rejecting non-numbers and values outside [min, max] with that range. */
    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return dflt;
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below, with the same message as an out-of-range value
        }
        throw new BadRequestResponse(name + " must be a whole number between " + min + " and " + max);
    }
}
