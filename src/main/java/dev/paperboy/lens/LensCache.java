package dev.paperboy.lens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The lenses of recently shown papers, so list pages do not re-extract the same 25 lenses on every view:
 * a bounded least-recently-used map keyed by the exact title and abstract. Thread-safe.
 */
public final class LensCache {

    // Keyed by the text, not by paper id and version: a re-import may change an abstract without a new version,
    // and equal text always has an equal lens. The extractor version is fixed for a process. The key is the hashes
    // and lengths of title and abstract, not the text (holding every abstract alive would cost ~2 KB per entry): a
    // wrong hit needs two papers whose titles and abstracts both collide at equal lengths.
    private record Key(int title, int abstractText, int titleLength, int abstractLength) {
        static Key of(String title, String abstractText) {
            return new Key(title.hashCode(), abstractText.hashCode(), title.length(), abstractText.length());
        }
    }

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
        String t = title == null ? "" : title, a = abstractText == null ? "" : abstractText;
        Key key = Key.of(t, a);
        synchronized (lenses) {
            Lens hit = lenses.get(key);
            if (hit != null) return hit;
        }
        // Extract outside the lock: two threads may both miss and extract, which is harmless (same result).
        Lens lens = extractor.extract(t, a);
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
