package dev.paperboy.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.ingest.FileFormat;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.files.DailyListing;
import dev.paperboy.ingest.files.KaggleSnapshot;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;

/** BibTeX entries parse strictly (jbibtex for entries, {@link BibtexCheck#plain} for values) and keep the text. */
class BibTexTest {

    private static Paper paper(String id, String title, String... authors) {
        return Paper.builder(id).version(1).title(title)
                .authors(java.util.Arrays.stream(authors).map(Author::new).toList())
                .categories(List.of("cs.LG")).published(Instant.parse("2024-03-18T17:59:59Z")).build();
    }

    private static BibTeXEntry parse(Paper p) throws Exception {
        return BibtexCheck.onlyEntry(BibTex.entry(p));
    }

    private static String title(Paper p) throws Exception {
        return parse(p).getField(BibTeXEntry.KEY_TITLE).toUserString();
    }

    @Test
    void titlesWithBracesKeepEveryBraceBalancedOrNot() throws Exception {
        for (String t : List.of("Pretraining {BERT} in {{nested}} braces", "An open { brace", "A close } brace",
                "}{ reversed", "}}}} closing the field, then @misc{evil, title={x")) {
            Paper p = paper("2403.00001", t, "Ada Lovelace");
            assertEquals(t, BibtexCheck.plain(title(p)), BibTex.entry(p));
        }
        assertEquals("Pretraining \\{BERT\\} in \\{\\{nested\\}\\} braces",
                title(paper("2403.00001", "Pretraining {BERT} in {{nested}} braces", "A")));
    }

    @Test
    void accentsAndOtherScriptsStayUnicode() throws Exception {
        Paper p = paper("2403.00002", "Über die Möglichkeit — naïve Bayes für 東京", "Édouard Brézin", "Łukasz Kaiser",
                "山田 太郎");
        BibTeXEntry e = parse(p);
        assertEquals("Über die Möglichkeit — naïve Bayes für 東京", e.getField(BibTeXEntry.KEY_TITLE).toUserString());
        assertEquals("Édouard Brézin and Łukasz Kaiser and 山田 太郎", e.getField(BibTeXEntry.KEY_AUTHOR).toUserString());
        assertEquals("brezin2024uber_2403.00002", e.getKey().getValue());
    }

    @Test
    void mathIsKeptAsTexAndSpecialsAroundItAreEscaped() throws Exception {
        String t = "$\\mathcal{O}(n \\log n)$ sorting: 50% fewer $x_i$ & #1 at $5_{10}$ and $50%$ with_underscores ^~\\ $$E=mc^2$$";
        Paper p = paper("2403.00003", t, "Ada Lovelace");
        String value = title(p);
        assertTrue(value.startsWith("$\\mathcal{O}(n \\log n)$ sorting: 50\\% fewer $x_i$ \\& \\#1 at $5_{10}$ and $50\\%$"), value);
        assertTrue(value.contains("with\\_underscores \\^{}\\~{}\\textbackslash{} $$E=mc^2$$"), value);
        assertEquals(t, BibtexCheck.plain(value));
        assertEquals("lovelace2024sorting_2403.00003", BibTex.key(p));
        String inline = "A bound \\(O(n^{2})\\) for 100% of $k$";
        String v = title(paper("2403.00003", inline, "Ada Lovelace"));
        assertEquals("A bound \\(O(n^{2})\\) for 100\\% of $k$", v);
        assertEquals(inline, BibtexCheck.plain(v));
    }

    @Test
    void mathThatIsUnbalancedOrTouchesFilesIsEscapedAsText() throws Exception {
        for (String t : List.of("$\\input{/etc/passwd}$ title", "$}{$ odd math", "$\\immediate\\write18{rm -rf}$",
                "a lone $ dollar")) {
            Paper p = paper("2403.00004", t, "Ada Lovelace");
            String value = title(p);
            assertEquals(t, BibtexCheck.plain(value), value);
            assertFalse(value.contains("$\\input") || value.contains("$\\immediate"), value);
        }
    }

    @Test
    void itIsArxivsMiscFormWithDoiAndLineBreaksSqueezed() throws Exception {
        Paper p = paper("2403.00005", "Attention\n  is all\tyou need", "Ashish Vaswani", "Noam Shazeer").toBuilder()
                .doi("10.48550/arXiv.2403.00005").categories(List.of("cs.CL", "cs.LG")).build();
        String bib = BibTex.entry(p);
        assertEquals("""
                @misc{vaswani2024attention_2403.00005,
                  title = {Attention is all you need},
                  author = {Ashish Vaswani and Noam Shazeer},
                  year = {2024},
                  eprint = {2403.00005},
                  archivePrefix = {arXiv},
                  primaryClass = {cs.CL},
                  doi = {10.48550/arXiv.2403.00005},
                  url = {https://arxiv.org/abs/2403.00005}
                }
                """, bib);
    }

    @Test
    void groupsAndNamesWithAndAreBracedWhole() throws Exception {
        Paper p = paper("2403.00006", "Results", "ATLAS Collaboration", "Smith and Jones", "Lovelace, Ada");
        String author = parse(p).getField(BibTeXEntry.KEY_AUTHOR).toUserString();
        assertEquals(List.of("{ATLAS Collaboration}", "{Smith and Jones}", "Lovelace, Ada"), BibtexCheck.names(author));
        assertEquals("collaboration2024results_2403.00006", BibTex.key(p));
    }

    @Test
    void keysAreStableAcrossVersionsAndDistinctForDistinctPapers() {
        Paper v1 = paper("2403.00007", "The same title", "Ada Lovelace");
        Paper v2 = v1.toBuilder().version(2).updated(Instant.parse("2025-01-01T00:00:00Z")).build();
        assertEquals(BibTex.key(v1), BibTex.key(v2));
        assertEquals("lovelace2024same_2403.00007", BibTex.key(v1));
        assertNotEquals(BibTex.key(v1), BibTex.key(paper("2403.00008", "The same title", "Ada Lovelace")));
        assertEquals("anon2024_hep-th_9901001", BibTex.key(paper("hep-th/9901001", "$\\alpha$", new String[0])));
        assertEquals("smith1999paper_hep-th_9901001", BibTex.key(Paper.builder("hep-th/9901001").title("A paper")
                .authors(List.of(new Author("John Smith Jr."))).build()));
    }

    @Test
    void papersWithoutAnArxivIdHaveNoEprintAndOnlyASafeUrl() throws Exception {
        String id = PaperIds.derived("beir", "4983");
        Paper p = paper(id, "A corpus paper", "Ada Lovelace").toBuilder()
                .links(new Links("https://example.org/paper?id=1", null, null, null)).doi("10.1/}@misc{x,").build();
        BibTeXEntry e = parse(p);
        assertNull(e.getField(new Key("eprint")));
        assertNull(e.getField(BibTeXEntry.KEY_DOI));
        assertEquals("https://example.org/paper?id=1", e.getField(BibTeXEntry.KEY_URL).toUserString());
        Paper bad = p.toBuilder().links(new Links("javascript:alert(1)}", null, null, null)).build();
        assertNull(parse(bad).getField(BibTeXEntry.KEY_URL));
    }

    /** Every paper of the shared sample: one entry each in one database, all keys distinct, every title decodes. */
    @Test
    void theSharedSampleGivesParsableEntriesWithUniqueKeys() throws Exception {
        List<Paper> papers = new ArrayList<>();
        papers.addAll(read(new KaggleSnapshot(), "arxiv-sample/kaggle-arxiv-metadata-snapshot-first-200.jsonl", false));
        papers.addAll(read(new DailyListing(), "arxiv-sample/daily-listings-astro-ph-2025-04_2026-07.jsonl.gz", true));
        assertTrue(papers.size() > 11_000, "read " + papers.size());
        StringBuilder all = new StringBuilder();
        Map<String, String> keys = new HashMap<>();
        int withMath = 0;
        for (Paper p : papers) {
            String key = BibTex.key(p);
            String other = keys.put(key, p.id());
            assertTrue(other == null || other.equals(p.id()), key + " for " + other + " and " + p.id());
            all.append(BibTex.entry(p)).append('\n');
            if (p.title().contains("$")) withMath++;
        }
        assertTrue(withMath > 50, "titles with math: " + withMath);
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(all.toString()));
        assertEquals(keys.size(), db.getEntries().size());
        for (BibTeXEntry e : db.getEntries().values()) {
            BibtexCheck.plain(e.getField(BibTeXEntry.KEY_TITLE).toUserString());
            if (e.getField(BibTeXEntry.KEY_AUTHOR) == null) continue;
            for (String name : BibtexCheck.names(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString())) {
                BibtexCheck.plain(name.startsWith("{") && name.endsWith("}") ? name.substring(1, name.length() - 1) : name);
            }
        }
    }

    static List<Paper> read(FileFormat format, String relative, boolean gzip) throws Exception {
        Path file = Path.of("../shared/data").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared test data absent: " + file.toAbsolutePath().normalize());
        List<Paper> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file); InputStream in = gzip ? new GZIPInputStream(raw, 65536) : raw) {
            format.read(in, new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    out.add(paper);
                }

                @Override
                public void reject(String where, String reason) {}
            });
        }
        return out;
    }
}
