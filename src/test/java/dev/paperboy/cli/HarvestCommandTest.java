package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.App;
import dev.paperboy.Main;
import dev.paperboy.db.Database;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvestCommandTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
    static final Path CS_46 = Path.of("../shared/data/fixtures/arxiv-oai-arXiv-listrecords-2016-set-cs-46-records.xml");

    @TempDir
    Path dir;

    private ReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PAPERBOY_DATA", dir.toString());
        env.put("PAPERBOY_ARXIV_OAI_URL", server.url("/oai"));
        env.put("PAPERBOY_ARXIV_API_URL", server.url("/api/query"));
        env.put("PAPERBOY_HF_URL", server.url(""));
        env.put("PAPERBOY_HARVEST_INTERVAL_SECONDS", "0.2");
        env.put("PAPERBOY_HARVEST_MAX_ATTEMPTS", "2");
        env.put("PAPERBOY_CONTACT", "mailto:ops@example.org");
        env.put("PAPERBOY_HARVEST_CATEGORIES", "*");
        return env;
    }

    private record Result(int code, String err) {}

    private Result run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var ctx = new CliContext(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, false,
                config -> App.open(config, CLOCK, JdbiPaperStore::new));
        int code = Main.run(args, ctx);
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }

    private long storedPapers() {
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            return new JdbiPaperStore(db).count();
        }
    }

    @Test
    void harvestingOaiFromTheEnvironmentsUrlStoresThePapersWithProgress() throws Exception {
        assumeTrue(Files.isRegularFile(CS_46), "shared fixture " + CS_46.toAbsolutePath() + " is absent");
        server.enqueue(Reply.xml(CS_46));
        Result r = run(env(), "harvest", "--source", "arxiv-oai", "--set", "cs");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("arxiv-oai:cs: asking for records from 2026-11-20"), r.err());
        assertTrue(r.err().contains("arxiv-oai:cs: 1 page(s), 46 paper(s) stored"), r.err());
        assertEquals(46, storedPapers());
        assertEquals("Paperboy/" + App.VERSION + " (+mailto:ops@example.org)", server.hits().getFirst().userAgent());
    }

    @Test
    void aSourceThatKeepsFailingEndsWithExitCodeOneAndOneLine() {
        server.otherwise(h -> Reply.status(500, Map.of()));
        Result r = run(env(), "harvest", "--source", "hf", "--from", "2026-11-27");
        assertEquals(1, r.code());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("paperboy harvest: hf: unable to fetch "), r.err());
        assertTrue(last.contains("after 2 attempts: HTTP 500"), last);
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        Result r = run(env(), "harvest", "--source", "ftp");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--source must be arxiv-oai, arxiv-api or hf"), r.err());
        assertEquals(0, server.hits().size());
    }
}
