package dev.paperboy.paper.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.bench.SyntheticPapers;
import dev.paperboy.db.Database;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.UpsertResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import killed with SIGKILL leaves whole batches only, and running it again completes it. */
class KillDuringImportTest {

    static final int BATCHES = 200;
    static final int SIZE = 50;

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesWholeBatchesAndRerunningCompletesIt() throws Exception {
        Path file = dir.resolve("paperboy.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ImportUntilKilled.class.getName(), file.toString(), String.valueOf(BATCHES), String.valueOf(SIZE))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int reported = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reported < 5 && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) reported = Integer.parseInt(line.substring(10));
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the process itself
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        }
        assertEquals(5, reported, "child stopped before committing 5 batches");

        try (Database db = Database.open(Database.sqliteUrl(file))) {
            JdbiPaperStore store = new JdbiPaperStore(db);
            long stored = store.count();
            assertTrue(stored >= 5L * SIZE && stored < (long) BATCHES * SIZE, "stored " + stored);
            assertEquals(0, stored % SIZE, "a batch was stored in part: " + stored);
            long hubRows = db.jdbi().withHandle(
                    h -> h.createQuery("SELECT COUNT(*) FROM hub_entries").mapTo(Long.class).one());
            assertEquals(stored, hubRows, "papers and their hub entries disagree");
            assertEquals(stored, store.lastSequence());
            int n = (int) stored;
            assertEquals(SyntheticPapers.paper(n - 1, true), store.find(SyntheticPapers.id(n - 1)).orElseThrow());

            int unchanged = 0, added = 0;
            for (int b = 0; b < BATCHES; b++) {
                List<Paper> batch = SyntheticPapers.range(b * SIZE, (b + 1) * SIZE, true);
                for (UpsertResult r : store.upsertAll(batch)) {
                    if (r == UpsertResult.UNCHANGED) unchanged++;
                    if (r == UpsertResult.NEW) added++;
                }
            }
            assertEquals(n, unchanged);
            assertEquals(BATCHES * SIZE - n, added);
            assertEquals(BATCHES * SIZE, store.count());
        }
    }
}
