package dev.paperboy.ingest;

import dev.paperboy.InMemoryPaperStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded random damage to every own fixture: the importer reports, never throws, and stores only what it counts. */
class ImportFuzzTest {

    @TempDir
    Path tmp;

    @Test
    void damagedFilesNeverEscapeAsExceptions() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> json = Files.list(FileImporterTest.JSON); Stream<Path> text = Files.list(FileImporterTest.TEXT)) {
            fixtures = Stream.concat(json, text).sorted().toList();
        }
        Random random = new Random(20261127L);
        InMemoryPaperStore store = new InMemoryPaperStore();
        FileImporter importer = new FileImporter(store, FileImporterTest.formats());
        long added = 0;
        for (int i = 0; i < 300; i++) {
            byte[] original = Files.readAllBytes(fixtures.get(random.nextInt(fixtures.size())));
            byte[] damaged = damage(original, random);
            Path file = Files.write(tmp.resolve("fuzz-" + i), damaged);
            ImportReport r = importer.importFile(file, ImportProgress.NONE);
            assertTrue(r.records() >= 0 && r.failures().size() <= FileImporter.MAX_FAILURE_MESSAGES, r.summaryLine());
            assertTrue(r.fileError().isPresent() || r.format() != null, r.summaryLine());
            // The importer turns a parser's RuntimeException into a file error; for a parser that is a bug.
            assertTrue(r.fileError().filter(e -> e.contains("unexpected error")).isEmpty(), r.summaryLine());
            added += r.added();
        }
        assertEquals(added, store.count(), "every stored paper was counted as new exactly once");
    }

    private static byte[] damage(byte[] in, Random random) {
        byte[] out = in.clone();
        switch (random.nextInt(4)) {
            case 0 -> { // flip some bytes
                for (int k = 0; k < 1 + random.nextInt(20); k++) out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length)); // truncate
            case 2 -> { // replace a run with structural characters
                int at = random.nextInt(out.length);
                for (int k = at; k < Math.min(out.length, at + 1 + random.nextInt(50)); k++) {
                    String alphabet = "{}[]\",:\n\\ 0";
                    out[k] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            default -> { // splice a copy of one part into another
                int from = random.nextInt(out.length), len = random.nextInt(out.length - from);
                byte[] spliced = new byte[out.length + len];
                int at = random.nextInt(out.length);
                System.arraycopy(out, 0, spliced, 0, at);
                System.arraycopy(out, from, spliced, at, len);
                System.arraycopy(out, at, spliced, at + len, out.length - at);
                out = spliced;
            }
        }
        return out;
    }
}
