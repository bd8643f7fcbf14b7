package dev.paperboy.ingest.harvest;

import dev.paperboy.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;

/** Real databases for tests: a SQLite file in a temp dir, or a fresh PostgreSQL schema dropped afterwards. */
final class TestDatabases {
    static final String PG_BASE = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private TestDatabases() {}

    static Database sqlite(Path dir) {
        return Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
    }

    /** A fresh schema on the local PostgreSQL; skips the test (with the reason) when it is unreachable. */
    static String freshPgSchema() {
        String schema = "pb_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(PG_BASE + "&connectTimeout=3");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 is unreachable: " + e.getMessage());
        }
        return schema;
    }

    static String pgUrl(String schema) {
        return PG_BASE + "&currentSchema=" + schema;
    }

    static void dropPgSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_BASE);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("test: unable to drop schema " + schema, e);
        }
    }
}
