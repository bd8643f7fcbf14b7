package dev.paperboy.hub;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperStore.Listing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The featured entries and papers of date ranges, cached. A range is read with two indexed queries (its hub
 * entries, then its papers by id) and kept while the store's change sequence stays the same; after a write it is
 * kept for {@code minAge} more (so a harvest writing every second does not rebuild it per request), and it is
 * never older than {@code maxAge} (for signals that live outside the paper rows, like this instance's votes).
 */
final class Windows {

    /** A range's entries (newest day first) and its papers by id. */
    record Window(List<Listing> entries, Map<String, Paper> papers) {}

    private record Key(LocalDate from, LocalDate to) {}

    private record Cached(Window window, long sequence, Instant builtAt) {}

    private static final int MAX_CACHED = 64;

    private final PaperStore store;
    private final Clock clock;
    private final Duration minAge;
    private final Duration maxAge;
    private final Map<Key, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };

    Windows(PaperStore store, Clock clock, Duration minAge, Duration maxAge) {
        this.store = store;
        this.clock = clock;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    Window get(LocalDate from, LocalDate to) {
        Key key = new Key(from, to);
        Instant now = clock.instant();
        long sequence = store.lastSequence();
        Cached c;
        synchronized (cache) {
            c = cache.get(key);
        }
        if (c != null) {
            Duration age = Duration.between(c.builtAt(), now);
            boolean fresh = age.compareTo(maxAge) < 0 && (c.sequence() == sequence || age.compareTo(minAge) < 0);
            if (fresh) return c.window();
        }
        // Two requests may build the same window at once; both results are right and the last one is kept.
        List<Listing> entries = store.featuredEntries(from, to);
        Map<String, Paper> papers = store.findAll(entries.stream().map(Listing::paperId).distinct().toList());
        Window w = new Window(entries, papers);
        synchronized (cache) {
            cache.put(key, new Cached(w, sequence, now));
        }
        return w;
    }
}
