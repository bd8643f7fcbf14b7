package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.IndexDocument;
import dev.paperboy.search.SearchForm;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchService;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON endpoints of search: {@code /api/search} and {@code /api/papers/{id}/related}. */
public final class SearchApi {

    /** Related papers returned when no limit is given. */
    public static final int DEFAULT_RELATED = 10;

    /**
     * One page of results; {@code id_match} is true when the query was the arXiv id or URL of the one hit;
     * {@code facets} counts all results (not the page) per facet.
     */
    @JsonPropertyOrder({"query", "total", "offset", "limit", "mode", "order", "id_match", "facets", "hits"})
    public record SearchJson(
            @JsonProperty("query") String query,
            @JsonProperty("total") long total,
            @JsonProperty("offset") int offset,
            @JsonProperty("limit") int limit,
            @JsonProperty("mode") String mode,
            @JsonProperty("order") String order,
            @JsonProperty("id_match") boolean idMatch,
            @JsonProperty("facets") FacetsJson facets,
            @JsonProperty("hits") List<HitJson> hits) {}

    /** Facet counts: {@code saves} maps budget-lens resources to result counts, vocabulary order, zeros left out. */
    public record FacetsJson(@JsonProperty("saves") Map<String, Long> saves) {}

    /** One result; {@code score} is null for an id match, {@code chip} is "" when the lens found nothing. */
    @JsonPropertyOrder({"id", "title", "authors", "categories", "date", "score", "snippet", "chip", "lens_resources",
            "url"})
    public record HitJson(
            @JsonProperty("id") String id,
            @JsonProperty("title") String title,
            @JsonProperty("authors") List<String> authors,
            @JsonProperty("categories") List<String> categories,
            @JsonProperty("date") LocalDate date,
            @JsonProperty("score") Double score,
            @JsonProperty("snippet") List<SegmentJson> snippet,
            @JsonProperty("chip") String chip,
            @JsonProperty("lens_resources") List<String> lensResources,
            @JsonProperty("url") String url) {}

    /** A run of snippet text; {@code highlighted} when it matched the query. Plain text, never HTML. */
    public record SegmentJson(@JsonProperty("text") String text, @JsonProperty("highlighted") boolean highlighted) {}

    /** The papers most like one paper, itself excluded. */
    public record RelatedJson(@JsonProperty("id") String id, @JsonProperty("related") List<HitJson> related) {}

    private final SearchService search;
    private final PaperStore papers;
    private final LensCache lenses;
    private final Json json;

    /** {@code search} may be null (the index could not be opened): the endpoints then answer 503. */
    public SearchApi(SearchService search, PaperStore papers, LensCache lenses, Json json) {
        this.search = search;
        this.papers = papers;
        this.lenses = lenses;
        this.json = json;
    }

    /** GET /api/search?q=&limit=&offset=&cat=&since=&until=&mode=&order=&saves=: one page of results. */
    public void search(Context ctx) {
        SearchForm form = new SearchForm(ctx.queryParam("q"), ctx.queryParam("cat"), ctx.queryParam("since"),
                ctx.queryParam("until"), ctx.queryParam("mode"), ctx.queryParam("order"), ctx.queryParam("offset"),
                ctx.queryParam("limit"), ctx.queryParams("saves"));
        String q = form.q() == null ? "" : form.q();
        switch (service().search(form)) {
            case SearchService.Invalid(String message) -> throw new BadRequestResponse(message);
            case SearchService.GoToPaper(String id) -> {
                // The id was checked against the index; the store may still lack it for a moment after a delete.
                List<HitJson> hits = papers.find(id).map(p -> List.of(hit(p))).orElse(List.of());
                // The one hit is the whole result set: it counts once for each resource its lens names.
                Map<String, Long> saves = new LinkedHashMap<>();
                for (HitJson h : hits) for (String r : h.lensResources()) saves.merge(r, 1L, Long::sum);
                send(ctx, new SearchJson(q, hits.size(), 0, hits.size(), "id", "relevance", true, new FacetsJson(saves),
                        hits));
            }
            case SearchService.Found(var request, var results) -> send(ctx, new SearchJson(q, results.total(),
                    request.offset(), request.limit(), results.mode().name().toLowerCase(Locale.ROOT),
                    request.order().name().toLowerCase(Locale.ROOT), false, new FacetsJson(results.savesFacets()),
                    hits(results.hits())));
        }
    }

    /** GET /api/papers/{id}/related?limit=: the papers most like this one; 404 for an unknown paper. */
    public void related(Context ctx) {
        String raw = ctx.pathParam("id");
        int limit = PaperApi.intParam(ctx, "limit", DEFAULT_RELATED, 1, PaperApi.MAX_LIMIT);
        Paper paper = PaperLookup.find(papers, raw).orElseThrow(() -> new NotFoundResponse("no paper with id " + raw));
        List<HitJson> related = hits(service().related(paper.id(), limit));
        send(ctx, new RelatedJson(paper.id(), related));
    }

    private SearchService service() {
        if (search == null) throw new ServiceUnavailableResponse("search is unavailable: the index could not be opened");
        return search;
    }

    private List<HitJson> hits(List<SearchHit> hits) {
        // The index stores each hit's lens chip and resources, so a page is served without reading the
        // store (a batched read plus lens look-ups cost ~1 ms per 20-hit page, docs/benchmarks.md).
        return hits.stream().map(SearchApi::hit).toList();
    }

    private static HitJson hit(SearchHit h) {
        return new HitJson(h.id(), h.title(), h.authors(), h.categories(), h.date(), h.score(),
                h.snippet().stream().map(s -> new SegmentJson(s.text(), s.highlighted())).toList(),
                h.chip(), h.saves(), "/papers/" + h.id());
    }

    private HitJson hit(Paper p) {
        Lens lens = lenses.lens(p.title(), p.abstractText());
        return new HitJson(p.id(), p.title(), p.authors().stream().map(Author::name).toList(), p.categories(),
                IndexDocument.dateOf(p).orElse(null), null, List.of(), lens.chip(),
                lens.resources(), "/papers/" + p.id());
    }

    private void send(Context ctx, Object body) {
        ctx.contentType("application/json; charset=utf-8").result(json.write(body));
    }
}
