package dev.paperboy.paper.jdbi;

import dev.paperboy.bench.SyntheticPapers;
import dev.paperboy.db.Database;
import java.nio.file.Path;

/** The child process of {@link KillDuringImportTest}: imports batches and reports each commit on stdout. */
public final class ImportUntilKilled {
    private ImportUntilKilled() {}

    /** Arguments: database file, number of batches, batch size. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int batches = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        try (Database db = Database.open(Database.sqliteUrl(file))) {
            JdbiPaperStore store = new JdbiPaperStore(db);
            for (int b = 0; b < batches; b++) {
                store.upsertAll(SyntheticPapers.range(b * size, (b + 1) * size, true));
                System.out.println("committed " + (b + 1));
                System.out.flush();
            }
        }
    }
}
