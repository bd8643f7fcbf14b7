package dev.paperboy.search.lucene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each paper's related papers, found once and kept as ids and scores (~350 bytes an entry) for one index generation.
 * An entry is found again once {@link #STALE_AFTER} more papers are indexed (new papers may be closer), and — by the
 * caller — when it was found by words and the paper has since been embedded. Papers deleted since drop out when the
 * ids are turned back into hits.
 */
final class RelatedCache {

    /** Papers whose related papers are kept: ~45 MB when full. */
    static final int CAPACITY = 131_072;

    /**
     * Papers whose related papers are found ahead of views ({@code LuceneIndex.prepareRelated}): all of an instance of
     * up to ~100k papers; on a bigger one the newest, leaving a quarter of the cache to older papers people open.
     */
    static final int PREPARED = CAPACITY / 4 * 3;

    /** New papers after which an entry is found again: about a day of arXiv's computer science announcements. */
    static final int STALE_AFTER = 1_000;

    /**
     * What was found, by the paper's vector or not, when the index held {@code papers} papers. The ids are kept as one
     * string (ids hold no line breaks): ten ids cost one object instead of eleven.
     */
    record Kept(String idLines, float[] scores, boolean byVector, int papers) {
        static Kept of(List<String> ids, float[] scores, boolean byVector, int papers) {
            return new Kept(String.join("\n", ids), scores, byVector, papers);
        }

        List<String> ids() {
            return idLines.isEmpty() ? List.of() : List.of(idLines.split("\n"));
        }
    }

    private record Key(String paperId, int k) {}

    private final int capacity;
    private final int staleAfter;
    private Object generation;
    // Least recently used first; guarded by this.
    private final LinkedHashMap<Key, Kept> entries = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > capacity;
        }
    };

    RelatedCache() {
        this(CAPACITY, STALE_AFTER);
    }

    RelatedCache(int capacity, int staleAfter) {
        this.capacity = capacity;
        this.staleAfter = staleAfter;
    }

    /** The entry kept for the paper in this generation, or null when there is none or it is stale at {@code papers}. */
    synchronized Kept get(Object generation, String paperId, int k, int papers) {
        if (generation != this.generation) return null;
        Kept e = entries.get(new Key(paperId, k));
        return e == null || papers - e.papers() >= staleAfter ? null : e;
    }

    /** Keeps an entry; one of another generation first forgets the previous generation's. */
    synchronized void put(Object generation, String paperId, int k, Kept entry) {
        if (generation != this.generation) {
            entries.clear();
            this.generation = generation;
        }
        entries.put(new Key(paperId, k), entry);
    }
}
