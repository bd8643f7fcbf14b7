package dev.paperboy.search;

/** One search: the parsed query, the legs to use, the order, the page and whether to build snippets. */
public record SearchRequest(SearchQuery query, SearchMode mode, SearchOrder order, int offset, int limit,
        boolean snippets) {

    /** The largest page. */
    public static final int MAX_LIMIT = 100;
    /** How deep pagination may go; fusion looks at this many candidates per leg at most. */
    public static final int MAX_DEPTH = 1_000;

    public SearchRequest {
        if (mode == null) mode = SearchMode.HYBRID;
        if (order == null) order = SearchOrder.RELEVANCE;
        if (offset < 0) throw new IllegalArgumentException("search: offset must be >= 0");
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("search: limit must be 1.." + MAX_LIMIT);
        if (offset + limit > MAX_DEPTH) {
            throw new IllegalArgumentException("search: offset + limit must be <= " + MAX_DEPTH);
        }
    }

    /** A request with snippets. */
    public SearchRequest(SearchQuery query, SearchMode mode, SearchOrder order, int offset, int limit) {
        this(query, mode, order, offset, limit, true);
    }

    /** The same request without snippets (evaluation and benchmarks need only ids). */
    public SearchRequest withoutSnippets() {
        return new SearchRequest(query, mode, order, offset, limit, false);
    }

    /** The first page of hybrid results by relevance. */
    public static SearchRequest of(SearchQuery query, int limit) {
        return new SearchRequest(query, SearchMode.HYBRID, SearchOrder.RELEVANCE, 0, limit);
    }
}
