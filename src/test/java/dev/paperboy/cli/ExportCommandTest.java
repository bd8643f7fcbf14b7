package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.InMemoryPaperStore;
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

class ExportCommandTest {

    @TempDir
    Path dir;

    private final InMemoryPaperStore store = new InMemoryPaperStore();
    private List<Paper> stored;

    @BeforeEach
    void fill() {
        store.upsert(TestPapers.full());
        store.upsert(TestPapers.simple("hep-th/9901001", "A string theory classic", "1999-01-04T00:00:00Z"));
        store.upsert(TestPapers.simple("beir-0123456789abcdef", "Derived id, \"quotes\" and ünïcödé", "2020-05-05T00:00:00Z"));
        stored = new ArrayList<>();
        store.forEach(stored::add);
    }

    private Map<String, String> env() {
        return Map.of("PAPERBOY_DATA", dir.resolve("data").toString());
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
        var r = CliRun.run(env(), store, "export");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.out().lines().count(), r.out());
        assertEquals(stored, parse(r.out()));
        assertTrue(r.err().contains("export: 3 papers"), r.err());
    }

    @Test
    void exportToAFileWritesItWholeAndLeavesNoTempFiles() throws Exception {
        Path target = dir.resolve("backup/papers.jsonl");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content\n");
        var r = CliRun.run(env(), store, "export", "--out", target.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(stored, parse(Files.readString(target)));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void exportOfAnEmptyStoreIsEmpty() {
        var r = CliRun.run(env(), new InMemoryPaperStore(), "export");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("export: 0 papers"), r.err());
    }

    @Test
    void exportTakesTheDataDirectoryAsAFlag() {
        Path other = dir.resolve("elsewhere");
        var r = CliRun.run(Map.of(), store, "export", "--data", other.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(other.resolve("paperboy.db")), "store created in --data");
    }
}
