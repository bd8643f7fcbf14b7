package dev.paperboy.ingest.harvest;

import static dev.paperboy.ingest.harvest.HarvestBed.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.arxiv.OaiPmhParser;
import dev.paperboy.ingest.http.ReplayServer.Hit;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.paper.Paper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
    static final String CS_46 = "arxiv-oai-arXiv-listrecords-2016-set-cs-46-records.xml";
    static final String RAW_2015 = "arxiv-oai-arXivRaw-listrecords-2015-with-resumptiontoken.xml";
    static final String RAW_2016 = "arxiv-oai-arXivRaw-listrecords-2016-387-records-with-resumptiontoken.xml";

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
    void aRecordedPageIsStoredAndTheRunCompletes() throws Exception {
        bed.server.enqueue(Reply.xml(fixture(CS_46)));
        HarvestResult r = bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        Set<String> expected = idsIn(fixture(CS_46));
        assertEquals(expected, storedIds());
        assertEquals(expected.size(), r.stored());
        Hit first = bed.server.hits().getFirst();
        assertEquals("ListRecords", first.param("verb"));
        assertEquals("arXiv", first.param("metadataPrefix"));
        assertEquals("cs", first.param("set"));
        assertEquals("2026-11-20", first.param("from"), "the first run looks back 7 days");
        assertNull(first.param("until"));

        HarvestState s = bed.states.get("arxiv-oai:cs");
        assertEquals(Instant.parse("2016-01-18T15:33:12Z"), s.completedResponse());
        assertEquals(Optional.empty(), s.token());
        assertEquals(CLOCK.instant(), s.lastSuccessAt());
    }

    @Test
    void theRecordedTokenChainIsFollowedToTheEndWithPoliteGaps() throws Exception {
        bed.server.otherwise(h -> switch (String.valueOf(h.param("resumptionToken"))) {
            case "null" -> Reply.xml(fixture(RAW_2015));
            case "726959|1001" -> Reply.xml(fixture(RAW_2016));
            case "1403493|1001" -> Reply.xml(fixture(CS_46));
            default -> Reply.status(404, Map.of());
        });
        HarvestResult r = bed.oai("a").harvest("cs", Optional.empty(), progress::add);

        List<Hit> hits = bed.server.hits();
        assertEquals(3, hits.size());
        assertEquals("726959|1001", hits.get(1).param("resumptionToken"));
        assertEquals("1403493|1001", hits.get(2).param("resumptionToken"));
        // With a token, the verb and the token are the request's only arguments.
        assertEquals(Set.of("verb", "resumptionToken"),
                dev.paperboy.ingest.http.ReplayServer.params(java.net.URI.create(hits.get(2).pathAndQuery())).keySet());
        assertEquals(3, r.pages());

        Set<String> expected = new TreeSet<>(idsIn(fixture(RAW_2015)));
        expected.addAll(idsIn(fixture(RAW_2016)));
        expected.addAll(idsIn(fixture(CS_46)));
        assertEquals(expected, storedIds());
        assertTrue(bed.server.smallestGapMillis() >= HarvestBed.INTERVAL_MS,
                "smallest gap " + bed.server.smallestGapMillis() + " ms");
        // The run's first responseDate is where the next run starts.
        assertEquals(Instant.parse("2015-01-06T20:49:59Z"), bed.states.get("arxiv-oai:cs").completedResponse());
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
        bed.server.enqueue(Reply.xml(fixture("arxiv-oai-error-noRecordsMatch-2015.xml")));
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
        bed.server.enqueue(Reply.xml(fixture("arxiv-oai-error-badResumptionToken-2015.xml")),
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
            picky.server.enqueue(Reply.xml(fixture(CS_46)));
            HarvestResult r = picky.oai("a").harvest("cs", Optional.empty(), progress::add);
            assertTrue(r.skipped() > 0);
            assertTrue(picky.stored().stream().allMatch(p -> p.categories().contains("stat.ML")));
            assertEquals(r.stored(), picky.papers.count());
        }
    }

    @Test
    void twoHarvestersStartedTogetherRunOnce() throws Exception {
        bed.server.otherwise(h -> Reply.xml(FeedPages.oaiPage("2026-11-27T02:00:00Z", null, FeedPages.ids(1, 3)))
                .stalled(300));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<HarvestResult>> two = List.of(
                    () -> {
                        go.await();
                        return bed.oai("one").harvest("cs", Optional.empty(), s -> {});
                    },
                    () -> {
                        go.await();
                        return new OaiHarvester(HarvestBed.fetcher(bed.config, bed.states), bed.papers, bed.states,
                                bed.states, CLOCK, "two", bed.config).harvest("cs", Optional.empty(), s -> {});
                    });
            List<Future<HarvestResult>> futures = two.stream().map(pool::submit).toList();
            go.countDown();
            int ran = 0;
            for (Future<HarvestResult> f : futures) if (f.get().ran()) ran++;
            assertEquals(1, ran);
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
