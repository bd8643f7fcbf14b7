package dev.paperboy.lens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The lenses of recently shown papers, so list pages do not re-extract the same 25 lenses on every view:
 * a bounded least-recently-used map keyed by the exact title and abstract. Thread-safe.
 */
public final class LensCache {

    // Keyed by the text itself, not by paper id and version: a re-import may change an abstract without a new
    // version, and equal text always has an equal lens. The extractor version is fixed for a process.
    private record Key(String title, String abstractText) {}

    private final LensExtractor extractor;
    private final Map<Key, Lens> lenses;

    /** A cache holding at most {@code capacity} lenses in front of {@code extractor}. */
    public LensCache(LensExtractor extractor, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("lens: cache capacity must be at least 1: " + capacity);
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.lenses = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Lens> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The lens of this title and abstract, extracted on a miss. */
    public Lens lens(String title, String abstractText) {
        Key key = new Key(title == null ? "" : title, abstractText == null ? "" : abstractText);
        synchronized (lenses) {
            Lens hit = lenses.get(key);
            if (hit != null) return hit;
        }
        // Extract outside the lock: two threads may both miss and extract, which is harmless (same result).
        Lens lens = extractor.extract(key.title(), key.abstractText());
        synchronized (lenses) {
            lenses.put(key, lens);
        }
        return lens;
    }

    /** How many lenses are held now. */
    public int size() {
        synchronized (lenses) {
            return lenses.size();
        }
    }
}
