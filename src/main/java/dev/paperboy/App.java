package dev.paperboy;

import dev.paperboy.api.Json;
import dev.paperboy.api.PaperJsonLinesFormat;
import dev.paperboy.db.Database;
import dev.paperboy.ingest.FileImporter;
import dev.paperboy.ingest.arxiv.ArxivAtomFormat;
import dev.paperboy.ingest.arxiv.OaiPmhFormat;
import dev.paperboy.ingest.files.BeirCorpus;
import dev.paperboy.ingest.files.DailyListing;
import dev.paperboy.ingest.files.KaggleSnapshot;
import dev.paperboy.ingest.files.TextListing;
import dev.paperboy.ingest.harvest.ArxivApiClient;
import dev.paperboy.ingest.harvest.HarvestConfig;
import dev.paperboy.ingest.harvest.HarvestScheduler;
import dev.paperboy.ingest.harvest.Harvesters;
import dev.paperboy.ingest.harvest.HfHarvester;
import dev.paperboy.ingest.harvest.JdbiHarvestStore;
import dev.paperboy.ingest.harvest.OaiHarvester;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.huggingface.HfDailyPapers;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.web.Routes;
import dev.paperboy.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The composition root: Config → Database → stores → services → web. The only place that names
 * concrete implementations; closes what it opened in reverse order.
 */
public final class App implements AutoCloseable {
    /** The version sent in the User-Agent of harvest requests. */
    public static final String VERSION = "0.1.0";

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final PaperStore papers;
    // Everything opened, newest first, so close() runs in reverse order of opening.
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private boolean closed;
    private Harvesters harvesters;
    private HarvestScheduler harvestScheduler;

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
        return new JdbiPaperStore(db);
    }

    /** The file importer with every known format; the export format first, plain text last (it is the catch-all). */
    public FileImporter fileImporter() {
        return new FileImporter(papers, List.of(
                new PaperJsonLinesFormat(new Json()),
                new ArxivAtomFormat(),
                new OaiPmhFormat(),
                new HfDailyPapers(),
                new KaggleSnapshot(),
                new DailyListing(),
                new BeirCorpus(),
                new TextListing()));
    }

    /** Starts the web server on the configured host and port; it is stopped first on close. */
    public synchronized WebServer startWeb() {
        if (closed) throw new IllegalStateException("app: already closed");
        var routes = new Routes(papers, clock, config.pageSize(), config.baseUrl(),
                () -> harvestScheduler().map(HarvestScheduler::status).orElse(java.util.List.of()));
        WebServer web = WebServer.start(config.host(), config.port(), routes);
        opened.push(web);
        return web;
    }

    /** The harvesters, built on first use over one polite fetcher whose request times are shared via the store. */
    public synchronized Harvesters harvesters() {
        if (closed) throw new IllegalStateException("app: already closed");
        if (harvesters == null) {
            HarvestConfig hc = HarvestConfig.fromEnv(config.asEnv());
            JdbiHarvestStore states = new JdbiHarvestStore(database);
            // Jitter only needs to differ between processes; the seed is logged nowhere and never matters to tests.
            var random = new java.util.Random(System.nanoTime() ^ ProcessHandle.current().pid());
            PoliteFetcher fetcher = new PoliteFetcher(hc.fetchSettings(VERSION), clock, Sleeper.real(), random, states);
            opened.push(fetcher);
            String holder = holderName();
            harvesters = new Harvesters(hc, states,
                    new OaiHarvester(fetcher, papers, states, states, clock, holder, hc),
                    new ArxivApiClient(fetcher, papers, hc.apiUrl(), ArxivApiClient.MAX_PAGE),
                    new HfHarvester(fetcher, papers, states, states, clock, holder, hc));
        }
        return harvesters;
    }

    /** Starts the scheduled harvests (when enabled); they stop first on close. */
    public synchronized HarvestScheduler startHarvestScheduler() {
        if (harvestScheduler == null) {
            Harvesters h = harvesters();
            harvestScheduler = new HarvestScheduler(h.oai(), h.hf(), h.states(), clock, h.config());
            opened.push(harvestScheduler);
            harvestScheduler.start();
        }
        return harvestScheduler;
    }

    /** The running harvest scheduler, when {@code serve} started one. */
    public synchronized java.util.Optional<HarvestScheduler> harvestScheduler() {
        return java.util.Optional.ofNullable(harvestScheduler);
    }

    private static String holderName() {
        // No DNS look-up here: an offline machine must still start quickly.
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + ":" + ProcessHandle.current().pid() + ":" + java.util.UUID.randomUUID().toString().substring(0, 8);
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
