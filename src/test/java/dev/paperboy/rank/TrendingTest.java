package dev.paperboy.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingTest {

    private static final Instant NOW = Instant.parse("2024-03-20T12:00:00Z");

    @Test
    void pointsWeighVotesUpvotesCommentsAndTheLogarithmOfStars() {
        assertEquals(0.0, Trending.points(Signals.NONE));
        assertEquals(3 + 10 + 2 * 4 + 10.0, Trending.points(new Signals(3, 10, 4, 1023)), 1e-9);
    }

    @Test
    void theScoreHalvesEveryHalfLifeFromTheStartOfTheFeaturedDay() {
        Signals s = new Signals(0, 16, 0, 0);
        Duration halfLife = Duration.ofHours(12);
        // 2024-03-20 started 12 hours before NOW: one half-life.
        assertEquals(8.0, Trending.score(s, LocalDate.parse("2024-03-20"), NOW, halfLife), 1e-9);
        assertEquals(2.0, Trending.score(s, LocalDate.parse("2024-03-19"), NOW, halfLife), 1e-9);
        // A day that has not started yet counts as new.
        assertEquals(16.0, Trending.score(s, LocalDate.parse("2024-03-22"), NOW, halfLife), 1e-9);
    }

    @Test
    void theHalfLifeIsAQuarterOfTheWindow() {
        assertEquals(Duration.ofHours(6), Trending.halfLife(1));
        assertEquals(Duration.ofHours(42), Trending.halfLife(7));
        assertEquals(Duration.ofHours(180), Trending.halfLife(30));
        assertThrows(IllegalArgumentException.class, () -> Trending.halfLife(0));
    }

    private record Item(String name, Signals signals, String day) {}

    @Test
    void aWeekOfFixedPapersRanksInExactlyThisOrder() {
        List<Item> items = List.of(
                new Item("fresh-modest", new Signals(0, 20, 1, 0), "2024-03-20"),      // 22 points, age 12 h
                new Item("old-famous", new Signals(0, 150, 10, 15000), "2024-03-14"),  // ~183.9 points, age 156 h
                new Item("yesterday-local", new Signals(12, 8, 0, 0), "2024-03-19"),   // 20 points, age 36 h
                new Item("fresh-stars", new Signals(0, 5, 0, 4095), "2024-03-20"),     // 17 points, age 12 h
                new Item("mid-week", new Signals(0, 60, 3, 100), "2024-03-17"),        // ~72.7 points, age 84 h
                new Item("nothing", Signals.NONE, "2024-03-20"));
        Duration halfLife = Trending.halfLife(7);
        List<String> order = items.stream()
                .sorted(Comparator.comparingDouble((Item i) -> Trending.score(i.signals(), LocalDate.parse(i.day()), NOW,
                        halfLife)).reversed())
                .map(Item::name).toList();
        assertEquals(List.of("mid-week", "fresh-modest", "old-famous", "fresh-stars", "yesterday-local", "nothing"), order);
        assertEquals(18.05, Trending.score(items.get(0).signals(), LocalDate.parse("2024-03-20"), NOW, halfLife), 0.01);
    }

    @Test
    void negativeSignalsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Signals(-1, 0, 0, 0));
    }
}
