package dev.paperboy.ingest.harvest;

import static dev.paperboy.ingest.harvest.HarvestBed.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.arxiv.OaiPmhParser;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.ingest.http.ReplayServer.Hit;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.paper.Paper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OaiHarvesterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
    static final String PAGE_1 = "oai-cs-page1.xml";
    static final String PAGE_2 = "oai-cs-page2.xml";
    static final String TOKEN = "6960524|1001";

    @TempDir
    Path dir;

    private HarvestBed bed;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        bed = new HarvestBed(dir, CLOCK);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aLastPageIsStoredAndTheRunCompletes() throws Exception {
        bed.server.enqueue(Reply.xml(fixture(PAGE_2)));
        HarvestResult r = bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        Set<String> expected = idsIn(fixture(PAGE_2));
        assertEquals(Set.of("2611.04391", "2611.04455"), expected);
        assertEquals(expected, storedIds());
        assertEquals(expected.size(), r.stored());
        Hit first = bed.server.hits().getFirst();
        assertEquals("ListRecords", first.param("verb"));
        assertEquals("arXiv", first.param("metadataPrefix"));
        assertEquals("cs", first.param("set"));
        assertEquals("2026-11-20", first.param("from"), "the first run looks back 7 days");
        assertNull(first.param("until"));

        HarvestState s = bed.states.get("arxiv-oai:cs");
        assertEquals(Instant.parse("2026-11-27T03:00:09Z"), s.completedResponse());
        assertEquals(Optional.empty(), s.token());
        assertEquals(CLOCK.instant(), s.lastSuccessAt());
    }

    @Test
    void theTokenChainIsFollowedToTheEndWithPoliteGaps() throws Exception {
        serveChain();
        HarvestResult r = bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        List<Hit> hits = bed.server.hits();
        assertEquals(2, hits.size());
        assertEquals(TOKEN, hits.get(1).param("resumptionToken"));
        // With a token, the verb and the token are the request's only arguments.
        assertEquals(Set.of("verb", "resumptionToken"),
                dev.paperboy.ingest.http.ReplayServer.params(java.net.URI.create(hits.get(1).pathAndQuery())).keySet());
        assertEquals(2, r.pages());

        Set<String> expected = new TreeSet<>(idsIn(fixture(PAGE_1)));
        expected.addAll(idsIn(fixture(PAGE_2)));
        assertEquals(5, expected.size());
        assertEquals(expected, storedIds());
        assertEquals(HarvestBed.INTERVAL_MS, bed.server.smallestGapMillis(), "the fetcher waited the interval");
        // The run's first responseDate is where the next run starts.
        assertEquals(Instant.parse("2026-11-27T03:00:04Z"), bed.states.get("arxiv-oai:cs").completedResponse());
        assertTrue(progress.stream().anyMatch(l -> l.contains("oai:arXiv.org:2611.00013 is deleted")), progress.toString());
    }

    @Test
    void texInNamesAndTitlesIsStoredAsUnicodeAndMathIsKept() throws Exception {
        serveChain();
        bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        Paper graphs = bed.papers.find("2611.04102").orElseThrow();
        assertEquals(List.of("Måns Magnusson", "Béla Bollobás", "Péter Erdős"),
                graphs.authors().stream().map(a -> a.name()).toList());
        assertEquals(List.of("Université de Montréal"), graphs.authors().get(2).affiliations());
        assertEquals("Sparse Random Graphs with $\\alpha$-Stable Degree Sequences", graphs.title());
        Paper paths = bed.papers.find("2611.04391").orElseThrow();
        assertEquals("Faster Exact Shortest Paths on Road Networks & Transit Graphs", paths.title());
        assertEquals(List.of("Søren Jensen", "Paweł Kowalski"), paths.authors().stream().map(a -> a.name()).toList());
    }

    @Test
    void aCategoryThatIsNotArxivsIsDroppedWithANote() throws Exception {
        serveChain();
        bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        assertEquals(List.of("cs.CL", "cs.LG"), bed.papers.find("2611.04177").orElseThrow().categories());
        assertTrue(progress.stream().anyMatch(l -> l.contains("record 2 (2611.04177): categories that are not arXiv"
                + " categories dropped: \"cs.\"><img\", \"src=x\"")), progress.toString());
    }

    @Test
    void recordsBeyondTheLimitsAreRejectedWithTheirPlaceAndTheRestStored() throws Exception {
        String page = HarvestBed.text(PAGE_2)
                .replace("<title>Auditing Data Deletion in Federated Learning</title>", "<title> </title>")
                .replace("<forenames>Pawe{\\l}</forenames>", "<forenames>" + "P".repeat(600) + "</forenames>");
        bed.server.enqueue(Reply.xml(page));
        HarvestResult r = bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        assertEquals(0, r.stored());
        assertEquals(2, r.rejected());
        assertEquals(0, bed.papers.count());
        assertTrue(progress.contains("  rejected record 1 (2611.04391): author name longer than 500 characters"),
                progress.toString());
        assertTrue(progress.contains("  rejected record 3 (2611.04455): missing title"), progress.toString());
    }

    /** Page 1 without a token, page 2 for its token. */
    private void serveChain() {
        bed.server.otherwise(h -> switch (String.valueOf(h.param("resumptionToken"))) {
            case "null" -> Reply.xml(fixture(PAGE_1));
            case TOKEN -> Reply.xml(fixture(PAGE_2));
            default -> Reply.status(404, Map.of());
        });
    }

    @Test
    void aSecondRunAsksFromTheResponseDateOfTheFirst() throws Exception {
        bed.server.enqueue(Reply.xml(FeedPages.oaiPage("2026-11-25T02:10:00Z", null, FeedPages.ids(1, 3))),
                Reply.xml(FeedPages.oaiPage("2026-11-26T02:10:00Z", null, FeedPages.ids(4, 4))));
        bed.oai("a").harvest("cs", Optional.empty(), progress::add);
        bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        assertEquals("2026-11-25", bed.server.hits().get(1).param("from"));
        assertEquals(4, bed.papers.count());
        assertEquals(Instant.parse("2026-11-26T02:10:00Z"), bed.states.get("arxiv-oai:cs").completedResponse());
    }

    @Test
    void anExplicitFromWinsOverTheSavedState() throws Exception {
        bed.server.otherwise(h -> Reply.xml(FeedPages.oaiPage("2026-11-25T02:10:00Z", null, FeedPages.ids(1, 1))));
        bed.oai("a").harvest("cs", Optional.of(LocalDate.parse("2026-01-02")), progress::add);
        assertEquals("2026-01-02", bed.server.hits().getFirst().param("from"));
    }

    @Test
    void noRecordsMatchIsAnEmptyResultNotAnError() throws Exception {
        bed.server.enqueue(Reply.xml(fixture("oai-error-noRecordsMatch.xml")));
        HarvestResult r = bed.oai("a").harvest("cs", Optional.empty(), progress::add);
        assertTrue(r.ran());
        assertEquals(0, r.stored());
        HarvestState s = bed.states.get("arxiv-oai:cs");
        assertFalse(s.failing());
        assertTrue(s.completedResponse() != null);
    }

    @Test
    void aBadResumptionTokenRestartsTheRunFromItsFromDate() throws Exception {
        bed.states.save(HarvestState.empty("arxiv-oai:cs")
                .withPage("expired|1001", LocalDate.parse("2026-11-01"), Instant.parse("2026-11-26T01:00:00Z"), 5));
        bed.server.enqueue(Reply.xml(fixture("oai-error-badResumptionToken.xml")),
                Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:00Z", null, FeedPages.ids(1, 2))));
        bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        List<Hit> hits = bed.server.hits();
        assertEquals("expired|1001", hits.get(0).param("resumptionToken"));
        assertNull(hits.get(1).param("resumptionToken"));
        assertEquals("2026-11-01", hits.get(1).param("from"));
        assertEquals(2, bed.papers.count());
        assertEquals(Instant.parse("2026-11-27T02:00:00Z"), bed.states.get("arxiv-oai:cs").completedResponse());
    }

    @Test
    void otherOaiErrorsFailTheRunWithTheirCode() throws Exception {
        bed.server.enqueue(Reply.xml(FeedPages.oaiError("badArgument", "Illegal set")));
        HarvestException e = assertThrows(HarvestException.class,
                () -> bed.oai("a").harvest("nope", Optional.empty(), progress::add));
        assertTrue(e.getMessage().contains("error badArgument: Illegal set"), e.getMessage());
        assertTrue(bed.states.get("arxiv-oai:nope").failing());
    }

    @Test
    void serviceUnavailableWithRetryAfterIsHonouredMidHarvest() throws Exception {
        bed.server.enqueue(Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:00Z", "t1", FeedPages.ids(1, 2))),
                Reply.status(503, Map.of("Retry-After", "1")),
                Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:05Z", null, FeedPages.ids(3, 4))));
        bed.oai("a").harvest("cs", Optional.empty(), progress::add);
        List<Hit> hits = bed.server.hits();
        assertEquals(3, hits.size());
        // Simulated time: what the fetcher waited, exactly, however loaded the machine.
        long waited = (hits.get(2).arrivedNanos() - hits.get(1).finishedNanos()) / 1_000_000;
        assertTrue(waited >= 1000, "waited " + waited + " ms after Retry-After: 1");
        assertEquals("t1", hits.get(2).param("resumptionToken"));
        assertEquals(4, bed.papers.count());
    }

    @Test
    void aTruncatedPageIsRetriedThenReportedAndNothingStoredIsTouched() throws Exception {
        bed.server.enqueue(Reply.xml(FeedPages.oaiPage("2026-11-25T02:10:00Z", null, FeedPages.ids(1, 2))));
        bed.oai("a").harvest("cs", Optional.empty(), progress::add);
        List<Paper> before = bed.stored();

        byte[] page = FeedPages.oaiPage("2026-11-26T02:10:00Z", null, FeedPages.ids(3, 9)).getBytes();
        bed.server.otherwise(h -> Reply.truncated(page));
        HarvestException e = assertThrows(HarvestException.class,
                () -> bed.oai("a").harvest("cs", Optional.empty(), progress::add));
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(1 + 3, bed.server.hits().size());
        assertEquals(before, bed.stored());
        HarvestState s = bed.states.get("arxiv-oai:cs");
        assertTrue(s.failing());
        assertEquals(e.getMessage(), s.lastError());
        assertEquals(Instant.parse("2026-11-25T02:10:00Z"), s.completedResponse(), "the last completed run is kept");
    }

    @Test
    void aTimedOutPageIsRetriedThenReported() throws Exception {
        bed.server.otherwise(h -> Reply.xml(FeedPages.oaiPage("2026-11-26T02:10:00Z", null, FeedPages.ids(1, 1)))
                .stalled(1500));
        HarvestException e = assertThrows(HarvestException.class,
                () -> bed.oai("a").harvest("cs", Optional.empty(), progress::add));
        assertTrue(e.getMessage().contains("after 3 attempts: timeout"), e.getMessage());
        assertEquals(0, bed.papers.count());
    }

    @Test
    void recordsOutsideTheWantedCategoriesAreSkipped() throws Exception {
        try (HarvestBed picky = new HarvestBed(Files.createDirectories(dir.resolve("picky")), CLOCK,
                Set.of("stat.ML"))) {
            picky.server.enqueue(Reply.xml(fixture(PAGE_1)), Reply.xml(fixture(PAGE_2)));
            HarvestResult r = picky.oai("a").harvest("cs", Optional.empty(), progress::add);
            assertEquals(4, r.skipped());
            assertEquals(List.of("2611.04230"), picky.stored().stream().map(Paper::id).toList());
            assertTrue(picky.stored().stream().allMatch(p -> p.categories().contains("stat.ML")));
            assertEquals(r.stored(), picky.papers.count());
        }
    }

    @Test
    void aSecondHarvesterStartedWhileTheFirstRunsDoesNothing() throws Exception {
        // The first harvester's request is held at the server until the second one has tried: no timing involved.
        CountDownLatch firstAsked = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        bed.server.otherwise(h -> {
            firstAsked.countDown();
            try {
                secondDone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:00Z", null, FeedPages.ids(1, 3)));
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // A read timeout far longer than the test, so the held request is never retried.
            PoliteFetcher patient = new PoliteFetcher(bed.config.fetchSettings("test")
                    .withTimeouts(Duration.ofSeconds(20), Duration.ofMinutes(10)), bed.time, bed.time, new Random(1),
                    bed.states);
            Future<HarvestResult> first = pool.submit(() -> new OaiHarvester(patient, bed.papers, bed.states,
                    bed.states, CLOCK, "one", bed.config).harvest("cs", Optional.empty(), s -> {}));
            firstAsked.await();
            HarvestResult second;
            try (var otherFetcher = bed.secondFetcher()) {
                second = new OaiHarvester(otherFetcher, bed.papers, bed.states, bed.states, CLOCK, "two", bed.config)
                        .harvest("cs", Optional.empty(), s -> {});
            } finally {
                secondDone.countDown();
            }
            assertFalse(second.ran());
            assertTrue(first.get().ran());
            patient.close();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, bed.server.hits().size());
        assertEquals(3, bed.papers.count());
    }

    private Set<String> storedIds() {
        Set<String> out = new TreeSet<>();
        for (Paper p : bed.stored()) out.add(p.id());
        return out;
    }

    /** The ids the parser accepts from a page, read straight from the file. */
    static Set<String> idsIn(Path file) throws Exception {
        Set<String> out = new TreeSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            OaiPmhParser.parse(in, new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    out.add(paper.id());
                }

                @Override
                public void reject(String where, String reason) {}
            });
        }
        return out;
    }
}
