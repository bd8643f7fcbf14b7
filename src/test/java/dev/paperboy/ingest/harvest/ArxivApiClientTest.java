package dev.paperboy.ingest.harvest;

import static dev.paperboy.ingest.harvest.HarvestBed.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.http.ReplayServer.Hit;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArxivApiClientTest {
    @TempDir
    Path dir;

    private HarvestBed bed;

    @BeforeEach
    void open() throws Exception {
        bed = new HarvestBed(dir, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aSearchPagesInSlicesUntilTotalResultsAndStoresEveryEntry() throws Exception {
        bed.server.enqueue(
                Reply.xml(FeedPages.atomPage(5, 0, FeedPages.ids(1, 2))),
                Reply.xml(FeedPages.atomPage(5, 2, FeedPages.ids(3, 4))),
                Reply.xml(FeedPages.atomPage(5, 4, FeedPages.ids(5, 5))));
        ArxivApiClient.SearchResult r = bed.api(2).search("cat:cs.CL AND ti:retrieval", 100, s -> {});

        assertEquals(new ArxivApiClient.SearchResult(5, 3, 5, 0), r);
        List<Hit> hits = bed.server.hits();
        assertEquals(List.of("0", "2", "4"), hits.stream().map(h -> h.param("start")).toList());
        assertEquals(List.of("2", "2", "2"), hits.stream().map(h -> h.param("max_results")).toList());
        assertEquals("cat:cs.CL AND ti:retrieval", hits.getFirst().param("search_query"));
        assertEquals(5, bed.papers.count());
        assertTrue(bed.server.smallestGapMillis() >= HarvestBed.INTERVAL_MS);
    }

    @Test
    void aSearchStopsAtTheRequestedMaximum() throws Exception {
        bed.server.enqueue(
                Reply.xml(FeedPages.atomPage(1000, 0, FeedPages.ids(1, 2))),
                Reply.xml(FeedPages.atomPage(1000, 2, FeedPages.ids(3, 3))));
        ArxivApiClient.SearchResult r = bed.api(2).search("all:test", 3, s -> {});
        assertEquals(1000, r.totalResults());
        assertEquals(3, r.stored());
        assertEquals("1", bed.server.hits().get(1).param("max_results"));
    }

    @Test
    void aRecordedHundredEntryPageIsStored() throws Exception {
        bed.server.enqueue(Reply.xml(fixture("arxiv-api-2026-q-testing-100-entries.xml")));
        ArxivApiClient.SearchResult r = bed.api(100).search("testing", 100, s -> {});
        assertEquals(214_881, r.totalResults());
        assertEquals(100, r.stored() + r.rejected());
        assertEquals(r.stored(), bed.papers.count());
    }

    @Test
    void anIdLookupStoresThePaperArxivReturns() throws Exception {
        bed.server.enqueue(Reply.xml(fixture("arxiv-api-2016-classic-id_list-1111.2011v2.xml")));
        Optional<Paper> p = bed.api(10).fetch(ArxivId.parse("1111.2011v2").orElseThrow());
        assertTrue(p.isPresent());
        assertEquals("1111.2011", p.get().id());
        assertEquals("1111.2011v2", bed.server.hits().getFirst().param("id_list"));
        assertEquals(Optional.of(p.get().id()), bed.papers.find("1111.2011").map(Paper::id));
    }

    @Test
    void anUnknownIdIsAbsentNotAnError() throws Exception {
        bed.server.enqueue(Reply.xml(fixture("arxiv-api-2025-empty-result.xml")));
        assertEquals(Optional.empty(), bed.api(10).fetch(ArxivId.parse("1201.5678").orElseThrow()));
        assertEquals(0, bed.papers.count());
    }

    @Test
    void anErrorFeedBecomesAClearErrorEvenWithHttp400() throws Exception {
        byte[] body = FeedPages.atomError("incorrect id format for 1234.1234v").getBytes(StandardCharsets.UTF_8);
        bed.server.enqueue(new Reply(400, Map.of("Content-Type", "application/atom+xml"), body, body.length, 0));
        HarvestException e = assertThrows(HarvestException.class,
                () -> bed.api(10).search("id:1234.1234v", 10, s -> {}));
        assertTrue(e.getMessage().startsWith("arxiv-api: arXiv rejected "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": incorrect id format for 1234.1234v"), e.getMessage());
        assertEquals(1, bed.server.hits().size(), "a rejected query is not retried");
    }

    @Test
    void pagesLargerThanArxivAllowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> bed.api(2_001));
    }
}
