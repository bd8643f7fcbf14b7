package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.IndexDocument;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One page of search results on the wire: the answer of {@code GET /api/search} and of {@code paperboy search --json}.
 * {@code id_match} is true when the query was the arXiv id or URL of the one hit; {@code facets} counts all results
 * (not the page) per facet.
 */
@JsonPropertyOrder({"query", "total", "total_exact", "offset", "limit", "mode", "order", "id_match", "facets", "hits"})
public record SearchJson(
        @JsonProperty("query") String query,
        @JsonProperty("total") long total,
        @JsonProperty("total_exact") boolean totalExact,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("mode") String mode,
        @JsonProperty("order") String order,
        @JsonProperty("id_match") boolean idMatch,
        @JsonProperty("facets") FacetsJson facets,
        @JsonProperty("hits") List<HitJson> hits) {

    // Stateless and thread-safe; only an id match needs a lens computed here (index hits carry theirs).
    private static final LensExtractor LENS = new LensExtractor();

    /** Facet counts: {@code saves} maps budget-lens resources to result counts, vocabulary order, zeros left out. */
    public record FacetsJson(@JsonProperty("saves") Map<String, Long> saves) {}

    /**
     * One result; {@code score} is null for an id match and when results are not ranked by score (date order, filters
     * only); {@code chip} is "" when the lens found nothing.
     */
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
            @JsonProperty("url") String url) {

        /** A hit as the index returned it, with the lens chip and resources it keeps. */
        public static HitJson of(SearchHit h) {
            // Date order and filter-only searches rank without scores (Lucene reports NaN, which JSON cannot carry).
            Double score = Double.isNaN(h.score()) ? null : h.score();
            return new HitJson(h.id(), h.title(), h.authors(), h.categories(), h.date(), score,
                    h.snippet().stream().map(s -> new SegmentJson(s.text(), s.highlighted())).toList(),
                    h.chip(), h.saves(), "/papers/" + h.id());
        }

        /** A stored paper as the one hit of an id match: no score, no snippet. */
        public static HitJson of(Paper p, Lens lens) {
            return new HitJson(p.id(), p.title(), p.authors().stream().map(Author::name).toList(), p.categories(),
                    IndexDocument.dateOf(p).orElse(null), null, List.of(), lens.chip(),
                    lens.resources(), "/papers/" + p.id());
        }

        /** {@link #of(Paper, Lens)} with the lens extracted now. */
        public static HitJson of(Paper p) {
            return of(p, LENS.extract(p.title(), p.abstractText()));
        }
    }

    /** A run of snippet text; {@code highlighted} when it matched the query. Plain text, never HTML. */
    public record SegmentJson(@JsonProperty("text") String text, @JsonProperty("highlighted") boolean highlighted) {}

    /** The answer to a search that ran. */
    public static SearchJson of(String query, SearchService.Found found) {
        var request = found.request();
        var results = found.results();
        return new SearchJson(query, results.total(), results.totalExact(), request.offset(), request.limit(),
                results.mode().name().toLowerCase(Locale.ROOT), request.order().name().toLowerCase(Locale.ROOT), false,
                new FacetsJson(results.savesFacets()), results.hits().stream().map(HitJson::of).toList());
    }

    /**
     * The answer to a query that was the id of an indexed paper: that paper as the one hit, or no hit when the store
     * no longer has it (it was checked against the index, which may lag a delete for a moment).
     */
    public static SearchJson idMatch(String query, Optional<HitJson> hit) {
        List<HitJson> hits = hit.stream().toList();
        // The one hit is the whole result set: it counts once for each resource its lens names.
        Map<String, Long> saves = new LinkedHashMap<>();
        for (HitJson h : hits) for (String r : h.lensResources()) saves.merge(r, 1L, Long::sum);
        return new SearchJson(query, hits.size(), true, 0, hits.size(), "id", "relevance", true, new FacetsJson(saves), hits);
    }
}
