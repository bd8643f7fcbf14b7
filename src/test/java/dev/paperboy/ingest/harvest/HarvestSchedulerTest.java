package dev.paperboy.ingest.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.harvest.HarvestScheduler.SourceStatus;
import dev.paperboy.jobs.JdbiJobStore;
import dev.paperboy.jobs.Jobs;
import dev.paperboy.jobs.Schedule;
import dev.paperboy.paper.Paper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvestSchedulerTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    @Test
    void theDailyOaiRunFollowsArxivsEveningInNewYorkAcrossDaylightSaving() {
        LocalTime at = LocalTime.of(22, 0);
        // Winter (EST, UTC-5): 22:00 in New York is 03:00 UTC the next day.
        assertEquals(Instant.parse("2026-11-28T03:00:00Z"),
                Schedule.nextDaily(Instant.parse("2026-11-27T03:00:00Z"), at, NEW_YORK));
        assertEquals(Instant.parse("2026-11-27T03:00:00Z"),
                Schedule.nextDaily(Instant.parse("2026-11-27T02:59:59Z"), at, NEW_YORK));
        // Summer (EDT, UTC-4): 02:00 UTC.
        assertEquals(Instant.parse("2026-07-01T02:00:00Z"),
                Schedule.nextDaily(Instant.parse("2026-07-01T01:00:00Z"), at, NEW_YORK));
    }

    @Test
    void aFailedRunIsLoggedAsStatusAndRetriedSoonerWhileASuccessfulOneWaitsItsTurn() throws Exception {
        try (HarvestBed bed = new HarvestBed(dir, Clock.systemUTC())) {
            HarvestConfig config = bed.config;
            AtomicInteger failures = new AtomicInteger();
            try (Jobs jobs = jobs(bed)) {
                HarvestScheduler s = new HarvestScheduler(bed.states, jobs);
                s.add("arxiv-oai:cs", daily(config), () -> {
                    HarvestState st = bed.states.get("arxiv-oai:cs");
                    bed.states.save(st.completed(Instant.now(), Instant.now(), 3));
                    return new HarvestResult("arxiv-oai:cs", true, 1, 3, 0, 0);
                });
                s.add("hf", Schedule.every(config.hfEvery()).retryingAfter(config.retryAfterFailure()), () -> {
                    failures.incrementAndGet();
                    bed.states.save(bed.states.get("hf").failed(Instant.now(), "hf: unable to fetch: no network"));
                    throw new HarvestException("hf: unable to fetch: no network");
                });
                Instant started = Instant.now();
                jobs.start(Duration.ZERO);
                waitFor(() -> failures.get() == 1 && s.status().stream().allMatch(x -> x.nextDueAt() != null
                        && x.nextDueAt().isAfter(started.plusSeconds(60))));

                Map<String, SourceStatus> byKey = new java.util.HashMap<>();
                for (SourceStatus x : s.status()) byKey.put(x.key(), x);
                SourceStatus oai = byKey.get("arxiv-oai:cs");
                SourceStatus hf = byKey.get("hf");
                assertFalse(oai.failing());
                assertEquals(3, oai.lastRecords());
                assertEquals(Schedule.nextDaily(oai.nextDueAt().minusSeconds(1), config.oaiAt(), config.oaiZone()),
                        oai.nextDueAt());
                assertTrue(hf.failing());
                assertEquals("hf: unable to fetch: no network", hf.lastError());
                Duration retryIn = Duration.between(started, hf.nextDueAt());
                assertTrue(retryIn.compareTo(config.retryAfterFailure().plusSeconds(5)) <= 0, "retry in " + retryIn);
                // The plan and the outcome survive a restart: they are in the store.
                var stored = new JdbiJobStore(bed.db).get("harvest:hf");
                assertEquals(Optional.of(hf.nextDueAt()), stored.nextDueAt());
                assertEquals(Optional.of("hf: unable to fetch: no network"), stored.lastError());
                assertEquals(Optional.of("arxiv-oai:cs: 1 page(s), 3 paper(s) stored, 0 rejected"),
                        new JdbiJobStore(bed.db).get("harvest:arxiv-oai:cs").lastSummary());
            }
        }
    }

    @Test
    void withoutNetworkTheRealHarvestersFailWithAReasonAndStoredPapersStayUntouched() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (HarvestBed bed = new HarvestBed(dir, Clock.systemUTC())) {
            bed.server.enqueue(dev.paperboy.ingest.http.ReplayServer.Reply.xml(
                    FeedPages.oaiPage("2026-11-25T02:10:00Z", null, FeedPages.ids(1, 2))));
            bed.oai("setup").harvest("cs", Optional.empty(), x -> {});
            List<Paper> before = bed.stored();

            String dead = "http://127.0.0.1:" + closedPort;
            HarvestConfig offline = bed.config.withUrls(dead + "/oai", dead + "/api/query", dead);
            var fetcher = HarvestBed.fetcher(offline, bed.states);
            OaiHarvester oai = new OaiHarvester(fetcher, bed.papers, bed.states, bed.states, Clock.systemUTC(), "s",
                    offline);
            HfHarvester hf = new HfHarvester(fetcher, bed.papers, bed.states, bed.states, Clock.systemUTC(), "s",
                    offline);
            try (Jobs jobs = jobs(bed)) {
                HarvestScheduler s = new HarvestScheduler(bed.states, jobs);
                s.add("arxiv-oai:cs", daily(offline), () -> oai.harvest("cs", Optional.empty(), x -> {}));
                s.add("hf", daily(offline), () -> hf.harvest(Optional.empty(), x -> {}));
                jobs.start(Duration.ZERO);
                waitFor(() -> s.status().stream().allMatch(SourceStatus::failing));
                for (SourceStatus x : s.status()) {
                    assertTrue(x.lastError().contains("Connect"), x.key() + ": " + x.lastError());
                    assertTrue(x.lastError().contains("after 3 attempts"), x.lastError());
                }
                SourceStatus oaiStatus = s.status().getFirst();
                assertEquals(Instant.parse("2026-11-25T02:10:00Z"), bed.states.get("arxiv-oai:cs").completedResponse());
                assertTrue(oaiStatus.lastSuccessAt() != null, "the earlier success is still shown");
            } finally {
                fetcher.close();
            }
            assertEquals(before, bed.stored());
        }
    }

    /** Jobs holding leases as "s", the harvesters' holder: as in serve, one holder per process. */
    private static Jobs jobs(HarvestBed bed) {
        JdbiJobStore store = new JdbiJobStore(bed.db);
        return new Jobs(store, store, Clock.systemUTC(), "s", Duration.ofMinutes(1));
    }

    private static Schedule daily(HarvestConfig config) {
        return Schedule.daily(config.oaiAt(), config.oaiZone()).retryingAfter(config.retryAfterFailure());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(20);
        }
    }
}
