package dev.paperboy.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.lens.Lens;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperRevision;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The Markdown form of a paper renders, under CommonMark, as exactly the stored text and the links written. */
class PaperMarkdownTest {

    private static final Lens NO_LENS = new Lens(1, List.of(), List.of());

    private static String md(String title, String abstractText, List<PaperMarkdown.Link> links) {
        Paper p = Paper.builder("2403.00001").version(2).title(title).abstractText(abstractText)
                .authors(List.of(new Author("Ada *Lovelace*"), new Author("[Alan](javascript:alert(1)) Turing")))
                .published(Instant.parse("2024-03-18T00:00:00Z"))
                .versions(List.of(new PaperVersion(1, Instant.parse("2024-03-18T00:00:00Z")),
                        new PaperVersion(2, Instant.parse("2024-04-01T00:00:00Z"))))
                .build();
        return PaperMarkdown.of(p, List.of(new PaperRevision(2, 1, "Old", null, "Old abstract")), links, NO_LENS,
                "https://papers.example/papers/2403.00001");
    }

    @Test
    void markupInTitlesAndAbstractsRendersAsTheTextItself() {
        String title = "**Bold** _em_ `code` [link](https://evil.example) ![img](x.png) <b>tag</b> &amp; ~~gone~~ | a | #1 \\";
        String abstractText = "- not a list\n\n1. not ordered\n\n> not a quote\n\n# not a heading\n\n===\n\n+ plus\n\n"
                + "    not code\n\n2024) a year\n\n<div onclick=\"x\">html block</div>";
        Document d = MarkdownCheck.assertInert(md(title, abstractText, List.of()), title);
        List<String> paragraphs = d.select("h2:contains(Abstract) ~ p").eachText();
        assertEquals(List.of("- not a list", "1. not ordered", "> not a quote", "# not a heading", "===", "+ plus",
                "not code", "2024) a year", "<div onclick=\"x\">html block</div>"), paragraphs);
        assertEquals("Ada *Lovelace*, [Alan](javascript:alert(1)) Turing",
                d.select("li:has(strong:contains(Authors))").text().replace("Authors: ", ""));
    }

    @Test
    void theOnlyLinksAreTheOnesGivenAndThePageItself() {
        String md = md("A title", "Mentions <javascript:alert(1)> and [x](javascript:alert(2)).",
                List.of(new PaperMarkdown.Link("PDF on arXiv", "https://arxiv.org/pdf/2403.00001"),
                        new PaperMarkdown.Link("Code", "https://github.com/a/b> [x](javascript:alert(3))")));
        Document d = MarkdownCheck.assertInert(md, "A title");
        assertEquals(List.of("https://arxiv.org/pdf/2403.00001", "https://github.com/a/b%3E%20[x](javascript:alert(3))",
                "https://papers.example/papers/2403.00001"), d.select("a").eachAttr("href"));
    }

    /** Real titles and abstracts (TeX, math, URLs, odd punctuation) render as their own text and nothing more. */
    @Test
    void everyPaperOfTheKaggleSampleRendersAsItsOwnText() throws Exception {
        List<Paper> papers = BibTexTest.read(new dev.paperboy.ingest.files.KaggleSnapshot(),
                "arxiv-sample/kaggle-arxiv-metadata-snapshot-first-200.jsonl", false);
        assertEquals(200, papers.size());
        for (Paper p : papers) {
            String md = PaperMarkdown.of(p, List.of(), List.of(), NO_LENS, "https://papers.example/papers/" + p.id());
            Document d = MarkdownCheck.assertInert(md, TexText.squeeze(p.title()));
            String rendered = String.join(" ", d.select("h2:contains(Abstract) ~ p").eachText());
            assertEquals(TexText.squeeze(p.abstractText()), rendered, p.id());
        }
    }

    @Test
    void versionsSayWhatChanged() {
        String md = md("A title", "Text.", List.of());
        assertEquals(true, md.contains("- **Versions:** v1 (2024-03-18), v2 (2024-04-01; title, abstract changed)\n"), md);
    }
}
