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
import java.util.ArrayList;
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
        bed = new HarvestBed(dir, Clock.fixed(java.time.Instant.parse("2026-11-27T03:00:00Z"), java.time.ZoneOffset.UTC));
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
        assertEquals(HarvestBed.INTERVAL_MS, bed.server.smallestGapMillis());
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
    void aResultPageIsStoredWithUnicodeNamesAndOnlyArxivCategories() throws Exception {
        bed.server.enqueue(Reply.xml(fixture("api-search-page.xml")));
        List<String> progress = new ArrayList<>();
        ArxivApiClient.SearchResult r = bed.api(100).search("cat:cs.CL AND ti:retrieval", 100, progress::add);
        assertEquals(new ArxivApiClient.SearchResult(3, 1, 3, 0), r);

        Paper codeSwitched = bed.papers.find("2611.05012").orElseThrow();
        assertEquals(2, codeSwitched.version());
        assertEquals(List.of("José García", "Anh Tràn"), codeSwitched.authors().stream().map(a -> a.name()).toList());
        assertEquals(List.of("cs.CL", "cs.IR"), codeSwitched.categories());
        Paper small = bed.papers.find("2611.05120").orElseThrow();
        assertEquals(List.of("Ingrid Strøm"), small.authors().stream().map(a -> a.name()).toList());
        // The ACM class I.2.7 is no arXiv category and not worth a note either.
        assertEquals(List.of("cs.CL"), small.categories());
        assertTrue(progress.stream().noneMatch(l -> l.contains("dropped")), progress.toString());
    }

    @Test
    void anEntryBeyondTheLimitsIsRejectedWithItsPlaceAndTheRestStored() throws Exception {
        String page = HarvestBed.text("api-search-page.xml")
                .replace("<title>When Does Retrieval Help Small Language Models?</title>", "<title></title>");
        bed.server.enqueue(Reply.xml(page));
        List<String> progress = new ArrayList<>();
        ArxivApiClient.SearchResult r = bed.api(100).search("cat:cs.CL", 100, progress::add);
        assertEquals(2, r.stored());
        assertEquals(1, r.rejected());
        assertEquals(Optional.empty(), bed.papers.find("2611.05120"));
        assertTrue(progress.contains("  rejected entry 2 (2611.05120): missing title"), progress.toString());
    }

    @Test
    void anIdLookupStoresThePaperArxivReturns() throws Exception {
        bed.server.enqueue(Reply.xml(FeedPages.atomPage(1, 0, List.of("2611.00042"))));
        Optional<Paper> p = bed.api(10).fetch(ArxivId.parse("2611.00042v1").orElseThrow());
        assertTrue(p.isPresent());
        assertEquals("2611.00042", p.get().id());
        assertEquals("2611.00042v1", bed.server.hits().getFirst().param("id_list"));
        assertEquals(Optional.of(p.get().id()), bed.papers.find("2611.00042").map(Paper::id));
    }

    @Test
    void anUnknownIdIsAbsentNotAnError() throws Exception {
        bed.server.enqueue(Reply.xml(FeedPages.atomPage(0, 0, List.of())));
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
