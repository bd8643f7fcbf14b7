package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.LensPapers;
import dev.paperboy.TestPapers;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lens in {@code paperboy export}, and {@code paperboy import} of such an export, on real SQLite stores. */
class ExportLensTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private List<Paper> stored;

    private Map<String, String> env(String name) {
        return Map.of("PAPERBOY_DATA", dir.resolve(name).toString());
    }

    private List<Paper> papersIn(String name) {
        List<Paper> out = new ArrayList<>();
        try (var app = CliRun.open(env(name))) {
            app.papers().forEach(out::add);
        }
        return out;
    }

    @BeforeEach
    void fill() {
        try (var app = CliRun.open(env("source"))) {
            app.papers().upsert(LensPapers.paper(LensPapers.LITESTAGE, "2025-10-16T00:00:00Z"));
            app.papers().upsert(TestPapers.full());
        }
        stored = papersIn("source");
    }

    private JsonNode exportedLine(String output, String id) throws Exception {
        for (String line : output.split("\n")) {
            JsonNode n = mapper.readTree(line);
            if (n.get("id").asText().equals(id)) return n;
        }
        throw new AssertionError("no line for " + id + " in " + output);
    }

    @Test
    void exportLinesCarryTheLensInTheApiShape() throws Exception {
        var r = CliRun.run(env("source"), "export");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode lens = exportedLine(r.out(), LensPapers.LITESTAGE).get("lens");
        assertEquals(LensExtractor.VERSION, lens.get("version").asInt());
        assertEquals("compute", lens.get("resources").get(0).asText());
        assertEquals("1.7× faster", lens.get("chip").asText());
        JsonNode claim = lens.get("claims").get(0);
        assertEquals("up to 1.70x", claim.get("text").asText()); // the hedge is part of the claim's text
        assertEquals("speedup", claim.get("kind").asText());
        assertTrue(claim.get("span").get("start").asInt() > claim.get("sentence").get("start").asInt(), claim.toString());

        JsonNode none = exportedLine(r.out(), "2403.12345").get("lens");
        assertEquals(0, none.get("claims").size(), none.toString());
        assertEquals("", none.get("chip").asText());
    }

    @Test
    void anExportImportsIntoAFreshStoreUnchanged() throws Exception {
        Path file = dir.resolve("papers.jsonl");
        assertEquals(0, CliRun.run(env("source"), "export", "--out", file.toString()).exitCode());
        assertTrue(Files.readString(file).contains("\"lens\":{"), "export has lens objects");

        var r = CliRun.run(env("restored"), "import", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(paperboy-export): 2 new, 0 updated, 0 unchanged, 0 failed"), r.out());
        assertEquals(stored, papersIn("restored"));
    }

    @Test
    void importIgnoresWhateverTheLensFieldHolds() throws Exception {
        var out = CliRun.run(env("source"), "export").out();
        StringBuilder edited = new StringBuilder();
        int i = 0;
        for (String line : out.split("\n")) {
            ObjectNode n = (ObjectNode) mapper.readTree(line);
            // A stale or hand-edited lens (wrong types, another version) must neither fail nor change the import.
            if (i++ % 2 == 0) n.put("lens", "not a lens");
            else n.putObject("lens").put("version", 99).put("claims", 7);
            edited.append(mapper.writeValueAsString(n)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("edited.jsonl"), edited);

        var r = CliRun.run(env("restored"), "import", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2 new, 0 updated, 0 unchanged, 0 failed"), r.out());
        assertEquals(stored, papersIn("restored"));
    }
}
