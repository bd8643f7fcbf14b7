package dev.paperboy.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs over a real SQLite store: single-flight through leases, outcomes recorded. */
class JobsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private Database db;
    private JdbiJobStore store;
    private Jobs jobs;

    @BeforeEach
    void open() {
        db = Database.open(Database.sqliteUrl(dir.resolve("jobs.db")));
        store = new JdbiJobStore(db);
        jobs = new Jobs(store, store, Clock.fixed(NOW, ZoneOffset.UTC), "me", TTL);
    }

    @AfterEach
    void close() {
        jobs.close();
        db.close();
    }

    private static Job job(String name, Work work) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(Lease lease) throws Exception {
                return work.run(lease);
            }
        };
    }

    interface Work {
        String run(Lease lease) throws Exception;
    }

    @Test
    void aRunRecordsItsSummaryAndAFailureItsMessageUntilTheNextSuccess() throws Exception {
        assertEquals(Optional.of("did 3 things"), jobs.runOnce(job("reindex", lease -> "did 3 things")));
        JobStatus ok = store.get("reindex");
        assertEquals(Optional.of(NOW), ok.lastSuccessAt());
        assertEquals(Optional.of("did 3 things"), ok.lastSummary());
        assertFalse(ok.failing());

        var e = assertThrows(IllegalStateException.class,
                () -> jobs.runOnce(job("reindex", lease -> {
                    throw new IllegalStateException("index: disk full");
                })));
        assertEquals("index: disk full", e.getMessage());
        JobStatus failed = store.get("reindex");
        assertEquals(Optional.of("index: disk full"), failed.lastError());
        assertEquals(Optional.of(NOW), failed.lastFailureAt());
        assertEquals(Optional.of("did 3 things"), failed.lastSummary(), "the last success is still known");

        jobs.runOnce(job("reindex", lease -> "again"));
        assertFalse(store.get("reindex").failing());
    }

    @Test
    void aJobWhoseLeaseAnotherProcessHoldsDoesNotRun() throws Exception {
        assertTrue(store.tryAcquire("reindex", "other-process", TTL, NOW));
        AtomicInteger runs = new AtomicInteger();
        assertEquals(Optional.empty(), jobs.runOnce(job("reindex", lease -> "ran " + runs.incrementAndGet())));
        assertEquals(0, runs.get());
        assertEquals(Optional.empty(), store.get("reindex").lastSuccessAt(), "nothing recorded for a run that did not happen");
    }

    @Test
    void anExpiredLeaseOfADeadProcessIsTakenOverAndReleasedAfterTheRun() throws Exception {
        assertTrue(store.tryAcquire("reindex", "dead-process", Duration.ofMinutes(1), NOW.minusSeconds(120)));
        assertEquals(Optional.of("ok"), jobs.runOnce(job("reindex", lease -> "ok")));
        assertTrue(store.tryAcquire("reindex", "next-process", TTL, NOW), "released after the run");
    }

    @Test
    void aJobThatLostItsLeaseIsToldWhenItRenews() {
        var e = assertThrows(Lease.LeaseLost.class, () -> jobs.runOnce(job("reindex", lease -> {
            store.release("reindex", "me");
            assertTrue(store.tryAcquire("reindex", "other-process", TTL, NOW));
            lease.renew();
            return "unreachable";
        })));
        assertEquals("jobs: lost the lease of reindex to another process; stopping", e.getMessage());
    }

    @Test
    void oneProcessDoesNotRunTheSameJobTwiceAtOnce() throws Exception {
        Job inner = job("reindex", lease -> "inner");
        Optional<String> nested = jobs.runOnce(job("reindex", lease -> jobs.runOnce(inner).orElse("busy")));
        assertEquals(Optional.of("busy"), nested);
    }

    @Test
    void schedulesRunDailyOnTheLocalClockOrEveryPeriodAndRetryAFailureSooner() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Schedule daily = Schedule.daily(LocalTime.of(22, 0), newYork).retryingAfter(Duration.ofMinutes(30));
        Instant winter = Instant.parse("2026-11-27T03:00:00Z");
        assertEquals(Instant.parse("2026-11-28T03:00:00Z"), daily.next(winter, false));
        assertEquals(winter.plus(Duration.ofMinutes(30)), daily.next(winter, true));
        Schedule hourly = Schedule.every(Duration.ofMinutes(60)).retryingAfter(Duration.ofMinutes(90));
        assertEquals(winter.plus(Duration.ofMinutes(60)), hourly.next(winter, true), "the normal run comes sooner");
    }

    @Test
    void scheduledJobsRunAfterTheStartDelayAndRecordTheirNextRun() throws Exception {
        Jobs live = new Jobs(store, store, Clock.systemUTC(), "me", TTL);
        try (live) {
            AtomicInteger runs = new AtomicInteger();
            live.schedule(job("harvest:hf", lease -> "run " + runs.incrementAndGet()), Schedule.every(Duration.ofHours(1)));
            Instant started = Instant.now();
            live.start(Duration.ZERO);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (live.status().getFirst().nextDueAt().filter(d -> d.isAfter(started.plusSeconds(60))).isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            JobStatus s = live.status().getFirst();
            assertEquals(Optional.of("run 1"), s.lastSummary());
            assertTrue(s.nextDueAt().orElseThrow().isAfter(started.plus(Duration.ofMinutes(59))), s.toString());
        }
    }
}
