package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.Main;
import dev.paperboy.TinyEmbedder;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, search and reindex through {@code Main}, over the real store and index, with a tiny embedder. */
class SearchWiringTest {

    private static final String TWO_PAPERS = Path.of("src/test/resources/fixtures/import/two-papers.jsonl").toString();

    @TempDir
    Path dir;

    private CliRun.Result run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var ctx = new CliContext(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CliRun.CLOCK, false,
                config -> App.open(config, CliRun.CLOCK, JdbiPaperStore::new, TinyEmbedder.embedding()));
        int code = Main.run(args, ctx);
        return new CliRun.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> env() {
        return Map.of("PAPERBOY_DATA", dir.toString());
    }

    @Test
    void importEmbedsWhatItStoredBeforeItEndsAndSearchFindsIt() throws Exception {
        var imported = run(env(), "import", TWO_PAPERS);
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.err().contains("import: embedded 2 papers for search"), imported.err());
        assertTrue(Files.exists(dir.resolve("index/CURRENT")));

        var found = run(env(), "search", "--json", "--mode", "dense", "string", "theory", "classic");
        assertEquals(0, found.exitCode(), found.err());
        JsonNode json = new ObjectMapper().readTree(found.out());
        assertEquals("dense", json.get("mode").asText(), "vectors were stored, so the semantic leg answers");
        assertEquals("hep-th/9901001", json.get("hits").get(0).get("id").asText());
    }

    @Test
    void searchReadsTheDataFlagLikeEveryCommand() {
        run(env(), "import", "--no-embed", TWO_PAPERS);
        var r = run(Map.of(), "search", "--data", dir.toString(), "--limit", "1", "attention");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2403.12345"), r.out());
    }

    @Test
    void noEmbedSkipsEmbeddingAndReindexCatchesUpLater() {
        var imported = run(env(), "import", "--no-embed", TWO_PAPERS);
        assertEquals(0, imported.exitCode(), imported.err());
        assertFalse(imported.err().contains("embedded"), imported.err());
        var keyword = run(env(), "search", "attention");
        assertTrue(keyword.out().contains("2403.12345"), "keyword search works without vectors: " + keyword.out());

        var reindexed = run(env(), "reindex");
        assertEquals(0, reindexed.exitCode(), reindexed.err());
        assertTrue(reindexed.err().contains("reindex: indexed 2 papers"), reindexed.err());
        assertTrue(reindexed.err().contains("reindex: embedded 2 papers"), reindexed.err());
        // Finished vectors are kept: a second run has nothing left to embed.
        assertTrue(run(env(), "reindex").err().contains("reindex: embedded 0 papers"));
    }

    @Test
    void embedFalseInTheEnvironmentIsTheSameAsNoEmbed() {
        var imported = run(Map.of("PAPERBOY_DATA", dir.toString(), "PAPERBOY_EMBED", "false"), "import", TWO_PAPERS);
        assertEquals(0, imported.exitCode(), imported.err());
        assertFalse(imported.err().contains("embedded"), imported.err());
        var reindex = run(Map.of("PAPERBOY_DATA", dir.toString(), "PAPERBOY_EMBED", "false"), "reindex");
        assertTrue(reindex.err().contains("embedding skipped"), reindex.err());
    }

    @Test
    void whileServeHoldsTheIndexImportStillStoresAndSearchSaysWhy() {
        try (App serving = App.open(dev.paperboy.Config.load(env(), Map.of()), CliRun.CLOCK, JdbiPaperStore::new,
                TinyEmbedder.embedding())) {
            serving.search(dev.paperboy.search.SearchIndexer.Progress.NONE);
            var imported = run(env(), "import", TWO_PAPERS);
            assertEquals(0, imported.exitCode(), imported.err());
            assertTrue(imported.err().contains("import: search index not updated"), imported.err());
            assertTrue(imported.out().contains("2 new"), imported.out());
            var search = run(env(), "search", "attention");
            assertEquals(1, search.exitCode(), search.err());
            assertTrue(search.err().contains("index"), search.err());
            // The running app picks the papers up on its next catch-up.
            assertEquals(2, serving.search(dev.paperboy.search.SearchIndexer.Progress.NONE).indexer().catchUp());
        }
    }
}
