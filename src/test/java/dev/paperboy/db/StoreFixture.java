package dev.paperboy.db;

import dev.paperboy.ingest.http.SimulatedTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An empty real database for each store contract test, on the dialect the subclass names: a new SQLite file, or
 * the test class's own PostgreSQL schema (made and migrated once per class, skipped with the reason when
 * PostgreSQL is unreachable) with every table emptied before each test. Time comes from a clock that moves only
 * when told, starting at {@link #T0} in each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreFixture {

    public static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    protected Path dir;

    protected SimulatedTime clock;
    protected Database db;
    private PgSchema schema;
    private int files;
    private final List<Database> others = new ArrayList<>();

    /** The database this test class runs on. */
    protected abstract Database.Dialect dialect();

    @BeforeEach
    void openStoreDatabase() {
        clock = new SimulatedTime(T0);
        if (dialect() == Database.Dialect.SQLITE) files++;
        db = Database.open(url());
        if (dialect() == Database.Dialect.POSTGRESQL) emptyTables(db);
    }

    @AfterEach
    void closeStoreDatabase() {
        for (Database d : others) d.close();
        others.clear();
        if (db != null) db.close();
    }

    @AfterAll
    void dropSchema() throws Exception {
        if (schema != null) schema.close();
    }

    /** The URL of this test's database. */
    protected String url() {
        return switch (dialect()) {
            case SQLITE -> Database.sqliteUrl(dir.resolve("paperboy-" + files + ".db"));
            case POSTGRESQL -> {
                if (schema == null) schema = PgSchema.createOrSkip();
                yield schema.url();
            }
        };
    }

    /** Another connection pool on the same database, as a second serve process would have; closed after the test. */
    protected Database secondProcess() {
        Database d = Database.open(url());
        others.add(d);
        return d;
    }

    private static void emptyTables(Database db) {
        db.jdbi().useHandle(h -> {
            List<String> tables = h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    + " AND tablename <> 'flyway_schema_history'").mapTo(String.class).list();
            if (!tables.isEmpty()) h.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        });
    }
}
