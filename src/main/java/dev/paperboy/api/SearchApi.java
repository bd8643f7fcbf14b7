package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperboy.api.SearchJson.HitJson;
import dev.paperboy.hub.Community;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.IndexDocument;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchForm;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.SearchService;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The JSON endpoints of search: {@code /api/search} and {@code /api/papers/{id}/related}. */
public final class SearchApi {

    /** Related papers returned when no limit is given. */

    /** The papers most like one paper, itself excluded. */
    public record RelatedJson(@JsonProperty("id") String id, @JsonProperty("related") List<HitJson> related) {}

    private final Optional<SearchService> search;
    private final PaperStore papers;
    private final LensCache lenses;
    private final Json json;
    private final Community community;

    /** {@code search} is empty when the index could not be opened: the endpoints then answer 503. */
    public SearchApi(Optional<SearchService> search, PaperStore papers, LensCache lenses, Json json) {
        this(search, papers, lenses, json, Community.NONE);
    }

    /** With {@code community}: papers its moderators hid are left out of results and their related papers are 404. */
    public SearchApi(Optional<SearchService> search, PaperStore papers, LensCache lenses, Json json,
            Community community) {
        this.search = search;
        this.papers = papers;
        this.lenses = lenses;
        this.json = json;
        this.community = community;
    }

    /** GET /api/search?q=&limit=&offset=&cat=&since=&until=&mode=&order=&saves=: one page of results. */
    public void search(Context ctx) {
        // Checked here too so that a huge offset hears the range it must be in, not that it is not a number.
        PaperApi.intParam(ctx, "offset", 0, 0, SearchRequest.MAX_DEPTH - 1);
        SearchForm form = new SearchForm(ctx.queryParam("q"), ctx.queryParam("cat"), ctx.queryParam("since"),
                ctx.queryParam("until"), ctx.queryParam("mode"), ctx.queryParam("order"), ctx.queryParam("offset"),
                ctx.queryParam("limit"), ctx.queryParams("saves"));
        String q = form.q() == null ? "" : form.q();
        switch (service().search(form)) {
            case SearchService.Invalid(String message) -> throw new BadRequestResponse(message);
            case SearchService.GoToPaper(String id) -> send(ctx, SearchJson.idMatch(q,
                    papers.find(id).filter(p -> !community.isHidden(p.id()))
                            .map(p -> HitJson.of(p, lenses.lens(p.title(), p.abstractText())))));
            case SearchService.Found found -> send(ctx, SearchJson.of(q, visible(found)));
        }
    }

    /** GET /api/papers/{id}/related?limit=: the papers most like this one; 404 for an unknown paper. */
    public void related(Context ctx) {
        String raw = ctx.pathParam("id");
        int limit = PaperApi.intParam(ctx, "limit", SearchDefaults.RELATED, 1, PaperApi.MAX_LIMIT);
        Paper paper = PaperLookup.find(papers, raw).orElseThrow(() -> new NotFoundResponse("no paper with id " + raw));
        if (community.isHidden(paper.id())) throw new NotFoundResponse("paper " + paper.id() + " was hidden by moderators");
        // The index stores each hit's lens chip and resources, so a page is served without reading the
        // store (a batched read plus lens look-ups cost ~1 ms per 20-hit page, docs/benchmarks.md).
        List<HitJson> related = visible(service().related(paper.id(), limit)).stream().map(HitJson::of).toList();
        send(ctx, new RelatedJson(paper.id(), related));
    }

    /**
     * The results without the papers moderators hid (the index keeps them: a page may hold fewer hits than its limit
     * and the total still counts them, as on the search page).
     */
    private SearchService.Found visible(SearchService.Found found) {
        SearchResults r = found.results();
        List<SearchHit> shown = visible(r.hits());
        return shown.size() == r.hits().size() ? found : new SearchService.Found(found.request(),
                new SearchResults(r.total(), r.totalExact(), shown, r.mode(), r.savesFacets()));
    }

    private List<SearchHit> visible(List<SearchHit> hits) {
        Set<String> hidden = community.hiddenAmong(hits.stream().map(SearchHit::id).toList());
        return hidden.isEmpty() ? hits : hits.stream().filter(h -> !hidden.contains(h.id())).toList();
    }

    private SearchService service() {
        return search.orElseThrow(
                () -> new ServiceUnavailableResponse("search is unavailable: the index could not be opened"));
    }

    private void send(Context ctx, Object body) {
        ctx.contentType("application/json; charset=utf-8").result(json.write(body));
    }
}
