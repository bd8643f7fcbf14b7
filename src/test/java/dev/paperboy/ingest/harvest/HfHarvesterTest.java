package dev.paperboy.ingest.harvest;

import static dev.paperboy.ingest.harvest.HarvestBed.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.http.ReplayServer.Hit;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfHarvesterTest {
    static final String DAY = "hf-daily-2026-06-12.json";
    static final Clock JUNE_12 = Clock.fixed(Instant.parse("2026-06-12T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private HarvestBed bed;

    @BeforeEach
    void open() throws Exception {
        bed = new HarvestBed(dir, JUNE_12);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aDailyListIsStoredWithItsHubEntries() throws Exception {
        bed.server.otherwise(h -> "2026-06-12".equals(h.param("date")) ? Reply.json(fixture(DAY)) : Reply.json("[]"));
        HarvestResult r = bed.hf("a").harvest(Optional.of(LocalDate.parse("2026-06-12")), s -> {});

        assertEquals(3, r.stored());
        assertEquals(3, bed.papers.count());
        Paper patchwork = bed.papers.find("2606.07311").orElseThrow();
        assertEquals(new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2026-06-12"), "hkwon", 38, 3, 412),
                patchwork.hubEntries().getFirst());
        assertEquals("https://github.com/hkwon/patchwork-attention", patchwork.links().code());
        Hit hit = bed.server.hits().getFirst();
        assertTrue(hit.pathAndQuery().startsWith("/api/daily_papers?date=2026-06-12"), hit.pathAndQuery());
        for (Paper p : bed.stored()) {
            List<HubEntry> hf = p.hubEntries().stream().filter(e -> e.hub().equals(HubEntry.HUGGING_FACE)).toList();
            assertEquals(1, hf.size(), p.id());
            assertEquals(LocalDate.parse("2026-06-12"), hf.getFirst().listDate());
        }
    }

    @Test
    void theFirstRunLooksBackSevenDaysAndTheNextOneStartsFromYesterday() throws Exception {
        bed.server.otherwise(h -> Reply.json("[]"));
        bed.hf("a").harvest(Optional.empty(), s -> {});
        List<String> dates = bed.server.hits().stream().map(h -> h.param("date")).toList();
        assertEquals(8, dates.size());
        assertEquals("2026-06-05", dates.getFirst());
        assertEquals("2026-06-12", dates.getLast());

        bed.hf("a").harvest(Optional.empty(), s -> {});
        List<String> second = bed.server.hits().stream().skip(8).map(h -> h.param("date")).toList();
        assertEquals(List.of("2026-06-11", "2026-06-12"), second);
        assertEquals(HarvestBed.INTERVAL_MS, bed.server.smallestGapMillis());
    }

    @Test
    void anItemBeyondTheLimitsIsRejectedWithItsPlaceAndTheRestStored() throws Exception {
        String day = HarvestBed.text(DAY).replace("\"name\": \"Mei Tanaka\"", "\"name\": \"" + "M".repeat(600) + "\"");
        bed.server.otherwise(h -> Reply.json(day));
        List<String> progress = new ArrayList<>();
        HarvestResult r = bed.hf("a").harvest(Optional.of(LocalDate.parse("2026-06-12")), progress::add);

        assertEquals(2, r.stored());
        assertEquals(1, r.rejected());
        assertEquals(Optional.empty(), bed.papers.find("2606.04871"));
        assertTrue(progress.contains("  rejected element 3 (2606.04871): author name longer than 500 characters"),
                progress.toString());
    }

    @Test
    void aSinglePaperBeyondTheLimitsIsRefusedAndNotStored() throws Exception {
        bed.server.enqueue(Reply.json("""
                {"id":"2606.01234","title":"   ","summary":"Written for this test.",
                 "authors":[{"name":"Ada Tester"}],"publishedAt":"2026-06-10T00:00:00.000Z","upvotes":7}
                """));
        HarvestException e = assertThrows(HarvestException.class,
                () -> bed.hf("a").fetchPaper(ArxivId.parse("2606.01234").orElseThrow()));
        assertEquals("hf: paper 2606.01234 rejected: paper (2606.01234): missing title", e.getMessage());
        assertEquals(0, bed.papers.count());
    }

    @Test
    void aDayThatFailsIsResumedByTheNextRun() throws Exception {
        bed.server.enqueue(Reply.json("[]"));
        bed.server.otherwise(h -> Reply.status(500, Map.of()));
        assertThrows(HarvestException.class,
                () -> bed.hf("a").harvest(Optional.of(LocalDate.parse("2026-06-10")), s -> {}));
        HarvestState s = bed.states.get(HfHarvester.KEY);
        assertEquals(Optional.of("2026-06-11"), s.token());
        assertTrue(s.failing());

        bed.server.otherwise(h -> Reply.json("[]"));
        int before = bed.server.hits().size();
        bed.hf("a").harvest(Optional.empty(), x -> {});
        assertEquals("2026-06-11", bed.server.hits().get(before).param("date"));
    }

    @Test
    void aSinglePaperIsFetchedByIdAndAnUnknownOneIsAbsent() throws Exception {
        bed.server.enqueue(Reply.json("""
                {"id":"2606.01234","title":"A paper looked up on the hub","summary":"Written for this test.",
                 "authors":[{"name":"Ada Tester"}],"publishedAt":"2026-06-10T00:00:00.000Z","upvotes":7}
                """), Reply.status(404, Map.of()));
        Optional<Paper> p = bed.hf("a").fetchPaper(ArxivId.parse("2606.01234").orElseThrow());
        assertTrue(p.isPresent());
        assertEquals("/api/papers/2606.01234", bed.server.hits().getFirst().pathAndQuery());
        assertNotNull(bed.papers.find("2606.01234").orElse(null));
        assertEquals(Optional.empty(), bed.hf("a").fetchPaper(ArxivId.parse("2606.09999").orElseThrow()));
    }
}
