package dev.paperboy.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CachedCommunityTest {

    /** A community in memory that records which papers each batch asked about. */
    private static final class Recorded implements Community {
        final Map<String, Counts> counts = new HashMap<>();
        final Set<String> hidden = new HashSet<>();
        final List<Set<String>> asked = new ArrayList<>();

        @Override
        public Map<String, Counts> counts(Collection<String> ids) {
            asked.add(new HashSet<>(ids));
            Map<String, Counts> out = new HashMap<>();
            for (String id : ids) if (counts.containsKey(id)) out.put(id, counts.get(id));
            return out;
        }

        @Override
        public Set<String> hiddenAmong(Collection<String> ids) {
            Set<String> out = new HashSet<>(ids);
            out.retainAll(hidden);
            return out;
        }
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Recorded store = new Recorded();
    private final CachedCommunity cached = new CachedCommunity(store, clock, Duration.ofSeconds(10));

    @Test
    void aPapersCountsAndHiddenFlagAreReusedForTheFreshnessThenReadAgain() {
        store.counts.put("a", new Community.Counts(2, 1));
        assertEquals(new Community.Counts(2, 1), cached.counts(List.of("a", "b")).get("a"));
        assertEquals(Community.Counts.ZERO, cached.counts(List.of("b")).get("b"));
        store.counts.put("a", new Community.Counts(3, 1));
        store.hidden.add("b");
        clock.advance(Duration.ofSeconds(9));
        assertEquals(new Community.Counts(2, 1), cached.counts(List.of("a")).get("a"), "within the freshness");
        assertEquals(Set.of(), cached.hiddenAmong(List.of("a", "b")));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new Community.Counts(3, 1), cached.counts(List.of("a")).get("a"), "then read again");
        assertEquals(Set.of("b"), cached.hiddenAmong(List.of("a", "b")));
    }

    @Test
    void onlyPapersNotKnownAreAskedForInOneBatch() {
        cached.counts(List.of("a", "b"));
        cached.hiddenAmong(List.of("a", "b", "c"));
        assertEquals(List.of(Set.of("a", "b"), Set.of("c")), store.asked);
    }

    @Test
    void aForgottenPaperIsReadAtOnce() {
        cached.counts(List.of("a"));
        store.counts.put("a", new Community.Counts(1, 0));
        cached.forget("a");
        assertEquals(new Community.Counts(1, 0), cached.counts(List.of("a")).get("a"));
    }
}
