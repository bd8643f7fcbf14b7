package dev.paperboy.search;

import dev.paperboy.search.embed.Embedder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hybrid paper search: validates the form, embeds the query, asks the index, and handles pasted ids. */
public final class SearchService {

    /** What a search came to. */
    public sealed interface Outcome permits Found, GoToPaper, Invalid {}

    /** A page of results. */
    public record Found(SearchRequest request, SearchResults results) implements Outcome {}

    /** The query was an arXiv id or URL of a paper in the index: show that paper. */
    public record GoToPaper(String paperId) implements Outcome {}

    /** The input cannot be searched; the message is for the person (HTTP 400). */
    public record Invalid(String message) implements Outcome {}

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final PaperIndex index;
    private final Embedder embedder;

    /** {@code embedder} may be null: searches then use the keyword leg only. */
    public SearchService(PaperIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    /** Searches from raw form parameters; never throws for bad input. */
    public Outcome search(SearchForm form) {
        SearchForm.Validated v = form.validate();
        if (v instanceof SearchForm.Invalid(String message)) return new Invalid(message);
        SearchRequest request = ((SearchForm.Valid) v).request();
        var id = request.query().arxivId();
        if (id.isPresent()) {
            if (index.contains(id.get().base())) return new GoToPaper(id.get().base());
            // An id names one paper; one we don't have matches nothing, reported in the mode that would have run.
            SearchMode ran = embedder == null ? SearchMode.BM25 : request.mode();
            return new Found(request, SearchResults.empty(ran));
        }
        return new Found(request, search(request));
    }

    /** Runs a validated request. */
    public SearchResults search(SearchRequest request) {
        SearchQuery q = request.query();
        if (!q.filtersOnly() && !q.searchable()) {
            return SearchResults.empty(embedder == null ? SearchMode.BM25 : request.mode());
        }
        return index.search(request, queryVector(request));
    }

    private float[] queryVector(SearchRequest request) {
        if (embedder == null || request.mode() == SearchMode.BM25) return null;
        String text = request.query().semanticText();
        if (text.isEmpty()) return null;
        try {
            return embedder.embedQuery(text);
        } catch (RuntimeException e) {
            // The keyword leg still answers; the result reports mode BM25.
            log.warn("search: unable to embed query, falling back to bm25: {}", e.getMessage());
            return null;
        }
    }

    /** The papers most like this one, itself excluded. */
    public List<SearchHit> related(String paperId, int k) {
        return index.related(paperId, k);
    }

    /** True when the semantic leg is available. */
    public boolean semanticAvailable() {
        return embedder != null;
    }
}
