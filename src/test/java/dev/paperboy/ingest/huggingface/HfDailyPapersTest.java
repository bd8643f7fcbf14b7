package dev.paperboy.ingest.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.ingest.FormatException;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HfDailyPapersTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/json");
    final HfDailyPapers hf = new HfDailyPapers();

    CollectingSink read(byte[] content) throws Exception {
        CollectingSink sink = new CollectingSink();
        hf.read(new ByteArrayInputStream(content), sink);
        return sink;
    }

    @Test
    void dailyItemsMapToPapersWithTheirHubEntry() throws Exception {
        CollectingSink sink = read(Files.readAllBytes(FIXTURES.resolve("hf-daily-small.json")));
        Paper p = sink.paper("2606.11111");
        assertEquals("Quiet Gradients: Stable Training Without Warmup", p.title());
        assertEquals(List.of(new Author("Ada Quinn"), new Author("Bo Ren")), p.authors());
        assertEquals("Warmup hides an instability. We remove it.\n\nSecond paragraph of the abstract.", p.abstractText());
        assertEquals(Instant.parse("2026-06-10T00:00:00Z"), p.published());
        assertEquals(0, p.version());
        assertEquals("https://github.com/example/quiet-gradients", p.links().code());
        assertEquals("https://example.org/quiet", p.links().project());
        assertEquals("https://arxiv.org/abs/2606.11111", p.links().abs());
        assertEquals(List.of("warmup", "optimizer stability"), p.keywords());
        assertEquals("hf", p.source());
        assertEquals(List.of(new HubEntry("hf", LocalDate.of(2026, 6, 12), "adaq", 42, 5, 310)), p.hubEntries());
    }

    @Test
    void optionalFieldsMayBeMissing() throws Exception {
        CollectingSink sink = read(Files.readAllBytes(FIXTURES.resolve("hf-daily-small.json")));
        Paper p = sink.paper("2606.22222");
        assertNull(p.links().code());
        assertNull(p.links().project());
        assertEquals(List.of(), p.keywords());
        assertEquals(List.of(new HubEntry("hf", LocalDate.of(2026, 6, 12), null, 0, 0, null)), p.hubEntries());
        // The submitter falls back to the user's name when there is no user handle.
        assertEquals("dee", sink.paper("2606.44444").hubEntries().getFirst().submitter());
    }

    @Test
    void anElementWithWrongTypesIsRejectedAndItsNeighboursKept() throws Exception {
        CollectingSink sink = read(Files.readAllBytes(FIXTURES.resolve("hf-daily-small.json")));
        assertEquals(List.of("2606.11111", "2606.22222", "2606.44444"), sink.ids());
        assertEquals(List.of("element 3 (2606.33333): upvotes is not an integer but a string"), sink.rejects);
    }

    @Test
    void elementsThatAreNotObjectsOrLackAPaperAreRejected() throws Exception {
        CollectingSink sink = read("[1, {\"title\":\"x\"}, {\"paper\":{\"id\":\"nope\",\"title\":\"T\"}}]"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), sink.papers);
        assertEquals(List.of("element 1: not a JSON object", "element 2: missing paper",
                "element 3 (nope): id is not an arXiv id: nope"), sink.rejects);
    }

    @Test
    void aTruncatedArrayKeepsEarlierPapersAndFailsTheFile() throws Exception {
        String json = "[{\"paper\":{\"id\":\"2606.00001\",\"title\":\"First Paper\"}},{\"paper\":{\"id\":\"2606.0";
        CollectingSink sink = new CollectingSink();
        FormatException e = assertThrows(FormatException.class,
                () -> hf.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sink));
        assertTrue(e.getMessage().startsWith("hf-daily: unable to parse JSON at line 1"), e.getMessage());
        assertEquals(List.of("2606.00001"), sink.ids());
    }

    @Test
    void aSinglePaperObjectIsReadAsOnePaper() throws Exception {
        CollectingSink sink = read(Files.readAllBytes(FIXTURES.resolve("hf-paper-single.json")));
        assertEquals(List.of(), sink.rejects);
        Paper p = sink.papers.getFirst();
        assertEquals("2606.55555", p.id());
        assertEquals("Quiet Gradients: Stable Training Without Warmup", p.title());
        // Outside a daily list there is no comment count.
        assertEquals(List.of(new HubEntry("hf", LocalDate.of(2026, 6, 12), "adaq", 42, 0, 310)), p.hubEntries());
        CollectingSink bad = read("{\"id\":\"2606.1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("paper (2606.1): id is not an arXiv id: 2606.1"), bad.rejects);
    }

    @Test
    void sniffRecognisesDailyArraysAndPaperObjectsOnly() throws Exception {
        assertTrue(hf.sniff(Files.readString(FIXTURES.resolve("hf-daily-small.json")), "a.json"));
        assertTrue(hf.sniff(Files.readString(FIXTURES.resolve("hf-paper-single.json")), "a.json"));
        assertTrue(hf.sniff(" [ ] ", "empty-day.json"));
        assertFalse(hf.sniff("[{\"a\":1}]", "a.json"));
        assertFalse(hf.sniff("[1,2,3]", "a.json"));
        assertFalse(hf.sniff("{\"_id\":\"1\",\"text\":\"t\"}", "a.json"));
        assertFalse(hf.sniff("<feed/>", "a.json"));
    }
}
