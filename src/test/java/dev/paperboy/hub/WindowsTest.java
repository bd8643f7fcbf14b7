package dev.paperboy.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.MovableClock;
import dev.paperboy.db.Database;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of featured ranges over a real SQLite store: freshness after writes, and its bound in papers. */
class WindowsTest {

    @TempDir
    Path dir;

    private Database db;
    private PaperStore store;
    private final MovableClock clock = new MovableClock(Instant.parse("2024-03-25T08:00:00Z"));

    @BeforeEach
    void open() {
        db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
        store = new JdbiPaperStore(db);
        store.upsertAll(List.of(
                HubListsTest.paper("2403.00001", "2024-03-15T10:00:00Z", List.of("cs.LG"), HubListsTest.hf("2024-03-18", 1, 0, null)),
                HubListsTest.paper("2403.00002", "2024-03-15T10:00:00Z", List.of("cs.LG"), HubListsTest.hf("2024-03-19", 1, 0, null)),
                HubListsTest.paper("2403.00003", "2024-03-15T10:00:00Z", List.of("cs.LG"), HubListsTest.hf("2024-03-20", 1, 0, null))));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    /** Features another paper on {@code day}: a store write that changes the day's window. */
    private void feature(String id, String day) {
        store.upsertAll(List.of(HubListsTest.paper(id, "2024-03-16T10:00:00Z", List.of("cs.CL"),
                HubListsTest.hf(day, 2, 0, null))));
    }

    private int size(Windows w, String day) {
        return w.get(d(day), d(day)).entries().size();
    }

    @Test
    void aWindowIsReusedForMinAgeAfterAWriteThenRebuilt() {
        Windows w = new Windows(store, clock, Duration.ofSeconds(10), Duration.ofMinutes(5));
        assertEquals(1, size(w, "2024-03-18"));
        feature("2403.00010", "2024-03-18");
        assertEquals(1, size(w, "2024-03-18"), "within minAge the cached window stands");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(2, size(w, "2024-03-18"), "past minAge a changed store rebuilds it");
    }

    @Test
    void anUnchangedStoreKeepsAWindowUntilMaxAge() {
        Windows w = new Windows(store, clock, Duration.ZERO, Duration.ofMinutes(5));
        var first = w.get(d("2024-03-18"), d("2024-03-18"));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(first, w.get(d("2024-03-18"), d("2024-03-18")));
        clock.advance(Duration.ofMinutes(2));
        var again = w.get(d("2024-03-18"), d("2024-03-18"));
        assertEquals(first, again, "rebuilt with the same contents");
        assertEquals(false, first == again, "past maxAge it is read again");
    }

    @Test
    void theCacheHoldsAtMostMaxPapersEvictingTheLeastRecentlyUsedRange() {
        // Room for two one-paper days: reading a third evicts the least recently used one.
        Windows w = new Windows(store, clock, Duration.ofHours(1), Duration.ofHours(2), 2);
        var d18 = w.get(d("2024-03-18"), d("2024-03-18"));
        var d19 = w.get(d("2024-03-19"), d("2024-03-19"));
        w.get(d("2024-03-18"), d("2024-03-18")); // now 19 is the least recently used
        w.get(d("2024-03-20"), d("2024-03-20"));
        assertEquals(true, d18 == w.get(d("2024-03-18"), d("2024-03-18")), "a recently used range stays");
        assertEquals(false, d19 == w.get(d("2024-03-19"), d("2024-03-19")), "the eldest was evicted and read again");
    }

}
