package dev.paperboy.ingest;

import dev.paperboy.InMemoryPaperStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.arxiv.ArxivAtomFormat;
import dev.paperboy.ingest.arxiv.OaiPmhFormat;
import dev.paperboy.ingest.files.BeirCorpus;
import dev.paperboy.ingest.files.DailyListing;
import dev.paperboy.ingest.files.KaggleSnapshot;
import dev.paperboy.ingest.files.TextListing;
import dev.paperboy.ingest.huggingface.HfDailyPapers;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImporterTest {

    static final Path JSON = Path.of("src/test/resources/fixtures/json");
    static final Path TEXT = Path.of("src/test/resources/fixtures/text");

    @TempDir
    Path tmp;

    final InMemoryPaperStore store = new InMemoryPaperStore();
    final FileImporter importer = new FileImporter(store, formats());

    /** Every importable format, catch-all text last, as the application lists them. */
    static List<FileFormat> formats() {
        return List.of(new ArxivAtomFormat(), new OaiPmhFormat(), new HfDailyPapers(), new KaggleSnapshot(), new DailyListing(), new BeirCorpus(),
                new TextListing());
    }

    ImportReport importFile(Path file) {
        return importer.importFile(file, ImportProgress.NONE);
    }

    /** Daily-listing lines with ids 2501.00001 … */
    static String listingLines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(String.format("{\"id\":\"2501.%05d\",\"title\":\"Generated Paper %d\",\"authors\":[\"A B\"],"
                    + "\"categories\":[\"cs.CL\"],\"summary\":\"Abstract %d.\",\"first_listing_date\":\"2025-01-02\"}\n",
                    i, i, i));
        }
        return sb.toString();
    }

    Path gzip(String name, byte[] content) throws IOException {
        Path out = tmp.resolve(name);
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out))) {
            os.write(content);
        }
        return out;
    }

    @Test
    void everyOwnFixtureIsDetectedAndImported() {
        record Expect(Path file, String format, long added, long failed) {}
        List<Expect> cases = List.of(
                new Expect(JSON.resolve("hf-daily-small.json"), "hf-daily", 3, 1),
                new Expect(JSON.resolve("hf-paper-single.json"), "hf-daily", 1, 0),
                new Expect(JSON.resolve("kaggle-small.jsonl"), "kaggle-snapshot", 3, 2),
                new Expect(JSON.resolve("daily-listing-small.jsonl"), "daily-listing", 3, 2),
                new Expect(JSON.resolve("beir-corpus-small.jsonl"), "beir-corpus", 3, 2),
                new Expect(TEXT.resolve("hf-papers-page.txt"), "text-listing", 4, 0),
                new Expect(TEXT.resolve("arxiv-listing.txt"), "text-listing", 3, 0),
                new Expect(TEXT.resolve("hf-papers-page-urls.txt"), "text-listing", 9, 0),
                new Expect(TEXT.resolve("arxiv-listing-urls.txt"), "text-listing", 4, 0));
        for (Expect c : cases) {
            ImportReport r = importFile(c.file);
            assertEquals(c.format, r.format(), c.file.toString());
            assertEquals(c.added, r.added(), r.summaryLine());
            assertEquals(c.failed, r.failed(), r.summaryLine());
            assertEquals(Optional.empty(), r.fileError());
            assertEquals(c.failed > 0 ? 1 : 0, r.exitCode());
        }
        assertEquals(3 + 1 + 3 + 3 + 3 + 4 + 3 + 9 + 4, store.count());
    }

    @Test
    void paperLikeParagraphsSkippedInATextListingAreCountedInTheSummaryAndToldWithTheirLine() throws IOException {
        String prose = "This paragraph has more than enough words to look like an abstract of a paper. "
                + "It has several sentences, and it ends with a full stop. It goes on for a while longer to pass "
                + "the length test that abstracts must pass before they count.";
        Path file = Files.writeString(tmp.resolve("page.txt"), "A Paper That Is Taken\n\n" + prose + "\n\n"
                + "A Paper Whose Title Ends With A Colon:\n\n" + prose + "\n");
        ImportReport r = importFile(file);
        assertEquals(1, r.added());
        assertEquals(1, r.skipped());
        assertEquals(0, r.exitCode(), "a skipped paragraph is no failure");
        assertEquals(file + " (text-listing): 1 new, 0 updated, 0 unchanged, 0 failed; skipped 1 paper-like paragraph",
                r.summaryLine());
        assertEquals(List.of(file + ":line 5: skipped paper-like paragraph: \"A Paper Whose Title Ends With A Colon:\""
                + " is followed by an abstract but is no title (it ends with ':')"), r.notes());
        assertTrue(ImportReport.totalLine(List.of(r)).endsWith("; skipped 1 paper-like paragraph"));
    }

    @Test
    void anOaiRecordWithoutTitleOrWithAnOversizedFieldFailsWithItsPlace() throws IOException {
        String page = Files.readString(Path.of("src/test/resources/fixtures/harvest/oai-cs-page2.xml"))
                .replace("<title>Auditing Data Deletion in Federated Learning</title>", "")
                .replace("<forenames>Omar</forenames>", "")
                .replace("<forenames>S{\\o}ren</forenames>", "<forenames>" + "S".repeat(600) + "</forenames>");
        Path file = Files.writeString(tmp.resolve("oai.xml"), page);
        ImportReport r = importFile(file);
        assertEquals(0, r.added());
        assertEquals(2, r.failed());
        assertEquals(List.of(file + ":record 1 (2611.04391): author name longer than 500 characters",
                file + ":record 3 (2611.04455): missing title"), r.failures());
        assertEquals(0, store.count());
    }

    @Test
    void failuresNameTheFileAndTheLine() {
        ImportReport r = importFile(JSON.resolve("kaggle-small.jsonl"));
        assertEquals(2, r.failures().size());
        assertTrue(r.failures().get(0).startsWith(JSON.resolve("kaggle-small.jsonl") + ":line 2: malformed JSON"),
                r.failures().get(0));
        assertEquals(JSON.resolve("kaggle-small.jsonl") + ":line 4 (0704.0100): title is not a string but an array",
                r.failures().get(1));
        assertEquals(JSON.resolve("kaggle-small.jsonl") + " (kaggle-snapshot): 3 new, 0 updated, 0 unchanged, 2 failed",
                r.summaryLine());
    }

    @Test
    void aSecondImportFindsEverythingUnchanged() {
        ImportReport first = importFile(JSON.resolve("hf-daily-small.json"));
        ImportReport second = importFile(JSON.resolve("hf-daily-small.json"));
        assertEquals(3, first.added());
        assertEquals(0, second.added());
        assertEquals(0, second.updated());
        assertEquals(3, second.unchanged());
    }

    @Test
    void gzippedFilesAreDetectedByTheirMagicBytes() throws IOException {
        Path gz = gzip("listing.dat", Files.readAllBytes(JSON.resolve("daily-listing-small.jsonl")));
        ImportReport r = importFile(gz);
        assertEquals("daily-listing", r.format());
        assertEquals(3, r.added());
        assertEquals("Listing Record One", store.find("2504.00001").orElseThrow().title());
    }

    @Test
    void aTruncatedGzipKeepsWhatWasReadAndMarksTheFileUnreadable() throws IOException {
        byte[] whole = Files.readAllBytes(gzip("whole.jsonl.gz", listingLines(20_000).getBytes(StandardCharsets.UTF_8)));
        Path cut = tmp.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        ImportReport r = importFile(cut);
        assertEquals("daily-listing", r.format());
        assertTrue(r.fileError().orElseThrow().startsWith("unable to read after "), r.fileError().toString());
        assertTrue(r.added() > 1_000 && r.added() < 20_000, r.summaryLine());
        assertEquals(r.added(), store.count());
        assertEquals(2, r.exitCode());
    }

    @Test
    void emptyBinaryAndUnknownFilesHaveNoKnownFormat() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.jsonl"));
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        Path binary = Files.write(tmp.resolve("noise.bin"), noise);
        Path csv = Files.writeString(tmp.resolve("papers.csv"), "id,title\n2501.00001,Some Title\n");
        Path json = Files.writeString(tmp.resolve("other.json"), "{\"name\":\"not a paper\"}\n");
        assertEquals(Optional.of("empty file, no known format"), importFile(empty).fileError());
        for (Path p : List.of(binary, csv, json)) {
            ImportReport r = importFile(p);
            assertEquals(Optional.of("no known format"), r.fileError(), p.toString());
            assertEquals(2, r.exitCode());
            assertTrue(r.summaryLine().endsWith("(unknown format): 0 new, 0 updated, 0 unchanged, 0 failed; error: no known format"),
                    r.summaryLine());
        }
        assertEquals(0, store.count());
    }

    @Test
    void missingFilesAndDirectoriesAreUnreadable() {
        assertTrue(importFile(tmp.resolve("missing.json")).fileError().orElseThrow().startsWith("unable to open"));
        assertEquals(Optional.of("is a directory"), importFile(tmp).fileError());
    }

    @Test
    void bigFilesGoInBatchesWithProgress() throws IOException {
        Path file = Files.writeString(tmp.resolve("big.jsonl"), listingLines(2_500));
        List<long[]> updates = new ArrayList<>();
        ImportReport r = importer.importFile(file, (records, bytes, total) -> updates.add(new long[] {records, bytes, total}));
        assertEquals(2_500, r.added());
        assertEquals(List.of(1_000L, 2_000L, 2_500L, 2_500L), updates.stream().map(u -> u[0]).toList());
        long size = Files.size(file);
        assertEquals(size, updates.getLast()[1]);
        assertTrue(updates.stream().allMatch(u -> u[2] == size));
    }

    @Test
    void aRecordTheStoreRefusesFailsAloneAndItsBatchIsKept() throws IOException {
        store.poisonId = "2501.00007";
        ImportReport r = importFile(Files.writeString(tmp.resolve("p.jsonl"), listingLines(10)));
        assertEquals(9, r.added());
        assertEquals(1, r.failed());
        assertTrue(r.failures().getFirst().endsWith(
                ":line 7 (2501.00007): store: unable to save: constraint violated by 2501.00007"), r.failures().getFirst());
    }

    @Test
    void aKillMidImportLosesOnlyTheCurrentBatchAndARerunCompletesIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("k.jsonl"), listingLines(2_500));
        store.crashAfter = 1_500;
        assertThrows(InMemoryPaperStore.SimulatedKill.class, () -> importFile(file));
        assertEquals(1_000, store.count(), "the first batch committed, the second rolled back");
        store.crashAfter = -1;
        ImportReport rerun = importFile(file);
        assertEquals(1_500, rerun.added());
        assertEquals(1_000, rerun.unchanged());
    }

    @Test
    void theImporterChecksLimitsForEveryFormat() throws IOException {
        FileFormat careless = new FileFormat() {
            @Override
            public String name() {
                return "careless";
            }

            @Override
            public boolean sniff(String head, String fileName) {
                return true;
            }

            @Override
            public void read(InputStream in, RecordSink sink) {
                sink.accept(Paper.builder("x-1")
                        .title("T".repeat(100_000))
                        .source("test")
                        .build());
                sink.accept(Paper.builder("x-2")
                        .title("Fine")
                        .source("test")
                        .build());
                sink.note("one note");
            }
        };
        Path any = Files.writeString(tmp.resolve("any.txt"), "anything");
        ImportReport r = new FileImporter(store, List.of(careless)).importFile(any, ImportProgress.NONE);
        assertEquals(1, r.added());
        assertEquals(List.of(any + ":record 1 (x-1): title is 100000 characters (limit 2000)"), r.failures());
        assertEquals(List.of(any + ": one note"), r.notes());
    }

    @Test
    void theTotalLineAddsUpFiles() {
        ImportReport a = importFile(JSON.resolve("hf-daily-small.json"));
        ImportReport b = importFile(tmp.resolve("missing"));
        assertEquals("total: 2 files, 3 new, 0 updated, 0 unchanged, 1 failed, 1 unreadable files",
                ImportReport.totalLine(List.of(a, b)));
    }
}
