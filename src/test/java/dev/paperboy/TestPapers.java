package dev.paperboy;

import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Papers for tests, built in code so every field is known. */
public final class TestPapers {
    private TestPapers() {}

    /** A minimal paper published at the given instant. */
    public static Paper simple(String id, String title, String published) {
        return new Paper(id, 1, title, List.of(new Author("Ada Lovelace")), "An abstract about " + title + ".",
                List.of("cs.LG"), Instant.parse(published), null, null, null, null, null, null, "test", null, null,
                null);
    }

    /** A paper with every field set, including the nested ones. */
    public static Paper full() {
        return new Paper(
                "2403.12345",
                2,
                "Attention Is Most of What You Need",
                List.of(new Author("Grace Hopper", List.of("Yale", "Navy")), new Author("Alan Turing")),
                "We study <b>attention</b> & friends.\nSecond line.",
                List.of("cs.CL", "cs.LG"),
                Instant.parse("2024-03-18T17:59:59Z"),
                Instant.parse("2024-04-02T08:00:00Z"),
                "10.1000/xyz123",
                "J. Imag. Res. 1 (2024) 1-10",
                "12 pages, 3 figures",
                "http://creativecommons.org/licenses/by/4.0/",
                new Links("https://arxiv.org/abs/2403.12345v2", "https://arxiv.org/pdf/2403.12345v2",
                        "https://github.com/example/attn", null),
                "arxiv-api",
                List.of("attention", "transformers"),
                List.of(new PaperVersion(1, Instant.parse("2024-03-18T17:59:59Z")),
                        new PaperVersion(2, Instant.parse("2024-04-02T08:00:00Z"))),
                List.of(new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-19"), "someone", 42, 3, 1200)));
    }
}
