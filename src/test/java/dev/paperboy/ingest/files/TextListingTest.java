package dev.paperboy.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextListingTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/text");
    final TextListing listing = new TextListing();

    CollectingSink read(String fixture) throws Exception {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            listing.read(in, sink);
        }
        return sink;
    }

    CollectingSink readText(String text) throws Exception {
        CollectingSink sink = new CollectingSink();
        listing.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    static String listingId(String title) {
        return PaperIds.derived("listing", PaperIds.titleKey(title));
    }

    @Test
    void aSavedHuggingFacePageYieldsExactlyItsPapers() throws Exception {
        CollectingSink sink = read("hf-papers-page.txt");
        assertEquals(List.of(
                        "Tidal Memory: Recurrent Retrieval for Long-Horizon Agents",
                        "Do Vision-Language Models Count? A Study of Numerosity Errors",
                        "Sparse Mixture Adapters for Speech Translation",
                        "Why Small Batches Generalise: A Noise-Geometry View"),
                sink.papers.stream().map(Paper::title).toList());
        assertEquals(List.of(), sink.rejects);
        assertEquals(listingId("Tidal Memory: Recurrent Retrieval for Long-Horizon Agents"), sink.papers.get(0).id());
        // The arXiv id on the line above the title names the paper.
        assertEquals("2606.04417", sink.papers.get(2).id());
        assertEquals("https://arxiv.org/abs/2606.04417", sink.papers.get(2).links().abs());
        Paper first = sink.papers.getFirst();
        assertTrue(first.abstractText().startsWith("Agents that act over thousands of steps"), first.abstractText());
        assertTrue(first.abstractText().endsWith("We release code and traces."), first.abstractText());
        assertEquals("text-listing", first.source());
    }

    @Test
    void noChromeBecomesAPaper() throws Exception {
        CollectingSink sink = read("hf-papers-page.txt");
        for (Paper p : sink.papers) {
            for (String chrome : List.of("Hugging Face", "Daily Papers", "Join", "Submitted by", "Upvote", "System theme")) {
                assertFalse(p.title().contains(chrome), p.title());
            }
            assertFalse(p.abstractText().contains("Sign up to follow papers"), p.abstractText());
        }
    }

    @Test
    void anArxivListingYieldsTitlesAuthorsAndIds() throws Exception {
        CollectingSink sink = read("arxiv-listing.txt");
        assertEquals(List.of("2606.10001", "2606.10057", "2606.09876"), sink.ids());
        Paper p = sink.paper("2606.10001");
        assertEquals("Grammar Induction from Child-Directed Speech at Scale", p.title());
        assertEquals(List.of(new Author("Maria Oliveira"), new Author("Tomasz Nowak"), new Author("Chen Wei")),
                p.authors());
        assertTrue(p.abstractText().startsWith("We induce grammars from two million utterances"), p.abstractText());
        assertEquals("Token Budgets for Reasoning Models", sink.paper("2606.09876").title());
        assertEquals(List.of(), sink.rejects);
    }

    @Test
    void aTitleNeedsABlankLineAndAProseParagraphAfterIt() throws Exception {
        String prose = "This paragraph has more than enough words to look like an abstract of a paper. "
                + "It has several sentences, and it ends with a full stop. It goes on for a while longer to pass "
                + "the length test that abstracts must pass before they count.";
        assertEquals(1, readText("A Title Followed By Prose\n\n" + prose + "\n").papers.size());
        assertEquals(0, readText("A Title Followed By Prose\n" + prose + "\n").papers.size(), "no blank line");
        assertEquals(0, readText("A Title Followed By A Short Note\n\nToo short. Really.\n").papers.size());
        assertEquals(0, readText("A sentence ending with a period.\n\n" + prose + "\n").papers.size());
        assertEquals(0, readText("Privacy Policy\n\n" + prose + "\n").papers.size());
        assertEquals(0, readText("Jun 12, 2026\n\n" + prose + "\n").papers.size());
        // The short last line of a wrapped prose paragraph is no title for the paragraph after it.
        String paragraphs = "Paper Title Here\n\n" + prose + "\n\n" + prose + "\nand a last line without a stop\n\n"
                + prose + "\n";
        assertEquals(List.of("Paper Title Here"), readText(paragraphs).papers.stream().map(Paper::title).toList());
    }

    @Test
    void aSavedHuggingFacePageYieldsEveryPaperEvenWhenAbstractsEndInLinks() throws Exception {
        CollectingSink sink = read("hf-papers-page-urls.txt");
        assertEquals(List.of(
                        "Patchwork Attention: Sub-Quadratic Context by Stitching Local Windows",
                        "Search-R2: Teaching Small Models to Query a Search Engine Mid-Thought",
                        "Clinical Notes Are Not Enough: Auditing Diagnosis Models Across Hospitals",
                        "Next-Token Prediction Learns Planning Implicitly, Up to a Point",
                        "Mixture-of-Depths for Speech Recognition",
                        "Why Do Diffusion Models Memorise? A Data-Duplication Account",
                        "Lossless Compression of KV Caches with Learned Entropy Coding",
                        "Benchmarks Leak: Measuring Test-Set Contamination in Code Models",
                        "Sparse Autoencoders Find Units for Negation"),
                sink.papers.stream().map(Paper::title).toList());
        assertEquals(List.of(), sink.rejects);
        assertEquals(List.of(), sink.skips);
        Paper patchwork = sink.papers.get(0);
        assertTrue(patchwork.abstractText().endsWith("Code is available at: https://github.com/hkwon/patchwork-attention"),
                patchwork.abstractText());
        Paper search = sink.paper("2606.05518");
        assertTrue(search.abstractText().endsWith("https://github.com/rb-lab/search-r2.git"), search.abstractText());
        // A line of names under the title is the byline, not the title.
        Paper clinical = sink.papers.get(2);
        assertEquals(List.of(new Author("Ana Souza"), new Author("Wei Zhang"), new Author("Omar Haddad"),
                new Author("Lena Fischer")), clinical.authors());
        assertTrue(clinical.abstractText().endsWith("should be the norm"), clinical.abstractText());
        assertEquals("2606.04871", sink.papers.get(4).id());
    }

    @Test
    void anArxivListingYieldsEveryPaperEvenWhenAbstractsEndInLinks() throws Exception {
        CollectingSink sink = read("arxiv-listing-urls.txt");
        assertEquals(List.of("2606.11002", "2606.11040", "2606.11077", "2606.10998"), sink.ids());
        assertEquals(List.of(new Author("Kofi Mensah"), new Author("Julia Weber"), new Author("Tomás Ruiz")),
                sink.paper("2606.11040").authors());
        assertTrue(sink.paper("2606.11002").abstractText().endsWith("Code is available at this https URL"));
        assertEquals(List.of(), sink.skips);
    }

    @Test
    void aParagraphOfNamesBetweenTitleAndAbstractGivesTheAuthors() throws Exception {
        CollectingSink sink = readText("Quantum Walks on Dynamic Graphs\n\nAda Lovelace, Charles Babbage and Mary"
                + " Somerville\n\n" + PROSE + "\n");
        assertEquals(List.of("Quantum Walks on Dynamic Graphs"), sink.papers.stream().map(Paper::title).toList());
        assertEquals(List.of(new Author("Ada Lovelace"), new Author("Charles Babbage"), new Author("Mary Somerville")),
                sink.papers.getFirst().authors());
    }

    @Test
    void anAbstractHeadingBetweenTitleAndAbstractIsPassedOver() throws Exception {
        CollectingSink sink = readText("Quantum Walks on Dynamic Graphs\nAda Lovelace, Charles Babbage\n\nAbstract\n\n"
                + PROSE + "\n");
        assertEquals(List.of("Quantum Walks on Dynamic Graphs"), sink.papers.stream().map(Paper::title).toList());
        assertEquals(List.of(new Author("Ada Lovelace"), new Author("Charles Babbage")), sink.papers.getFirst().authors());
    }

    @Test
    void paperLikeParagraphsThatAreRefusedAreReportedWithTheirLine() throws Exception {
        String text = "Submitted by\nuser\n3\nA Title That Ends With A Colon:\n\n" + PROSE + "\n\n"
                + "A Title Followed By A Short Abstract\n\n"
                + "This abstract is only one sentence long, but it is long enough to look like prose to a reader.\n\n"
                + "Join the Hugging Face community\n\n" + PROSE + "\n";
        CollectingSink sink = readText(text);
        assertEquals(List.of(), sink.papers);
        assertEquals(List.of(
                "line 4: paper-like paragraph: \"A Title That Ends With A Colon:\" is followed by an abstract but is"
                        + " no title (it ends with ':')",
                "line 8: title \"A Title Followed By A Short Abstract\" is followed by a paragraph that is no abstract"
                        + " (shorter than 200 characters)"), sink.skips);
    }

    static final String PROSE = "This paragraph has more than enough words to look like an abstract of a paper. "
            + "It has several sentences, and it ends with a full stop. It goes on for a while longer to pass "
            + "the length test that abstracts must pass before they count.";

    @Test
    void sniffNeedsTextWithAtLeastOnePaper() throws Exception {
        assertTrue(listing.sniff(Files.readString(FIXTURES.resolve("hf-papers-page.txt")), "papers.txt"));
        assertTrue(listing.sniff(Files.readString(FIXTURES.resolve("arxiv-listing.txt")), "list.txt"));
        assertFalse(listing.sniff("", "empty.txt"));
        assertFalse(listing.sniff("just a few words\nof text\n", "notes.txt"));
        assertFalse(listing.sniff("{\"id\":\"1\"}", "x.txt"));
        assertFalse(listing.sniff("<?xml version=\"1.0\"?><feed/>", "x.txt"));
        assertFalse(listing.sniff("A Title\u0000\u0001\u0002\n\n" + "binary ".repeat(100), "x.bin"));
    }

    @Test
    void aMarkdownDocumentIsNotAListing() throws Exception {
        String listingText = Files.readString(FIXTURES.resolve("hf-papers-page.txt"));
        assertFalse(listing.sniff(listingText + "\n```sh\n./paperboy serve\n```\n", "README.md"));
        assertFalse(listing.sniff(listingText + "\n| a | b |\n|---|---|\n| 1 | 2 |\n", "README.md"));
        assertFalse(listing.sniff(Files.readString(Path.of("README.md")), "README.md"));
    }
}
