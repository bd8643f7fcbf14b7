package dev.paperboy.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedCacheTest {

    private static RelatedCache.Kept kept(int papers, String... ids) {
        return new RelatedCache.Kept(String.join("\n", ids), new float[ids.length], false, papers);
    }

    @Test
    void anEntryHoldsForItsGenerationUntilEnoughNewPapersAreIndexed() {
        RelatedCache cache = new RelatedCache(10, 100);
        Object gen = new Object();
        cache.put(gen, "p1", 5, kept(1_000, "a", "b"));
        assertEquals(List.of("a", "b"), cache.get(gen, "p1", 5, 1_099).ids());
        assertNull(cache.get(gen, "p1", 5, 1_100), "100 new papers: found again");
        assertNull(cache.get(gen, "p1", 3, 1_000), "another k is another entry");
        assertNull(cache.get(new Object(), "p1", 5, 1_000), "another generation knows nothing of it");
    }

    @Test
    void aNewGenerationForgetsTheOldOnesEntries() {
        RelatedCache cache = new RelatedCache(10, 100);
        Object old = new Object(), fresh = new Object();
        cache.put(old, "p1", 5, kept(10, "a"));
        cache.put(fresh, "p2", 5, kept(10, "b"));
        assertNull(cache.get(old, "p1", 5, 10));
        assertNull(cache.get(fresh, "p1", 5, 10));
        assertEquals(List.of("b"), cache.get(fresh, "p2", 5, 10).ids());
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenFull() {
        RelatedCache cache = new RelatedCache(2, 100);
        Object gen = new Object();
        cache.put(gen, "p1", 5, kept(10, "a"));
        cache.put(gen, "p2", 5, kept(10, "b"));
        cache.get(gen, "p1", 5, 10);
        cache.put(gen, "p3", 5, kept(10, "c"));
        assertNull(cache.get(gen, "p2", 5, 10));
        assertEquals(List.of("a"), cache.get(gen, "p1", 5, 10).ids());
        assertEquals(List.of("c"), cache.get(gen, "p3", 5, 10).ids());
    }
}
