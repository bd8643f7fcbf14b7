package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestPapers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only serve, import and harvest create a store; every other command on a missing one fails in one line. */
class MissingStoreTest {

    @TempDir
    Path dir;

    private Path typo;

    @BeforeEach
    void aGoodStoreAndATypo() {
        try (var app = CliRun.open(Map.of("PAPERBOY_DATA", dir.resolve("data").toString()))) {
            app.papers().upsert(TestPapers.full());
        }
        typo = dir.resolve("dta");
    }

    private void assertMissing(CliRun.Result r, String command) {
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("paperboy " + command + ": no store in " + typo
                + " (no paperboy.db there; check --data / PAPERBOY_DATA); `serve`, `import` or `harvest` create one"),
                r.err());
        assertFalse(Files.exists(typo), "nothing created at the mistyped path");
    }

    @Test
    void exportWithAMistypedDataDirFailsAndLeavesTheBackupAlone() throws Exception {
        Path backup = Files.writeString(dir.resolve("backup.jsonl"), "a good backup\n");
        var r = CliRun.run(Map.of(), "export", "--data", typo.toString(), "--out", backup.toString());
        assertMissing(r, "export");
        assertEquals("a good backup\n", Files.readString(backup));
    }

    @Test
    void searchWithAMistypedDataDirFailsInsteadOfFindingNothing() {
        var r = CliRun.run(Map.of(), "search", "--data", typo.toString(), "memory");
        assertMissing(r, "search");
        assertEquals("", r.out());
    }

    @Test
    void reindexWithAMistypedDataDirFails() {
        assertMissing(CliRun.run(Map.of("PAPERBOY_DATA", typo.toString()), "reindex"), "reindex");
    }

    @Test
    void aSqliteUrlInAMissingDirectoryIsNotCreated() {
        Path file = dir.resolve("no/such/dir/x.db");
        var r = CliRun.run(Map.of(), "export", "--db", "jdbc:sqlite:" + file);
        assertEquals(1, r.exitCode());
        assertEquals("paperboy export: no store at " + file + " (check --db / PAPERBOY_DB); `serve`, `import` or "
                + "`harvest` create one\n", r.err());
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void importCreatesTheStoreItIsGiven() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/web/five-papers.atom.xml");
        var r = CliRun.run(Map.of("PAPERBOY_DATA", typo.toString()), "import", fixture.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(typo.resolve("paperboy.db")));
        assertEquals(5, CliRun.run(Map.of("PAPERBOY_DATA", typo.toString()), "export").out().lines().count());
    }
}
