package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LensCacheTest {

    private static final String TITLE = "Faster kernels";
    private static final String ABSTRACT = "We present a kernel. It runs 3x faster and uses 40% less GPU memory.";

    private final LensExtractor extractor = new LensExtractor();

    @Test
    void aCachedLensEqualsWhatTheExtractorSays() {
        var cache = new LensCache(extractor, 8);
        assertEquals(extractor.extract(TITLE, ABSTRACT), cache.lens(TITLE, ABSTRACT));
        assertEquals(extractor.extract(null, null), cache.lens(null, null));
    }

    @Test
    void theSameTextIsExtractedOnce() {
        var cache = new LensCache(extractor, 8);
        Lens first = cache.lens(TITLE, ABSTRACT);
        // A new String with equal content, as a fresh read from the store would give.
        assertSame(first, cache.lens(new String(TITLE), new StringBuilder(ABSTRACT).toString()));
        assertEquals(1, cache.size());
    }

    @Test
    void anEditedAbstractGetsItsOwnLens() {
        var cache = new LensCache(extractor, 8);
        Lens before = cache.lens(TITLE, ABSTRACT);
        Lens after = cache.lens(TITLE, ABSTRACT.replace("3x", "5x"));
        assertNotSame(before, after);
        assertEquals("5× faster · memory", after.chip());
    }

    @Test
    void theLeastRecentlyUsedLensIsDroppedAtCapacity() {
        var cache = new LensCache(extractor, 2);
        Lens a = cache.lens("a", ABSTRACT);
        Lens b = cache.lens("b", ABSTRACT);
        assertSame(a, cache.lens("a", ABSTRACT)); // "b" is now the least recently used
        cache.lens("c", ABSTRACT);                // so it is the one dropped
        assertEquals(2, cache.size());
        assertSame(a, cache.lens("a", ABSTRACT));
        assertNotSame(b, cache.lens("b", ABSTRACT));
        assertEquals(2, cache.size());
    }

    @Test
    void aCapacityBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LensCache(extractor, 0));
    }
}
