package dev.paperboy.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aNewSqliteFileUsesWalAndLargePagesAndIsMigrated() {
        Path file = dir.resolve("sub/dir/paperboy.db");
        try (Database db = Database.open(Database.sqliteUrl(file))) {
            assertEquals(Database.Dialect.SQLITE, db.dialect());
            db.jdbi().useHandle(h -> {
                assertEquals(16_384, h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
                assertEquals("wal", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
                assertEquals(0, h.createQuery("SELECT COUNT(*) FROM papers").mapTo(Integer.class).one());
            });
        }
    }

    @Test
    void reopeningAnExistingFileKeepsItsData() {
        String url = Database.sqliteUrl(dir.resolve("paperboy.db"));
        try (Database db = Database.open(url)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO papers (id, version, title, authors, abstract, categories,"
                    + " keywords, versions, seq) VALUES ('x', 1, 't', '[]', '', '[]', '[]', '[]', 1)"));
        }
        try (Database db = Database.open(url)) {
            int count = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM papers")
                    .mapTo(Integer.class).one());
            assertEquals(1, count);
        }
    }

    @Test
    void theDefaultIsASqliteFileInTheDataDirectoryAndAConfiguredUrlWins() {
        assertEquals(Database.sqliteUrl(dir.resolve("paperboy.db")), Database.url(null, dir));
        assertEquals(Database.sqliteUrl(dir.resolve("paperboy.db")), Database.url("  ", dir));
        assertEquals("jdbc:postgresql://db:5432/pb", Database.url(" jdbc:postgresql://db:5432/pb ", dir));
        assertThrows(IllegalArgumentException.class, () -> Database.url("postgres://db/pb", dir));
    }

    @Test
    void anUnsupportedUrlIsRefusedWithItsPasswordMasked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://db/x?user=a&password=secret"));
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }
}
