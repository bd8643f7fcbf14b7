package dev.paperboy.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A page of results. {@code total} is how many papers the search matched, the same number in every order
 * (relevance order pages through the first {@link SearchRequest#MAX_DEPTH} of them); {@code totalExact} is
 * false when it is a lower bound (the semantic leg alone: every embedded paper is a neighbour, so only
 * the ones looked at are counted). {@code mode} is the mode actually used, which is BM25 when no query
 * vector was available. {@code savesFacets} counts the same result set (not just this page) per
 * budget-lens resource, in vocabulary order, resources with no result left out.
 */
public record SearchResults(long total, boolean totalExact, List<SearchHit> hits, SearchMode mode,
        Map<String, Long> savesFacets) {
    public SearchResults {
        hits = List.copyOf(hits);
        // Map.copyOf would lose the vocabulary order.
        savesFacets = savesFacets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(savesFacets));
    }

    /** Results with an exact total. */
    public SearchResults(long total, List<SearchHit> hits, SearchMode mode, Map<String, Long> savesFacets) {
        this(total, true, hits, mode, savesFacets);
    }

    /** Results with an exact total and without facet counts. */
    public SearchResults(long total, List<SearchHit> hits, SearchMode mode) {
        this(total, true, hits, mode, Map.of());
    }

    public static SearchResults empty(SearchMode mode) {
        return new SearchResults(0, List.of(), mode);
    }

    /** The total as people read it: "67,003", or "100+" when it is a lower bound. */
    public String totalText() {
        return String.format(Locale.ROOT, "%,d", total) + (totalExact ? "" : "+");
    }
}
