package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestPapers;
import dev.paperboy.api.Json;
import dev.paperboy.db.PgSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import and export with the store in PostgreSQL (a fresh schema); skipped when PostgreSQL is unreachable. */
class PostgresShellTest {

    @TempDir
    Path dir;

    private PgSchema schema;

    @BeforeEach
    void createSchema() {
        schema = PgSchema.createOrSkip();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) schema.close();
    }

    @Test
    void importThenExportRoundTripsThroughPostgres() throws Exception {
        var imported = CliRun.run(Map.of("PAPERBOY_DATA", dir.toString()), "import", "--db", schema.url(),
                "src/test/resources/fixtures/import/two-papers.jsonl");
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("2 new"), imported.out());

        var exported = CliRun.run(Map.of("PAPERBOY_DB", schema.url(), "PAPERBOY_DATA", dir.toString()), "export");
        assertEquals(0, exported.exitCode(), exported.err());
        var lines = exported.out().lines().toList();
        assertEquals(2, lines.size(), exported.out());
        assertEquals(TestPapers.full(), new Json().readPaper(lines.getFirst()));
    }

    @Test
    void configShowsThePostgresUrl() {
        var r = CliRun.run(Map.of("PAPERBOY_DB", schema.url()), "config");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("# store: jdbc:postgresql://"), r.out());
    }
}
