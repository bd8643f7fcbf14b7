package dev.paperboy.search.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.paperboy.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same contract on SQLite and PostgreSQL. */
class EmbeddingStoreTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @TempDir
    Path dir;

    @Test
    void sqliteKeepsVectorsByPaperAndModel() {
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("e.db")))) {
            contract(db);
        }
    }

    @Test
    void postgresqlKeepsVectorsByPaperAndModel() throws SQLException {
        String schema = "pb_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(PG)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 is unreachable: " + e.getMessage());
        }
        try (Database db = Database.open(PG + "&currentSchema=" + schema)) {
            contract(db);
        } finally {
            try (Connection c = DriverManager.getConnection(PG)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void contract(Database db) {
        EmbeddingStore a = new EmbeddingStore(db.jdbi(), "model-a");
        EmbeddingStore b = new EmbeddingStore(db.jdbi(), "model-b");
        float[] v1 = {0.6f, 0.8f, 0f};
        float[] v2 = {0f, 0f, 1f};
        String h1 = a.contentHash("Title", "Abstract");
        a.saveAll(List.of(new EmbeddingStore.Stored("p1", h1, v1), new EmbeddingStore.Stored("p2", "h2", v2)));

        Map<String, EmbeddingStore.Stored> found = a.findAll(List.of("p1", "p2", "p3"));
        assertEquals(2, found.size());
        assertArrayEquals(v1, found.get("p1").vector());
        assertEquals(h1, found.get("p1").contentHash());
        assertEquals(0, b.findAll(List.of("p1")).size(), "vectors are per model");

        a.saveAll(List.of(new EmbeddingStore.Stored("p1", "h1b", v2)));
        assertArrayEquals(v2, a.findAll(List.of("p1")).get("p1").vector(), "a newer vector replaces the old");
        assertEquals(2, a.count());

        Map<String, String> current = new LinkedHashMap<>();
        current.put("p1", "h1b");
        current.put("p2", "changed");
        current.put("p3", "new");
        assertEquals(List.of("p2", "p3"), a.missing(current));
    }

    @Test
    void theContentHashDependsOnTextAndModel(@TempDir Path d) {
        try (Database db = Database.open(Database.sqliteUrl(d.resolve("h.db")))) {
            EmbeddingStore a = new EmbeddingStore(db.jdbi(), "model-a");
            EmbeddingStore b = new EmbeddingStore(db.jdbi(), "model-b");
            assertEquals(a.contentHash("T", "A"), a.contentHash("T", "A"));
            assertNotEquals(a.contentHash("T", "A"), a.contentHash("T", "B"));
            assertNotEquals(a.contentHash("T", "A"), b.contentHash("T", "A"));
        }
    }

    @Test
    void manyIdsAreLookedUpInChunks(@TempDir Path d) {
        try (Database db = Database.open(Database.sqliteUrl(d.resolve("m.db")))) {
            EmbeddingStore a = new EmbeddingStore(db.jdbi(), "m");
            List<EmbeddingStore.Stored> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 1234; i++) rows.add(new EmbeddingStore.Stored("p" + i, "h", new float[] {i}));
            a.saveAll(rows);
            List<String> ids = rows.stream().map(EmbeddingStore.Stored::paperId).toList();
            assertEquals(1234, a.findAll(ids).size());
        }
    }
}
