package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperMergeTest {

    private static Paper paper(int version, String title, String doi, Links links, List<HubEntry> hub) {
        return Paper.builder("2403.12345")
                .version(version)
                .title(title)
                .authors(List.of(new Author("Ada Lovelace")))
                .abstractText("Abstract v" + version)
                .categories(List.of("cs.LG"))
                .published(Instant.parse("2024-03-18T00:00:00Z"))
                .updated(Instant.parse("2024-03-2" + version + "T00:00:00Z"))
                .doi(doi)
                .links(links)
                .source("test")
                .hubEntries(hub)
                .build();
    }

    @Test
    void newerVersionWinsFieldByField() {
        Paper v1 = paper(1, "Old title", "10.1/x", Links.NONE, List.of());
        Paper v2 = paper(2, "New title", null, Links.NONE, List.of());
        Paper merged = v2.mergedWith(v1);
        assertEquals(2, merged.version());
        assertEquals("New title", merged.title());
        assertEquals("10.1/x", merged.doi(), "the older record fills a gap");
    }

    @Test
    void olderVersionNeverOverwritesNewer() {
        Paper v2 = paper(2, "New title", null, Links.NONE, List.of());
        Paper v1 = paper(1, "Old title", null, Links.NONE, List.of());
        Paper merged = v1.mergedWith(v2);
        assertEquals(v2, merged);
    }

    @Test
    void identicalRecordMergesToItself() {
        Paper v1 = paper(1, "Title", null, Links.NONE, List.of());
        assertEquals(v1, v1.mergedWith(v1));
    }

    @Test
    void unversionedRecordOnlyAddsLinksAndHubEntries() {
        Paper stored = paper(3, "Arxiv title", null, Links.arxiv(ArxivId.parse("2403.12345v3").orElseThrow()), List.of());
        HubEntry day = new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-20"), "alice", 42, 3, 100);
        Paper fromHub = paper(0, "Hub title", null, new Links(null, null, "https://github.com/x/y", null), List.of(day));
        Paper merged = fromHub.mergedWith(stored);
        assertEquals("Arxiv title", merged.title());
        assertEquals(3, merged.version());
        assertEquals("https://github.com/x/y", merged.links().code());
        assertEquals("https://arxiv.org/abs/2403.12345v3", merged.links().abs());
        assertEquals(List.of(day), merged.hubEntries());
    }

    @Test
    void aNewerCopyOfTheSameHubDayReplacesTheOlderOne() {
        HubEntry morning = new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-20"), "alice", 5, 0, null);
        HubEntry evening = new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-20"), "alice", 42, 3, null);
        HubEntry nextDay = new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-21"), "bob", 1, 0, null);
        Paper stored = paper(0, "T", null, Links.NONE, List.of(morning, nextDay));
        Paper incoming = paper(0, "T", null, Links.NONE, List.of(evening));
        assertEquals(List.of(evening, nextDay), incoming.mergedWith(stored).hubEntries());
    }

    @Test
    void recordsBeyondLimitsAreReported() {
        Paper huge = Paper.builder("x")
                .title("t".repeat(100_000))
                .abstractText("")
                .source("test")
                .build();
        assertEquals(1, Limits.problems(huge).size());
        Paper many = Paper.builder("x")
                .title("ok")
                .authors(java.util.Collections.nCopies(10_000, new Author("a")))
                .abstractText("")
                .source("test")
                .build();
        assertEquals(List.of("too many authors: 10000 > 5000"), Limits.problems(many));
    }
}
