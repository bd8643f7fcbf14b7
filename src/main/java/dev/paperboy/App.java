package dev.paperboy;

import dev.paperboy.db.Database;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.web.Routes;
import dev.paperboy.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * The composition root: Config → Database → stores → services → web. The only place that names
 * concrete implementations; closes what it opened in reverse order.
 */
public final class App implements AutoCloseable {

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final PaperStore papers;
    // Everything opened, newest first, so close() runs in reverse order of opening.
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private boolean closed;

    private App(Config config, Clock clock, Database database, PaperStore papers) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.papers = papers;
        opened.push(database);
        if (papers instanceof AutoCloseable c) opened.push(c);
    }

    /** Opens the store named by the config with the production implementations. */
    public static App open(Config config, Clock clock) {
        return open(config, clock, App::paperStore);
    }

    /** Opens the store named by the config, building the paper store with {@code paperStores}. */
    public static App open(Config config, Clock clock, Function<Database, PaperStore> paperStores) {
        var problems = config.validate();
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        if (config.get(Config.Key.DB).isEmpty()) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("app: unable to create data directory " + config.dataDir(), e);
            }
        }
        Database db = Database.open(config.jdbcUrl());
        try {
            return new App(config, clock, db, paperStores.apply(db));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static PaperStore paperStore(Database db) {
        // Wired to dev.paperboy.paper.jdbi.JdbiPaperStore once the store branch is merged.
        throw new IllegalStateException("app: no paper store implementation is available in this build");
    }

    /** Starts the web server on the configured host and port; it is stopped first on close. */
    public synchronized WebServer startWeb() {
        if (closed) throw new IllegalStateException("app: already closed");
        var routes = new Routes(papers, clock, config.pageSize(), config.baseUrl());
        WebServer web = WebServer.start(config.host(), config.port(), routes);
        opened.push(web);
        return web;
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public PaperStore papers() {
        return papers;
    }

    /** Closes everything in reverse order of opening; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        RuntimeException failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("app: unable to close cleanly: " + e.getMessage(), e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
