package dev.paperboy.search;

import java.util.List;

/**
 * A page of results. {@code total} counts the results that can be paged through (for relevance order at
 * most {@link SearchRequest#MAX_DEPTH}); {@code mode} is the mode actually used, which is BM25 when
 * no query vector was available.
 */
public record SearchResults(long total, List<SearchHit> hits, SearchMode mode) {
    public SearchResults {
        hits = List.copyOf(hits);
    }

    public static SearchResults empty(SearchMode mode) {
        return new SearchResults(0, List.of(), mode);
    }
}
