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
    // and equal text always has an equal lens. The extractor version is fixed for a process. The key is two
    // independent 64-bit hashes of title and abstract, not the text: holding every abstract alive would cost ~2 KB
    // per entry; a wrong hit needs both hashes to collide (about 1 in 10^19 per pair at 65k entries).
    private record Key(long a, long b) {
        static Key of(String title, String abstractText) {
            long a = 1125899906842597L, b = 0xcbf29ce484222325L;
            for (String s : new String[] {title, "\u0000", abstractText}) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    a = 31 * a + c;
                    b = (b ^ c) * 0x100000001b3L;
                }
            }
            return new Key(a, b);
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
