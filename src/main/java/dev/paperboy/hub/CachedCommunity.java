package dev.paperboy.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The community as lists read it, each paper's counts and hidden flag kept for {@link #FRESHNESS}: a trending month
 * asks about ~600 papers per request, and two batch queries of that size were a third of its cost. What a paper is
 * not known for is read in one batch of counts and one of hidden flags. A vote, comment or moderation act shows on
 * lists within {@code freshness} on every process; {@link #forget} makes it show at once on this one.
 */
public final class CachedCommunity implements Community {

    /** How long a paper's counts and hidden flag are reused. */
    public static final Duration FRESHNESS = Duration.ofSeconds(10);

    /** Papers kept: ~100 bytes each. */
    static final int PAPERS = 65_536;

    private record Known(Counts counts, boolean hidden, Instant readAt) {}

    private final Community source;
    private final Clock clock;
    private final Duration freshness;
    // Least recently used first; guarded by itself.
    private final LinkedHashMap<String, Known> known = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > PAPERS;
        }
    };

    public CachedCommunity(Community source, Clock clock, Duration freshness) {
        this.source = source;
        this.clock = clock;
        this.freshness = freshness;
    }

    @Override
    public Map<String, Counts> counts(Collection<String> paperIds) {
        Map<String, Counts> out = new HashMap<>();
        read(paperIds).forEach((id, k) -> out.put(id, k.counts()));
        return out;
    }

    @Override
    public Set<String> hiddenAmong(Collection<String> paperIds) {
        Set<String> out = new HashSet<>();
        read(paperIds).forEach((id, k) -> {
            if (k.hidden()) out.add(id);
        });
        return out;
    }

    /** Forgets what is known of the paper: the next list asks the store (after a vote or moderation act here). */
    public void forget(String paperId) {
        synchronized (known) {
            known.remove(paperId);
        }
    }

    private Map<String, Known> read(Collection<String> paperIds) {
        Instant now = clock.instant();
        Map<String, Known> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (known) {
            for (String id : paperIds) {
                Known k = known.get(id);
                if (k != null && Duration.between(k.readAt(), now).compareTo(freshness) < 0) out.put(id, k);
                else missing.add(id);
            }
        }
        if (missing.isEmpty()) return out;
        Map<String, Counts> counts = source.counts(missing);
        Set<String> hidden = source.hiddenAmong(missing);
        Map<String, Known> read = new HashMap<>();
        for (String id : missing) {
            read.put(id, new Known(counts.getOrDefault(id, Counts.ZERO), hidden.contains(id), now));
        }
        synchronized (known) {
            known.putAll(read);
        }
        out.putAll(read);
        return out;
    }
}
