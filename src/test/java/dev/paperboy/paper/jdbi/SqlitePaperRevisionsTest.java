package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import dev.paperboy.paper.PaperStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The revisions contract on SQLite, one fresh file per test. */
class SqlitePaperRevisionsTest extends PaperRevisionsContract {

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

    @Override
    void refuseInsertsOf(String id) {
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER refuse_paper BEFORE INSERT ON papers"
                + " WHEN NEW.id = '" + id + "' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"));
    }
}
