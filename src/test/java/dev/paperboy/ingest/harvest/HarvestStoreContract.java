package dev.paperboy.ingest.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The behaviour every backend of {@link JdbiHarvestStore} must show. */
abstract class HarvestStoreContract {
    static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    abstract JdbiHarvestStore store();

    @Test
    void anUnknownSourceHasNoState() {
        assertEquals(Optional.empty(), store().find("arxiv-oai:none"));
        assertEquals(HarvestState.empty("x"), store().get("x"));
    }

    @Test
    void stateRoundTripsEveryField() {
        HarvestState s = new HarvestState("arxiv-oai:cs", T0, "726959|1001", LocalDate.parse("2026-11-20"),
                T0.plusSeconds(60), 1000, T0.minusSeconds(5), 42, T0.plusSeconds(7), "fetch: boom", T0.plusSeconds(3600));
        store().save(s);
        assertEquals(Optional.of(s), store().find("arxiv-oai:cs"));

        HarvestState done = s.completed(T0.plusSeconds(60), T0.plusSeconds(90), 1200);
        store().save(done);
        HarvestState back = store().get("arxiv-oai:cs");
        assertEquals(done, back);
        assertEquals(Optional.empty(), back.token());
        assertEquals(List.of(back), store().all());
    }

    @Test
    void aFreeLeaseIsTakenAndAHeldOneIsNot() {
        assertTrue(store().tryAcquire("harvest:hf", "a", Duration.ofMinutes(5), T0));
        assertFalse(store().tryAcquire("harvest:hf", "b", Duration.ofMinutes(5), T0.plusSeconds(10)));
        assertTrue(store().tryAcquire("harvest:hf", "a", Duration.ofMinutes(5), T0.plusSeconds(10)),
                "the holder may take its own lease again");
    }

    @Test
    void anExpiredLeaseGoesToTheNextAskerAndTheOldHolderCannotRenewIt() {
        assertTrue(store().tryAcquire("harvest:oai", "a", Duration.ofMinutes(1), T0));
        assertTrue(store().renew("harvest:oai", "a", Duration.ofMinutes(1), T0.plusSeconds(30)));
        assertFalse(store().tryAcquire("harvest:oai", "b", Duration.ofMinutes(1), T0.plusSeconds(60)));
        assertTrue(store().tryAcquire("harvest:oai", "b", Duration.ofMinutes(1), T0.plusSeconds(91)));
        assertFalse(store().renew("harvest:oai", "a", Duration.ofMinutes(1), T0.plusSeconds(92)));
    }

    @Test
    void aReleasedLeaseIsFreeButOnlyItsHolderCanReleaseIt() {
        assertTrue(store().tryAcquire("harvest:api", "a", Duration.ofMinutes(5), T0));
        store().release("harvest:api", "b");
        assertFalse(store().tryAcquire("harvest:api", "b", Duration.ofMinutes(5), T0));
        store().release("harvest:api", "a");
        assertTrue(store().tryAcquire("harvest:api", "b", Duration.ofMinutes(5), T0));
    }

    @Test
    void racingHoldersGetTheLeaseExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String holder = "h" + i;
                racers.add(() -> store().tryAcquire("harvest:race", holder, Duration.ofMinutes(5), T0));
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) if (f.get()) winners++;
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLastRequestTimeOfAHostOnlyMovesForward() {
        assertEquals(Optional.empty(), store().lastRequestEnd("export.arxiv.org"));
        store().recordRequestEnd("export.arxiv.org", T0.plusSeconds(10));
        store().recordRequestEnd("export.arxiv.org", T0.plusSeconds(5));
        assertEquals(Optional.of(T0.plusSeconds(10)), store().lastRequestEnd("export.arxiv.org"));
        store().recordRequestEnd("export.arxiv.org", T0.plusSeconds(20));
        assertEquals(Optional.of(T0.plusSeconds(20)), store().lastRequestEnd("export.arxiv.org"));
    }
}
