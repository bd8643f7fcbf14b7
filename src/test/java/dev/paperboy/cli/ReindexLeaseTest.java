package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestPapers;
import dev.paperboy.jobs.JdbiJobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reindex} is single-flight across processes: a lease named "reindex" in the store. */
class ReindexLeaseTest {

    @TempDir
    Path dir;

    @Test
    void aSecondReindexWhileOneRunsSaysSoAndLeavesTheIndexAlone() {
        Map<String, String> env = Map.of("PAPERBOY_DATA", dir.toString(), "PAPERBOY_EMBED", "false");
        try (var app = CliRun.open(env)) {
            app.papers().upsert(TestPapers.full());
            new JdbiJobStore(app.database()).tryAcquire("reindex", "another-process", Duration.ofMinutes(10),
                    CliRun.CLOCK.instant());
        }
        var r = CliRun.run(env, "reindex");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().endsWith("paperboy reindex: another reindex of this store is running (its lease is held); "
                + "try again when it has finished\n"), r.err());
    }

    @Test
    void aFinishedReindexRecordsItsOutcome() {
        Map<String, String> env = Map.of("PAPERBOY_DATA", dir.toString(), "PAPERBOY_EMBED", "false");
        try (var app = CliRun.open(env)) {
            app.papers().upsert(TestPapers.full());
        }
        assertEquals(0, CliRun.run(env, "reindex").exitCode());
        try (var app = CliRun.open(env)) {
            var status = new JdbiJobStore(app.database()).get("reindex");
            assertEquals(Optional.of("indexed 1 papers; embedding skipped"), status.lastSummary());
            assertEquals(Optional.of(CliRun.CLOCK.instant()), status.lastSuccessAt());
        }
    }
}
