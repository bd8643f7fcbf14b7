package dev.paperboy.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of results. {@code total} counts the results that can be paged through (for relevance order at
 * most {@link SearchRequest#MAX_DEPTH}); {@code mode} is the mode actually used, which is BM25 when
 * no query vector was available. {@code savesFacets} counts the whole result set (not just this page) per
 * budget-lens resource, in vocabulary order, resources with no result left out.
 */
public record SearchResults(long total, List<SearchHit> hits, SearchMode mode, Map<String, Long> savesFacets) {
    public SearchResults {
        hits = List.copyOf(hits);
        // Map.copyOf would lose the vocabulary order.
        savesFacets = savesFacets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(savesFacets));
    }

    /** Results without facet counts. */
    public SearchResults(long total, List<SearchHit> hits, SearchMode mode) {
        this(total, hits, mode, Map.of());
    }

    public static SearchResults empty(SearchMode mode) {
        return new SearchResults(0, List.of(), mode);
    }
}
