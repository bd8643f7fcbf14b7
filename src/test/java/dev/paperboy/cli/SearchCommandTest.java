package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchIndexer;
import dev.paperboy.search.SearchService;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {

    @TempDir
    Path dir;

    private LuceneIndex index;
    private SearchIndexer indexer;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Two papers, enough to see the commands work end to end. */
    private static final class TwoPapers implements PaperStore {
        final List<Paper> papers = List.of(
                Paper.builder("2401.00001")
                        .version(1)
                        .title("Low-rank adapters")
                        .authors(List.of(new Author("A. Moreau")))
                        .abstractText("Adapters for tuning.")
                        .categories(List.of("cs.CL"))
                        .published(Instant.parse("2024-01-02T00:00:00Z"))
                        .source("test")
                        .build(),
                Paper.builder("2405.00005")
                        .version(1)
                        .title("Dark matter haloes")
                        .authors(List.of(new Author("G. Rossi")))
                        .abstractText("Rotation curves.")
                        .categories(List.of("astro-ph.GA"))
                        .published(Instant.parse("2024-05-15T00:00:00Z"))
                        .source("test")
                        .build());

        public UpsertResult upsert(Paper p) { throw new UnsupportedOperationException(); }
        public List<UpsertResult> upsertAll(List<Paper> p) { throw new UnsupportedOperationException(); }
        public Optional<Paper> find(String id) { return papers.stream().filter(p -> p.id().equals(id)).findFirst(); }
        public List<Paper> newest(int limit, int offset) { return papers; }
        public long count() { return papers.size(); }
        public void forEach(Consumer<Paper> action) { papers.forEach(action); }
        public List<Change> changedSince(long seq, int limit) {
            return seq >= 2 ? List.of() : List.of(new Change(1, papers.get(0)), new Change(2, papers.get(1)));
        }
        public long lastSequence() { return 2; }
    }

    @BeforeEach
    void setUp() {
        index = LuceneIndex.open(dir.resolve("index"), "none", SearchDefaults.fusion());
        indexer = new SearchIndexer(new TwoPapers(), index, null);
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private SearchComponents components() {
        return new SearchComponents() {
            public SearchService searchService() { return new SearchService(index, null); }
            public PaperStore papers() { return new TwoPapers(); }
            public SearchIndexer indexer() { return indexer; }
            public Optional<Embedder> embedder() { return Optional.empty(); }
            public void close() {}
        };
    }

    private static CliContext ctx() {
        return new CliContext(java.util.Map.of(), System.out, System.err, java.time.Clock.systemUTC(), false,
                config -> { throw new AssertionError("the commands use the components given"); });
    }

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void reindexRebuildsAndReportsProgress() {
        assertEquals(0, run(new ReindexCommand(ctx(), config -> components())));
        assertTrue(err.toString().contains("reindex: index 2/2 (100%)"), err.toString());
        assertTrue(err.toString().contains("embedding skipped"), err.toString());
        assertEquals(2, index.count());
    }

    @Test
    void searchPrintsRankedLines() {
        run(new ReindexCommand(ctx(), config -> components()));
        assertEquals(0, run(new SearchCommand(ctx(), config -> components()), "dark", "matter"));
        assertTrue(out.toString().contains("  1. 2405.00005       Dark matter haloes (2024-05-15)"), out.toString());
        assertTrue(out.toString().contains("1 results (bm25)"), out.toString());
    }

    @Test
    void searchPrintsJson() throws Exception {
        run(new ReindexCommand(ctx(), config -> components()));
        assertEquals(0, run(new SearchCommand(ctx(), config -> components()), "--json", "--limit", "1", "adapters"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("2401.00001", json.get("hits").get(0).get("id").asText());
        assertEquals("2024-01-02", json.get("hits").get(0).get("date").asText());
        assertEquals(1, json.get("total").asInt());
    }

    @Test
    void searchJsonIsShapedAsTheApiAnswers() throws Exception {
        run(new ReindexCommand(ctx(), config -> components()));
        assertEquals(0, run(new SearchCommand(ctx(), config -> components()), "--json", "adapters"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(List.of("query", "total", "total_exact", "offset", "limit", "mode", "order", "id_match", "facets", "hits"),
                names(json));
        assertEquals(List.of("id", "title", "authors", "categories", "date", "score", "snippet", "chip",
                "lens_resources", "url"), names(json.get("hits").get(0)));
        assertEquals("/papers/2401.00001", json.get("hits").get(0).get("url").asText());
        assertEquals(false, json.get("id_match").asBoolean());
    }

    @Test
    void searchJsonForAPastedIdIsThatStoredPaper() throws Exception {
        run(new ReindexCommand(ctx(), config -> components()));
        assertEquals(0, run(new SearchCommand(ctx(), config -> components()), "--json", "arXiv:2405.00005"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("id", json.get("mode").asText());
        assertEquals(true, json.get("id_match").asBoolean());
        assertEquals("Dark matter haloes", json.get("hits").get(0).get("title").asText());
        assertEquals("G. Rossi", json.get("hits").get(0).get("authors").get(0).asText());
        assertTrue(json.get("hits").get(0).get("score").isNull());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anInvalidQueryExitsWithTwoAndOneLine() {
        assertEquals(2, run(new SearchCommand(ctx(), config -> components()), "since:someday"));
        assertTrue(err.toString().startsWith("search: since: expects"), err.toString());
    }
}
