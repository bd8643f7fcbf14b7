package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Main;
import dev.paperboy.TinyEmbedder;
import dev.paperboy.cli.CliContext;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code search} and {@code reindex} say about an index that another process holds or one left behind. */
class SearchCommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String TWO_PAPERS = Path.of("src/test/resources/fixtures/import/two-papers.jsonl").toString();

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {}

    private App openApp(Config config) {
        return App.open(config, CLOCK, JdbiPaperStore::new, TinyEmbedder.embedding());
    }

    private Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var ctx = new CliContext(Map.of("PAPERBOY_DATA", dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, false, this::openApp);
        int code = Main.run(args, ctx);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reindexOfAMissingIndexRebuildsItOnceNotTwice() throws IOException {
        assertEquals(0, run("import", "--no-embed", TWO_PAPERS).exitCode());
        Result current = run("reindex", "--no-embed");
        assertEquals(0, current.exitCode(), current.err());
        assertTrue(current.err().contains("reindex: indexed 2 papers in "), current.err());

        try (Stream<Path> files = Files.walk(dir.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Result missing = run("reindex", "--no-embed");
        assertEquals(0, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("reindex: indexed 2 papers while opening the index"), missing.err());
        assertFalse(missing.err().contains(" papers in "), missing.err());
        assertEquals(0, run("search", "attention").exitCode());
    }

    @Test
    void searchAndReindexWhileServeHoldsTheIndexSayServeIsRunning() {
        assertEquals(0, run("import", "--no-embed", TWO_PAPERS).exitCode());
        try (App serve = openApp(Config.load(Map.of("PAPERBOY_DATA", dir.toString()), Map.of()))) {
            serve.search(SearchIndexer.Progress.NONE);
            for (String command : new String[] {"search", "reindex"}) {
                Result r = command.equals("search") ? run("search", "attention") : run("reindex", "--no-embed");
                assertEquals(1, r.exitCode(), r.err());
                assertTrue(r.err().contains("serve is running on this data directory"), r.err());
                assertFalse(r.err().contains("write.lock"), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
            }
        }
    }

    @Test
    void searchAfterAnImportKilledWhileIndexingFindsTheStoredPapers() throws IOException {
        assertEquals(0, run("import", "--no-embed", TWO_PAPERS).exitCode());
        // What kill -9 during the import's first indexing leaves: an empty generation named by CURRENT.
        Path index = dir.resolve("index");
        try (Stream<Path> s = Files.walk(index)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        LuceneIndex.open(index, TinyEmbedder.MODEL_ID, SearchDefaults.fusion()).close();

        Result r = run("search", "attention");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2403.12345"), r.out() + r.err());
    }
}
