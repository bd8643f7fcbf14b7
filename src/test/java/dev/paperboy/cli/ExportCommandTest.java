package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestPapers;
import dev.paperboy.api.Json;
import dev.paperboy.paper.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export against the real SQLite store. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private List<Paper> stored;

    private Map<String, String> env() {
        return Map.of("PAPERBOY_DATA", dir.resolve("data").toString());
    }

    @BeforeEach
    void fill() {
        try (var app = CliRun.open(env())) {
            app.papers().upsert(TestPapers.full());
            app.papers().upsert(TestPapers.simple("hep-th/9901001", "A string theory classic", "1999-01-04T00:00:00Z"));
            app.papers().upsert(TestPapers.simple("beir-0123456789abcdef", "Derived id, \"quotes\" and ünïcödé",
                    "2020-05-05T00:00:00Z"));
            stored = new ArrayList<>();
            app.papers().forEach(stored::add);
        }
        assertEquals(3, stored.size());
    }

    private static List<Paper> parse(String jsonLines) throws Exception {
        Json json = new Json();
        List<Paper> out = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isEmpty()) out.add(json.readPaper(line));
        }
        return out;
    }

    @Test
    void exportToStdoutRoundTripsEveryField() throws Exception {
        var r = CliRun.run(env(), "export");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.out().lines().count(), r.out());
        assertEquals(stored, parse(r.out()));
        assertEquals(TestPapers.full(), parse(r.out()).stream().filter(p -> p.id().equals("2403.12345")).findFirst()
                .orElseThrow());
        assertTrue(r.err().contains("export: 3 papers"), r.err());
    }

    @Test
    void exportToAFileWritesItWholeAndLeavesNoTempFiles() throws Exception {
        Path target = dir.resolve("backup/papers.jsonl");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content\n");
        var r = CliRun.run(env(), "export", "--out", target.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(stored, parse(Files.readString(target)));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void exportOfAnEmptyStoreIsEmpty() {
        Map<String, String> empty = Map.of("PAPERBOY_DATA", dir.resolve("empty").toString());
        CliRun.open(empty).close();
        var r = CliRun.run(empty, "export");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("export: 0 papers"), r.err());
    }

    @Test
    void theDataFlagWinsOverTheEnvironment() {
        Path other = dir.resolve("elsewhere");
        CliRun.open(Map.of("PAPERBOY_DATA", other.toString())).close();
        var r = CliRun.run(env(), "export", "--data", other.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out(), "the empty store in --data, not the full one of the environment");
    }

    @Test
    void anEmptyStoreDoesNotReplaceAnExistingBackupWithoutForce() throws Exception {
        Map<String, String> empty = Map.of("PAPERBOY_DATA", dir.resolve("empty").toString());
        CliRun.open(empty).close();
        Path backup = Files.writeString(dir.resolve("backup.jsonl"), "a good backup\n");

        var refused = CliRun.run(empty, "export", "--out", backup.toString());
        assertEquals(1, refused.exitCode());
        assertEquals("paperboy export: the store has no papers; not replacing " + backup + " (--force does)\n",
                refused.err());
        assertEquals("a good backup\n", Files.readString(backup));

        var forced = CliRun.run(empty, "export", "--out", backup.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("", Files.readString(backup));
    }

    @Test
    void aNewFileIsWrittenEvenWhenTheStoreIsEmpty() throws Exception {
        Map<String, String> empty = Map.of("PAPERBOY_DATA", dir.resolve("empty").toString());
        CliRun.open(empty).close();
        Path target = dir.resolve("new.jsonl");
        assertEquals(0, CliRun.run(empty, "export", "--out", target.toString()).exitCode());
        assertEquals("", Files.readString(target));
    }

    @Test
    void anUnwritableTargetFailsWithOneLineAndExit1() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        var r = CliRun.run(env(), "export", "--out", blocker.resolve("sub/papers.jsonl").toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("paperboy export: export: unable to write"), r.err());
    }
}
