package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records of the same version from several sources merge to the same result in any order. */
class PaperMergeTiesTest {

    static Paper paper(String title, String source, Instant updated, String code, List<String> keywords) {
        return Paper.builder("2606.12730")
                .title(title)
                .authors(List.of(new Author("A")))
                .abstractText("Abstract")
                .updated(updated)
                .links(new Links(null, null, code, null))
                .source(source)
                .keywords(keywords)
                .build();
    }

    static Paper importAll(List<Paper> records, Paper stored) {
        for (Paper p : records) stored = p.mergedWith(stored);
        return stored;
    }

    @Test
    void aSecondPassOverTwoSourcesChangesNothing() {
        Paper hub = paper("Hub title", "hf", null, "https://github.com/x/y", List.of("kw"));
        Paper listing = paper("Listing title", "arxiv-listing", Instant.parse("2026-06-12T00:00:00Z"), null, List.of());
        for (List<Paper> order : List.of(List.of(hub, listing), List.of(listing, hub))) {
            Paper once = importAll(order, null);
            assertEquals(once, importAll(order, once), "order " + order.stream().map(Paper::source).toList());
            assertEquals("https://github.com/x/y", once.links().code());
            assertEquals(List.of("kw"), once.keywords());
        }
    }

    @Test
    void theLaterUpdatedCopyWinsWhateverTheOrder() {
        Paper early = paper("Early copy", "arxiv-listing", Instant.parse("2025-04-17T00:00:00Z"), null, List.of());
        Paper late = paper("Late copy", "arxiv-listing", Instant.parse("2025-05-02T00:00:00Z"), null, List.of());
        assertEquals("Late copy", late.mergedWith(early).title());
        assertEquals("Late copy", early.mergedWith(late).title());
    }

    @Test
    void anotherSourceOnlyFillsGapsButTheSameSourceCorrects() {
        Paper stored = paper("Stored", "hf", null, null, List.of());
        assertEquals("Stored", paper("Other", "arxiv-listing", null, "https://c", List.of()).mergedWith(stored).title());
        assertEquals("https://c",
                paper("Other", "arxiv-listing", null, "https://c", List.of()).mergedWith(stored).links().code());
        assertEquals("Corrected", paper("Corrected", "hf", null, null, List.of()).mergedWith(stored).title());
    }
}
