package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.db.Database;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on the real store (SQLite): idempotent re-imports and the shared fixtures end to end. */
class SqliteImportTest {

    @TempDir
    Path dir;

    Database db;
    JdbiPaperStore store;
    FileImporter importer;

    @BeforeEach
    void open() {
        db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
        store = new JdbiPaperStore(db);
        importer = new FileImporter(store, FileImporterTest.formats());
    }

    @AfterEach
    void close() {
        db.close();
    }

    List<ImportReport> importAll(List<Path> files) {
        List<ImportReport> out = new ArrayList<>();
        for (Path f : files) out.add(importer.importFile(f, ImportProgress.NONE));
        return out;
    }

    static long sum(List<ImportReport> reports, java.util.function.ToLongFunction<ImportReport> f) {
        return reports.stream().mapToLong(f).sum();
    }

    @Test
    void ownFixturesImportOnceAndThenAreUnchanged() throws IOException {
        List<Path> files;
        try (Stream<Path> json = Files.list(FileImporterTest.JSON); Stream<Path> text = Files.list(FileImporterTest.TEXT)) {
            files = Stream.concat(json, text).sorted().toList();
        }
        List<ImportReport> first = importAll(files);
        assertEquals(33, sum(first, ImportReport::added), first.toString());
        assertEquals(7, sum(first, ImportReport::failed));
        List<ImportReport> second = importAll(files);
        assertEquals(0, sum(second, ImportReport::added));
        assertEquals(0, sum(second, ImportReport::updated), second.toString());
        assertEquals(33, sum(second, ImportReport::unchanged));

        Paper hf = store.find("2606.11111").orElseThrow();
        assertEquals(List.of(new HubEntry("hf", LocalDate.of(2026, 6, 12), "adaq", 42, 5, 310)), hf.hubEntries());
        assertEquals("https://github.com/example/quiet-gradients", hf.links().code());
        assertEquals(2, store.find("0704.0099").orElseThrow().versions().size());
    }

    @Test
    void everySharedFixtureImportsWithoutFailuresAndASecondRunChangesNothing() throws IOException {
        Path fixtures = Path.of("../shared/data/fixtures");
        assumeTrue(Files.isDirectory(fixtures), "shared test data absent: " + fixtures.toAbsolutePath().normalize());
        List<Path> files;
        try (Stream<Path> s = Files.list(fixtures)) {
            files = s.sorted().toList();
        }
        List<ImportReport> first = importAll(files);
        for (ImportReport r : first) {
            assertEquals(0, r.exitCode(), r.summaryLine() + " " + r.failures());
        }
        assertTrue(sum(first, ImportReport::added) > 700, first.toString());
        // A recorded OAI-PMH error response is a document without records, not a failure.
        ImportReport error = first.stream()
                .filter(r -> r.file().getFileName().toString().equals("arxiv-oai-error-noRecordsMatch-2015.xml"))
                .findFirst().orElseThrow();
        assertEquals(0, error.records());
        assertTrue(error.notes().stream().anyMatch(n -> n.contains("noRecordsMatch")), error.notes().toString());

        List<ImportReport> second = importAll(files);
        assertEquals(0, sum(second, ImportReport::added) + sum(second, ImportReport::updated), second.toString());
        assertEquals(sum(first, ImportReport::records), sum(second, ImportReport::unchanged));
        assertEquals(0, sum(second, ImportReport::failed));
    }
}
