package dev.paperboy.ingest.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.ReplayServer.Hit;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OaiHarvesterCrashTest {
    @TempDir
    Path dir;

    /** Three pages chained by tokens p2 and p3; the first request for p3 stalls while the latch is open. */
    private static void serveChain(ReplayServer server, CountDownLatch thirdPageAsked, AtomicBoolean stallThird) {
        server.otherwise(h -> switch (String.valueOf(h.param("resumptionToken"))) {
            case "null" -> Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:00Z", "p2", FeedPages.ids(1, 3)));
            case "p2" -> Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:01Z", "p3", FeedPages.ids(4, 6)));
            case "p3" -> {
                thirdPageAsked.countDown();
                Reply last = Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:02Z", null, FeedPages.ids(7, 9)));
                yield stallThird.getAndSet(false) ? last.stalled(20_000) : last;
            }
            default -> Reply.status(404, Map.of());
        });
    }

    @Test
    void killedMidHarvestThenRerunResumesFromTheSavedTokenWithNoGapsOrDuplicates() throws Exception {
        Path crashDir = Files.createDirectories(dir.resolve("crash"));
        Path cleanDir = Files.createDirectories(dir.resolve("clean"));
        CountDownLatch thirdPageAsked = new CountDownLatch(1);
        try (ReplayServer server = new ReplayServer()) {
            serveChain(server, thirdPageAsked, new AtomicBoolean(true));

            Process child = startChild(server, crashDir.resolve("paperboy.db"), dir.resolve("child.log"));
            try {
                assertTrue(thirdPageAsked.await(60, TimeUnit.SECONDS),
                        "the child never asked for page 3; its log: " + Files.readString(dir.resolve("child.log")));
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
                child.waitFor(30, TimeUnit.SECONDS);
            }

            try (HarvestBed bed = new HarvestBed(crashDir, Clock.systemUTC())) {
                HarvestState saved = bed.states.get("arxiv-oai:cs");
                assertEquals(Optional.of("p3"), saved.token(), "page 2's token was saved before the kill");
                assertEquals(6, bed.papers.count(), "pages 1 and 2 were stored before the kill");

                // The dead child's lease runs out after its 2 s time to live: the re-run's clock is past that
                // instead of the test waiting for it.
                Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3));
                int before = server.hits().size();
                HarvestResult r = new OaiHarvester(bed.secondFetcher(), bed.papers,
                        bed.states, bed.states, later, "rerun",
                        HarvestBed.config(server, java.util.Set.of())).harvest("cs", Optional.empty(), s -> {});
                assertTrue(r.ran());
                List<Hit> rerun = server.hits().subList(before, server.hits().size());
                // The stalled request of the killed child may be recorded late; the re-run's own one is last.
                Hit resumed = rerun.getLast();
                assertEquals("p3", resumed.param("resumptionToken"), "the re-run's first request used the saved token");
                assertEquals(1, r.pages());
                assertFalse(bed.states.get("arxiv-oai:cs").token().isPresent());

                try (HarvestBed clean = new HarvestBed(cleanDir, Clock.systemUTC())) {
                    serveChain(clean.server, new CountDownLatch(1), new AtomicBoolean(false));
                    clean.oai("clean").harvest("cs", Optional.empty(), s -> {});
                    assertEquals(9, clean.papers.count());
                    assertEquals(clean.stored(), bed.stored(), "the resumed store equals a clean harvest");
                }
            }
        }
    }

    private static Process startChild(ReplayServer server, Path db, Path log) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, OaiHarvestChild.class.getName(), db.toString(), "cs");
        pb.environment().put("PAPERBOY_ARXIV_OAI_URL", server.url("/oai"));
        pb.environment().put("PAPERBOY_HARVEST_INTERVAL_SECONDS", "0.2");
        pb.environment().put("PAPERBOY_CONTACT", "mailto:harvest-tests@example.org");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }
}
