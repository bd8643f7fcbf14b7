package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.TestPapers;
import dev.paperboy.paper.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/import");
    private static final Path KAGGLE = Path.of("../shared/data/arxiv-sample/kaggle-arxiv-metadata-snapshot-first-200.jsonl");

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("PAPERBOY_DATA", dir.resolve("data").toString());
    }

    private CliRun.Result importFiles(String... files) {
        List<String> args = new ArrayList<>(List.of("import"));
        args.addAll(List.of(files));
        return CliRun.run(env(), args.toArray(String[]::new));
    }

    private List<Paper> stored() {
        List<Paper> out = new ArrayList<>();
        try (var app = CliRun.open(env())) {
            app.papers().forEach(out::add);
        }
        return out;
    }

    private static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    @Test
    void goodFileExits0WithASummaryLineAndATotal() {
        var r = importFiles(fixture("two-papers.jsonl"));
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains("two-papers.jsonl (paperboy-export): 2 new, 0 updated, 0 unchanged, 0 failed"),
                lines.get(0));
        assertEquals("total: 1 files, 2 new, 0 updated, 0 unchanged, 0 failed", lines.get(1));
        List<Paper> papers = stored();
        assertEquals(2, papers.size());
        assertEquals(TestPapers.full(), papers.getFirst());
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        importFiles(fixture("two-papers.jsonl"));
        var again = importFiles(fixture("two-papers.jsonl"));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("0 new, 0 updated, 2 unchanged, 0 failed"), again.out());
    }

    @Test
    void aFailedRecordIsListedAndExits1WhileTheRestIsStored() {
        var r = importFiles(fixture("one-bad-line.jsonl"));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("line 2"), r.err());
        assertTrue(r.out().contains("1 new, 0 updated, 0 unchanged, 1 failed"), r.out());
        assertEquals(1, stored().size());
    }

    @Test
    void recordsWithNonArxivCategoriesAreSummedUpAfterThreeUnlessVerbose() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            lines.append("{\"id\":\"2501.0000").append(i).append("\",\"authors\":\"A. Author\",\"title\":\"Paper ")
                    .append(i).append("\",\"categories\":\"cs.LG 68T07\",\"abstract\":\"An abstract.\",")
                    .append("\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 6 Jan 2025 10:00:00 GMT\"}]}\n");
        }
        Path file = dir.resolve("msc.jsonl");
        Files.writeString(file, lines);

        var quiet = importFiles(file.toString());
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertTrue(quiet.out().contains("7 new"), quiet.out());
        assertEquals(3, quiet.err().lines().filter(l -> l.contains("\"68T07\"")).count(), quiet.err());
        assertTrue(quiet.err().contains("… and 4 more records with categories that are not arXiv categories dropped"),
                quiet.err());
        assertTrue(stored().stream().allMatch(p -> p.categories().equals(List.of("cs.LG"))));

        var verbose = CliRun.run(Map.of("PAPERBOY_DATA", dir.resolve("data2").toString()), "import", "--verbose",
                file.toString());
        assertEquals(7, verbose.err().lines().filter(l -> l.contains("\"68T07\"")).count(), verbose.err());
        assertTrue(!verbose.err().contains("… and"), verbose.err());
    }

    @Test
    void anUnknownFormatExits2() {
        var r = importFiles(fixture("not-papers.csv"));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.out().contains("no known format"), r.out());
    }

    @Test
    void aMissingFileExits2AndTheOtherFilesStillImport() {
        var r = importFiles(dir.resolve("missing.jsonl").toString(), fixture("two-papers.jsonl"),
                fixture("one-bad-line.jsonl"));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(3, stored().size());
        assertTrue(r.out().contains("total: 3 files, 3 new, 0 updated, 0 unchanged, 1 failed, 1 unreadable files"),
                r.out());
    }

    @Test
    void onATerminalAProgressLineIsDrawnOnStderrAndErased() {
        var r = CliRun.runInteractive(env(), "import", fixture("two-papers.jsonl"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("\rimport: two-papers.jsonl 100%, 2 records"), r.err());
        assertTrue(r.err().endsWith("\r"), "progress line erased: " + r.err());
        assertTrue(r.out().startsWith(fixture("two-papers.jsonl")), "stdout holds only the summaries: " + r.out());
    }

    @Test
    void withoutATerminalThereIsNoProgressLine() {
        var r = importFiles(fixture("two-papers.jsonl"));
        assertTrue(!r.err().contains("\r"), r.err());
    }

    @Test
    void importWithoutFilesIsAUsageError() {
        assertEquals(2, importFiles().exitCode());
    }

    @Test
    void anExportImportsBackIntoAnEmptyStore() throws Exception {
        Map<String, String> sourceEnv = Map.of("PAPERBOY_DATA", dir.resolve("src").toString());
        List<Paper> before = new ArrayList<>();
        try (var source = CliRun.open(sourceEnv)) {
            source.papers().upsert(TestPapers.full());
            source.papers().upsert(TestPapers.simple("hep-th/9901001", "A string theory classic", "1999-01-04T00:00:00Z"));
            source.papers().forEach(before::add);
        }
        Path backup = dir.resolve("backup.jsonl");
        var exported = CliRun.run(sourceEnv, "export", "--out", backup.toString());
        assertEquals(0, exported.exitCode(), exported.err());

        var r = importFiles(backup.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(before, stored());
    }

    @Test
    void theKaggleSampleImportsCleanly() {
        assumeTrue(Files.isReadable(KAGGLE), "shared data missing: " + KAGGLE);
        var r = importFiles(KAGGLE.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(200, stored().size(), r.out());
    }
}
