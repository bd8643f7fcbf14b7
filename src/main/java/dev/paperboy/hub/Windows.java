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
 * never older than {@code maxAge} (for signals that live outside the paper rows, like this instance's votes). The
 * cache is bounded by the papers it holds, not the ranges: {@link #MAX_PAPERS} keeps a year of daily lists (~30 papers
 * a day) and their weeks, ~3 KB a paper.
 */
final class Windows {

    /** A range's entries (newest day first) and its papers by id. */
    record Window(List<Listing> entries, Map<String, Paper> papers) {}

    private record Key(LocalDate from, LocalDate to) {}

    private record Cached(Window window, long sequence, Instant builtAt) {}

    static final int MAX_PAPERS = 16_384;

    private final PaperStore store;
    private final Clock clock;
    private final Duration minAge;
    private final Duration maxAge;
    private final int maxPapers;
    // Least recently used first; guarded by itself, as is cachedPapers.
    private final LinkedHashMap<Key, Cached> cache = new LinkedHashMap<>(64, 0.75f, true);
    private int cachedPapers;

    Windows(PaperStore store, Clock clock, Duration minAge, Duration maxAge) {
        this(store, clock, minAge, maxAge, MAX_PAPERS);
    }

    Windows(PaperStore store, Clock clock, Duration minAge, Duration maxAge, int maxPapers) {
        this.maxPapers = maxPapers;
        this.store = store;
        this.clock = clock;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    Window get(LocalDate from, LocalDate to) {
        Key key = new Key(from, to);
        Instant now = clock.instant();
        Cached c;
        synchronized (cache) {
            c = cache.get(key);
        }
        // Younger than minAge: fresh without asking the store; older: fresh while the store has not changed.
        Long sequence = null;
        if (c != null) {
            Duration age = Duration.between(c.builtAt(), now);
            if (age.compareTo(minAge) < 0 && age.compareTo(maxAge) < 0) return c.window();
            sequence = store.lastSequence();
            if (age.compareTo(maxAge) < 0 && c.sequence() == sequence) return c.window();
        }
        if (sequence == null) sequence = store.lastSequence();
        // Two requests may build the same window at once; both results are right and the last one is kept.
        List<Listing> entries = store.featuredEntries(from, to);
        Map<String, Paper> papers = store.findAll(entries.stream().map(Listing::paperId).distinct().toList());
        Window w = new Window(entries, papers);
        synchronized (cache) {
            Cached old = cache.put(key, new Cached(w, sequence, now));
            if (old != null) cachedPapers -= old.window().papers().size();
            cachedPapers += papers.size();
            var eldest = cache.values().iterator();
            while (cachedPapers > maxPapers && cache.size() > 1) {
                cachedPapers -= eldest.next().window().papers().size();
                eldest.remove();
            }
        }
        return w;
    }

    /**
     * Drops every cached range that holds {@code day}, so the next request reads it again: a write this process made
     * (a submission to today's list) shows at once here, not after {@code minAge}.
     */
    void forget(LocalDate day) {
        synchronized (cache) {
            var it = cache.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (!day.isBefore(e.getKey().from()) && !day.isAfter(e.getKey().to())) {
                    cachedPapers -= e.getValue().window().papers().size();
                    it.remove();
                }
            }
        }
    }
}
