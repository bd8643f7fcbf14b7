package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The paper store contract on SQLite, one fresh file per test. */
class SqlitePaperStoreTest extends PaperStoreContract {

    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
    }

    @Override
    void refuseInsertsOf(Database db, String id) {
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER refuse_paper BEFORE INSERT ON papers"
                + " WHEN NEW.id = '" + id + "' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"));
    }
}
