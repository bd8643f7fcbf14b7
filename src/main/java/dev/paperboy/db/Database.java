package dev.paperboy.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The connection pool, the schema migrations and the Jdbi handle: plumbing only, no feature queries. */
public final class Database implements AutoCloseable {

    /** The SQL dialects Paperboy runs on; each has its own migration folder. */
    public enum Dialect {
        SQLITE("sqlite"),
        POSTGRESQL("postgresql");

        final String folder;

        Dialect(String folder) {
            this.folder = folder;
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** The JDBC URL of the embedded store file, with WAL and a busy timeout applied. */
    public static String sqliteUrl(Path file) {
        // synchronous=NORMAL is durable against process crashes in WAL mode; only power loss can drop
        // the last commits, never corrupt the file.
        return "jdbc:sqlite:" + file.toAbsolutePath()
                + "?journal_mode=WAL&busy_timeout=5000&synchronous=NORMAL&foreign_keys=true";
    }

    /** The configured JDBC URL (e.g. {@code PAPERBOY_DB}) when set, else {@code paperboy.db} in the data directory. */
    public static String url(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            dialectOf(configured.strip());
            return configured.strip();
        }
        return sqliteUrl(dataDir.resolve("paperboy.db"));
    }

    /** Connects and brings the schema up to date. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = dialectOf(jdbcUrl);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setPoolName("paperboy-db");
        // SQLite has one writer at a time; a few readers in WAL mode are all it can use.
        cfg.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 16);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            // Write transactions take the write lock at BEGIN: a deferred transaction that reads and then
            // writes fails with SQLITE_BUSY (without waiting) when another connection wrote in between.
            cfg.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // 16 MB of page cache per connection (the default is 2 MB).
            cfg.addDataSourceProperty("cache_size", "-16384");
            createSqliteFile(jdbcUrl);
        } else {
            // Sends a batch of INSERTs as multi-row statements: several times faster for imports.
            cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new IllegalStateException("db: unable to connect to " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(ds)
                    // Plain Flyway has no {vendor} placeholder: the folder is chosen here, per dialect.
                    .locations("classpath:db/migration/" + dialect.folder)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new IllegalStateException("db: unable to migrate schema: " + rootMessage(e), e);
        }
        return new Database(ds, dialect);
    }

    /** Creates a new SQLite file with 16 KB pages and WAL; leaves an existing one alone. */
    private static void createSqliteFile(String jdbcUrl) {
        // Paper rows are ~2.4 KB, which fit 4 KB pages badly: 16 KB pages made the file 12% smaller.
        // The page size is fixed once the file is in WAL mode, and the driver applies URL pragmas with
        // journal_mode first, so both are set here, in this order, on a new file.
        int query = jdbcUrl.indexOf('?');
        String path = jdbcUrl.substring("jdbc:sqlite:".length(), query < 0 ? jdbcUrl.length() : query);
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) return;
        Path file = Path.of(path);
        try {
            if (Files.exists(file) && Files.size(file) > 0) return;
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = 16384");
                s.execute("PRAGMA journal_mode = WAL");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("db: unable to create SQLite file " + path + ": " + e.getMessage(), e);
        }
    }

    public static Dialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return Dialect.SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return Dialect.POSTGRESQL;
        throw new IllegalArgumentException("db: unsupported JDBC URL (want jdbc:sqlite: or jdbc:postgresql:): "
                + redact(jdbcUrl));
    }

    /** A JDBC URL with any password parameter masked, safe to log. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
