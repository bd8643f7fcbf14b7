package dev.paperboy.ingest.harvest;

import dev.paperboy.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteHarvestStoreTest extends HarvestStoreContract {
    @TempDir
    Path dir;

    private Database db;
    private JdbiHarvestStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(dir);
        store = new JdbiHarvestStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    JdbiHarvestStore store() {
        return store;
    }
}
