package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.lucene.LuceneIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever people type gives results or a clear problem, never an exception. */
class HostileQueryTest {

    @TempDir
    static Path dir;

    static LuceneIndex index;
    static SearchService service;

    @BeforeAll
    static void indexFixtures() {
        FakeEmbedder embedder = new FakeEmbedder();
        index = LuceneIndex.open(dir.resolve("index"), embedder.modelId(), SearchDefaults.fusion());
        List<Paper> papers = TestPapers.load();
        index.rebuild(sink -> papers.forEach(p ->
                sink.accept(new PaperIndex.Entry(p, embedder.embedPassage(p.title(), p.abstractText())))), 0);
        service = new SearchService(index, embedder);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static final List<String> HOSTILE = List.of(
            "\"", "\"\"", "\"unbalanced quote", "a\"b\"c\"", "-", "--", "-\"\"", "- -", ":", "author:", "cat:",
            "author:\"", "since:", "title:(foo AND bar~2^3)", "[a TO b]", "{a TO *}", "\\", "\\\\\"", "/regex.*/",
            "*", "?", "+foo -bar", "foo^10", "foo~", "a || b && c", "!not", "(((", ")))", "NOT", "AND OR",
            "\u0000\u0001", "🙂 emoji ∑ unicode ǅ", "<script>alert(1)</script>", "%00%27%22", "' OR 1=1 --",
            "the of and a", "cat:../../etc/passwd", "author:\u0000", "since:99999", "until:0000-00-00",
            "x".repeat(999), ("word ").repeat(60), "http://arxiv.org/abs/", "arXiv:", "9999.99999", "0704.0001v99999");

    @Test
    void hostileQueriesGiveResultsOrAProblemInEveryMode() {
        for (String mode : List.of("bm25", "dense", "hybrid")) {
            for (String order : List.of("relevance", "date")) {
                for (String q : HOSTILE) {
                    SearchService.Outcome o = service.search(new SearchForm(q, null, null, null, mode, order, null, null));
                    assertTrue(o != null, q);
                }
            }
        }
    }

    @Test
    void aTenKilobyteQueryIsAProblemToShow() {
        SearchService.Invalid i = assertInstanceOf(SearchService.Invalid.class,
                service.search(SearchForm.of("fine tuning ".repeat(900))));
        assertTrue(i.message().contains("limit"), i.message());
    }

    @Test
    void badParametersAreProblemsToShow() {
        List<SearchForm> bad = List.of(
                new SearchForm("x", null, null, null, "fancy", null, null, null),
                new SearchForm("x", null, null, null, null, "popularity", null, null),
                new SearchForm("x", null, null, null, null, null, "-1", null),
                new SearchForm("x", null, null, null, null, null, null, "0"),
                new SearchForm("x", null, null, null, null, null, null, "101"),
                new SearchForm("x", null, null, null, null, null, "99999999999", null),
                new SearchForm("x", null, null, null, null, null, "990", "20"),
                new SearchForm("x", null, "soon", null, null, null, null, null),
                new SearchForm("x", null, "2025", "2024", null, null, null, null),
                new SearchForm("x", "c".repeat(300), null, null, null, null, null, null));
        for (SearchForm f : bad) assertInstanceOf(SearchService.Invalid.class, service.search(f), f.toString());
    }
}
