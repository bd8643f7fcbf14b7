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
        return Paper.builder(id)
                .version(1)
                .title(title)
                .authors(List.of(new Author("Ada Lovelace")))
                .abstractText("An abstract about " + title + ".")
                .categories(List.of("cs.LG"))
                .published(Instant.parse(published))
                .source("test")
                .build();
    }

    /** A paper with every field set, including the nested ones. */
    public static Paper full() {
        return Paper.builder("2403.12345")
                .version(2)
                .title("Attention Is Most of What You Need")
                .authors(List.of(new Author("Grace Hopper", List.of("Yale", "Navy")), new Author("Alan Turing")))
                .abstractText("We study <b>attention</b> & friends.\nSecond line.")
                .categories(List.of("cs.CL", "cs.LG"))
                .published(Instant.parse("2024-03-18T17:59:59Z"))
                .updated(Instant.parse("2024-04-02T08:00:00Z"))
                .doi("10.1000/xyz123")
                .journalRef("J. Imag. Res. 1 (2024) 1-10")
                .comments("12 pages, 3 figures")
                .license("http://creativecommons.org/licenses/by/4.0/")
                .links(new Links("https://arxiv.org/abs/2403.12345v2", "https://arxiv.org/pdf/2403.12345v2", "https://github.com/example/attn", null))
                .source("arxiv-api")
                .keywords(List.of("attention", "transformers"))
                .versions(List.of(new PaperVersion(1, Instant.parse("2024-03-18T17:59:59Z")), new PaperVersion(2, Instant.parse("2024-04-02T08:00:00Z"))))
                .hubEntries(List.of(new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-19"), "someone", 42, 3, 1200)))
                .build();
    }
}
