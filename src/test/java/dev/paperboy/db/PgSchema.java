package dev.paperboy.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty PostgreSQL schema for one test, dropped on close. Tests that need PostgreSQL call
 * {@link #createOrSkip()}, which skips them with the reason when the server is unreachable.
 */
public final class PgSchema implements AutoCloseable {

    /** The server tests use; {@code PAPERBOY_TEST_PG} overrides it. */
    public static final String BASE_URL = System.getenv().getOrDefault(
            "PAPERBOY_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String name;

    private PgSchema(String name) {
        this.name = name;
    }

    /** Creates {@code pb_<random>}, or aborts the calling test with a visible reason when PG is unreachable. */
    public static PgSchema createOrSkip() {
        String name = "pb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(withParameter(BASE_URL, "connectTimeout=3&loginTimeout=3"));
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            String reason = "PostgreSQL unreachable at " + Database.redact(BASE_URL) + ": " + e.getMessage();
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return new PgSchema(name);
    }

    public String name() {
        return name;
    }

    /** A JDBC URL whose connections use this schema. */
    public String url() {
        return withParameter(BASE_URL, "currentSchema=" + name);
    }

    /** The URL with query parameters appended. */
    public static String withParameter(String url, String parameters) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + parameters;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
