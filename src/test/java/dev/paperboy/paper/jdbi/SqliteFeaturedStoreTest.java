package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import dev.paperboy.paper.PaperStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The featured-list store queries on SQLite. */
class SqliteFeaturedStoreTest extends FeaturedStoreContract {

    @TempDir
    Path dir;

    private Database db;

    @Override
    PaperStore openStore() {
        db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
        return new JdbiPaperStore(db);
    }

    @Override
    void closeStore() {
        if (db != null) db.close();
    }
}
