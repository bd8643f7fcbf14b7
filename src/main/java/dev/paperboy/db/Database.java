package dev.paperboy.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
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
