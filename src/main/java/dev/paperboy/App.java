package dev.paperboy;

import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.LoginTokenStore;
import dev.paperboy.account.SessionStore;
import dev.paperboy.account.UserStore;
import dev.paperboy.account.jdbi.JdbiAccessTokenStore;
import dev.paperboy.account.jdbi.JdbiLoginTokenStore;
import dev.paperboy.account.jdbi.JdbiSessionStore;
import dev.paperboy.account.jdbi.JdbiUserStore;
import dev.paperboy.api.Json;
import dev.paperboy.api.PaperJsonLinesFormat;
import dev.paperboy.community.AccountDeletion;
import dev.paperboy.community.CollectionStore;
import dev.paperboy.community.CommentStore;
import dev.paperboy.community.ModerationStore;
import dev.paperboy.community.PaperCounts;
import dev.paperboy.community.SubmissionStore;
import dev.paperboy.community.Submissions;
import dev.paperboy.community.VoteStore;
import dev.paperboy.community.jdbi.JdbiAccountDeletion;
import dev.paperboy.community.jdbi.JdbiCollectionStore;
import dev.paperboy.community.jdbi.JdbiCommentStore;
import dev.paperboy.community.jdbi.JdbiModerationStore;
import dev.paperboy.community.jdbi.JdbiPaperCounts;
import dev.paperboy.community.jdbi.JdbiSubmissionStore;
import dev.paperboy.community.jdbi.JdbiVoteStore;
import dev.paperboy.db.Database;
import dev.paperboy.ingest.FileImporter;
import dev.paperboy.ingest.arxiv.ArxivAtomFormat;
import dev.paperboy.ingest.arxiv.OaiPmhFormat;
import dev.paperboy.ingest.files.BeirCorpus;
import dev.paperboy.ingest.files.DailyListing;
import dev.paperboy.ingest.files.KaggleSnapshot;
import dev.paperboy.ingest.files.TextListing;
import dev.paperboy.ingest.harvest.ArxivApiClient;
import dev.paperboy.ingest.harvest.ArxivRejection;
import dev.paperboy.ingest.harvest.HarvestException;
import dev.paperboy.ingest.harvest.HarvestConfig;
import dev.paperboy.ingest.harvest.HarvestScheduler;
import dev.paperboy.ingest.harvest.Harvesters;
import dev.paperboy.ingest.harvest.HfHarvester;
import dev.paperboy.ingest.harvest.JdbiHarvestStore;
import dev.paperboy.ingest.harvest.OaiHarvester;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.huggingface.HfDailyPapers;
import dev.paperboy.jobs.JdbiJobStore;
import dev.paperboy.jobs.Job;
import dev.paperboy.jobs.Jobs;
import dev.paperboy.mail.LogMailer;
import dev.paperboy.mail.Mailer;
import dev.paperboy.mail.SmtpMailer;
import dev.paperboy.mail.SmtpSettings;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.search.BeirEvaluator;
import dev.paperboy.search.Fusion;
import dev.paperboy.search.SearchBackground;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchIndexer;
import dev.paperboy.search.SearchService;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.lucene.LuceneIndex;
import dev.paperboy.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: Config → Database → stores → services → web. The only place that names
 * concrete implementations; closes what it opened in reverse order.
 */
public final class App implements AutoCloseable {
    /** The version sent in the User-Agent of harvest requests. */
    public static final String VERSION = "0.1.0";

    private static final Logger log = LoggerFactory.getLogger(App.class);
    // serve applies store changes this often, so a stored paper is searchable within ~1.5 s.
    private static final Duration CATCH_UP = Duration.ofSeconds(1);
    // A job renews its lease well within this; a crashed holder's lease frees itself after it.
    private static final Duration JOB_LEASE_TTL = Duration.ofMinutes(10);
    // Someone waits on a submission's arXiv look-up: two attempts, not the harvest's patient backoff.
    private static final int SUBMIT_FETCH_ATTEMPTS = 2;

    /** Where vectors come from: the model's id (known without loading it) and how to load it. */
    public record Embedding(String modelId, Supplier<? extends Embedder> loader) {
        /** The production model, bge-small-en-v1.5 (int8) on ONNX Runtime. */
        public static Embedding onnx() {
            return new Embedding(OnnxEmbedder.MODEL_ID, OnnxEmbedder::load);
        }
    }

    /** The search parts, opened together on first use; {@code embedder} is empty when embedding is off. */
    public record Search(SearchService service, SearchIndexer indexer, Optional<Embedder> embedder) {}

    /** The account stores (docs/community.md). */
    public record Accounts(UserStore users, LoginTokenStore loginTokens, SessionStore sessions,
            AccessTokenStore accessTokens) {}

    /** The community stores (docs/community.md). */
    public record CommunityStores(VoteStore votes, CommentStore comments, CollectionStore collections,
            SubmissionStore submissions, ModerationStore moderation, PaperCounts counts, AccountDeletion deletion) {}

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final PaperStore papers;
    private final Embedding embedding;
    private Search search;
    private SearchBackground searchBackground;
    // Everything opened, newest first, so close() runs in reverse order of opening.
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private boolean closed;
    private Harvesters harvesters;
    private HarvestScheduler harvestScheduler;
    private Jobs jobs;
    private Mailer mailer;
    private Accounts accounts;
    private CommunityStores community;
    private Submissions submissions;
    // Who holds this process's leases: unique per process and App.
    private final String holder = holderName();

    private App(Config config, Clock clock, Database database, PaperStore papers, Embedding embedding) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.papers = papers;
        this.embedding = embedding;
        opened.push(database);
        if (papers instanceof AutoCloseable c) opened.push(c);
    }

    /** Opens the store named by the config with the production implementations. */
    public static App open(Config config, Clock clock) {
        return open(config, clock, App::paperStore);
    }

    /** Opens the store named by the config, building the paper store with {@code paperStores}. */
    public static App open(Config config, Clock clock, Function<Database, PaperStore> paperStores) {
        return open(config, clock, paperStores, Embedding.onnx());
    }

    /** Opens the store named by the config, with the given paper store and embedding model (tests use small ones). */
    public static App open(Config config, Clock clock, Function<Database, PaperStore> paperStores,
            Embedding embedding) {
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
            return new App(config, clock, db, paperStores.apply(db), embedding);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Why the store this config names is missing, when it is: an SQLite file that does not exist (yet).
     * Only {@code serve}, {@code import} and {@code harvest} create a store; other commands check this
     * first, so that a mistyped {@code --data} fails instead of reading, or exporting, an empty new store.
     */
    public static Optional<String> missingStore(Config config) {
        Optional<Path> file = sqliteFile(config.jdbcUrl());
        if (file.isEmpty()) return Optional.empty(); // PostgreSQL: a wrong URL fails to connect on its own
        try {
            if (Files.isRegularFile(file.get()) && Files.size(file.get()) > 0) return Optional.empty();
        } catch (IOException e) {
            // unreadable: report it as missing below
        }
        String where = config.get(Config.Key.DB).isEmpty()
                ? "no store in " + config.dataDir() + " (no paperboy.db there; check --data / PAPERBOY_DATA)"
                : "no store at " + file.get() + " (check --db / PAPERBOY_DB)";
        return Optional.of(where + "; `serve`, `import` or `harvest` create one");
    }

    /** The file of an SQLite JDBC URL; empty for PostgreSQL, in-memory and {@code file:} URLs. */
    private static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) return Optional.empty();
        int query = jdbcUrl.indexOf('?');
        String path = jdbcUrl.substring("jdbc:sqlite:".length(), query < 0 ? jdbcUrl.length() : query);
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) return Optional.empty();
        return Optional.of(Path.of(path));
    }

    private static PaperStore paperStore(Database db) {
        return new JdbiPaperStore(db);
    }

    /** The account stores over this app's database, built on first use; secrets come from a {@link SecureRandom}. */
    public synchronized Accounts accounts() {
        if (closed) throw new IllegalStateException("app: already closed");
        if (accounts == null) {
            SecureRandom random = new SecureRandom();
            accounts = new Accounts(new JdbiUserStore(database, clock), new JdbiLoginTokenStore(database, clock, random),
                    new JdbiSessionStore(database, clock, random, SessionStore.DEFAULT_LIFETIMES),
                    new JdbiAccessTokenStore(database, clock, random));
        }
        return accounts;
    }

    /** The community stores over this app's database, built on first use. */
    public synchronized CommunityStores community() {
        if (closed) throw new IllegalStateException("app: already closed");
        if (community == null) {
            community = new CommunityStores(new JdbiVoteStore(database, clock), new JdbiCommentStore(database, clock),
                    new JdbiCollectionStore(database, clock), new JdbiSubmissionStore(database, clock),
                    new JdbiModerationStore(database, clock), new JdbiPaperCounts(database),
                    new JdbiAccountDeletion(database));
        }
        return community;
    }

    /**
     * Submitting papers (docs/community.md, "Submitting"): a paper not in the store is looked up through the
     * harvesters' arXiv API client, so its polite fetcher (one request at a time per host, the interval shared through
     * the store by every process) applies; built on first use.
     */
    public synchronized Submissions submissions() {
        if (closed) throw new IllegalStateException("app: already closed");
        if (submissions == null) {
            ArxivApiClient api = harvesters().api();
            Submissions.ArxivLookup lookup = id -> {
                try {
                    return api.fetch(id, SUBMIT_FETCH_ATTEMPTS);
                } catch (ArxivRejection e) {
                    throw new Submissions.LookupException(e.getMessage(), true, e);
                } catch (HarvestException e) {
                    throw new Submissions.LookupException(e.getMessage(), false, e);
                }
            };
            submissions = new Submissions(papers, community().submissions(), lookup, clock,
                    config.integer(Config.Key.SUBMIT_DAILY_LIMIT));
        }
        return submissions;
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

    /**
     * Opens the search index under {@code <data>/index} (rebuilding it from the store when it is missing,
     * corrupt or outdated, catching up when it is behind the store, reporting to {@code progress}; a running
     * {@code serve} holding it is an {@link dev.paperboy.search.IndexInUseException}), the vectors and, unless
     * embedding is off, the embedder, which loads its model on first use. Later calls return the same parts.
     */
    public synchronized Search search(SearchIndexer.Progress progress) {
        if (closed) throw new IllegalStateException("app: already closed");
        if (search == null) {
            LuceneIndex index = LuceneIndex.open(config.dataDir().resolve("index"), embedding.modelId(),
                    SearchDefaults.fusion());
            SearchIndexer indexer = new SearchIndexer(papers, index,
                    new EmbeddingStore(database.jdbi(), embedding.modelId()));
            try {
                // Missing, corrupt, outdated or behind the store (a killed import): fixed here, for every command.
                indexer.bringUpToDate(progress);
            } catch (RuntimeException e) {
                // Release the index's write lock so a later attempt (or another process) can open it.
                index.close();
                throw e;
            }
            opened.push(index);
            Embedder embedder = config.embed() ? new LazyEmbedder(embedding) : null;
            if (embedder != null) opened.push(embedder);
            search = new Search(new SearchService(index, embedder), indexer, Optional.ofNullable(embedder));
        }
        return search;
    }

    /** What {@code eval} runs on: a BEIR evaluator and what it opened (the vector cache and the model). */
    public record EvalParts(BeirEvaluator evaluator, List<AutoCloseable> parts) implements AutoCloseable {
        @Override
        public void close() {
            for (AutoCloseable c : parts.reversed()) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.warn("eval: unable to close {}: {}", c, e.getMessage());
                }
            }
        }
    }

    /** The eval command's parts with the production model. */
    public static EvalParts evaluation(Path vectorsFile, boolean dense, Fusion fusion, SearchIndexer.Progress progress) {
        return evaluation(Embedding.onnx(), vectorsFile, dense, fusion, progress);
    }

    /**
     * The parts of {@code eval}, apart from any store: an evaluator over a temporary index and, when the run
     * is {@code dense} or hybrid, the model and its passage vectors cached in the SQLite file {@code vectorsFile}.
     */
    public static EvalParts evaluation(Embedding embedding, Path vectorsFile, boolean dense, Fusion fusion,
            SearchIndexer.Progress progress) {
        if (!dense) return new EvalParts(new BeirEvaluator(null, null, fusion, LuceneIndex::open, progress), List.of());
        Database vectors = Database.open(Database.sqliteUrl(vectorsFile));
        try {
            Embedder embedder = embedding.loader().get();
            return new EvalParts(new BeirEvaluator(embedder, new EmbeddingStore(vectors.jdbi(), embedder.modelId()),
                    fusion, LuceneIndex::open, progress), List.of(vectors, embedder));
        } catch (RuntimeException e) {
            vectors.close();
            throw e;
        }
    }

    /** How many stored papers have no vector yet under the configured model (what embedding still has to do). */
    public long embeddingBacklog() {
        return new EmbeddingStore(database.jdbi(), embedding.modelId()).countMissing();
    }

    /** Applies store changes to the index every second and embeds new papers in the background (serve). */
    public synchronized SearchBackground startSearchBackground() {
        if (searchBackground == null) {
            Search s = search(SearchIndexer.Progress.NONE);
            searchBackground = new SearchBackground(s.indexer(), s.embedder().orElse(null), jobs(), CATCH_UP);
            opened.push(searchBackground);
            searchBackground.start();
        }
        return searchBackground;
    }

    /** Starts the web server on the configured host and port; it is stopped first on close. */
    public synchronized WebServer startWeb() {
        return startWeb(SearchIndexer.Progress.NONE);
    }

    /**
     * Starts the web server with search (opening the index first, see {@link #search}); when the index
     * cannot be opened the site still serves papers and search answers 503.
     */
    public synchronized WebServer startWeb(SearchIndexer.Progress progress) {
        if (closed) throw new IllegalStateException("app: already closed");
        Optional<SearchService> searchService = Optional.empty();
        try {
            searchService = Optional.of(search(progress).service());
        } catch (RuntimeException e) {
            log.error("search: unavailable, the site serves papers without it: {}", e.getMessage(), e);
        }
        WebServer web = WebServer.start(config.host(), config.port(), new WebWiring(this).routes(searchService));
        opened.push(web);
        return web;
    }

    /** The harvesters, built on first use over one polite fetcher whose request times are shared via the store. */
    public synchronized Harvesters harvesters() {
        if (closed) throw new IllegalStateException("app: already closed");
        if (harvesters == null) {
            HarvestConfig hc = harvestConfig(config);
            JdbiHarvestStore states = new JdbiHarvestStore(database);
            // Jitter only needs to differ between processes; the seed is logged nowhere and never matters to tests.
            var random = new java.util.Random(System.nanoTime() ^ ProcessHandle.current().pid());
            PoliteFetcher fetcher = new PoliteFetcher(hc.fetchSettings(VERSION), clock, Sleeper.real(), random, states);
            opened.push(fetcher);
            harvesters = new Harvesters(hc, states,
                    new OaiHarvester(fetcher, papers, states, states, clock, holder, hc),
                    new ArxivApiClient(fetcher, papers, hc.apiUrl(), ArxivApiClient.MAX_PAGE),
                    new HfHarvester(fetcher, papers, states, states, clock, holder, hc));
        }
        return harvesters;
    }

    /** The harvest settings of a config: the one place that maps {@link Config} keys to them. */
    public static HarvestConfig harvestConfig(Config c) {
        var categories = HarvestConfig.categories(c.get(Config.Key.HARVEST_CATEGORIES));
        return new HarvestConfig(
                c.get(Config.Key.ARXIV_OAI_URL),
                c.get(Config.Key.ARXIV_API_URL),
                c.get(Config.Key.HF_URL),
                c.get(Config.Key.CONTACT),
                c.seconds(Config.Key.HARVEST_INTERVAL_SECONDS),
                c.seconds(Config.Key.HARVEST_CONNECT_TIMEOUT_SECONDS),
                c.seconds(Config.Key.HARVEST_READ_TIMEOUT_SECONDS),
                c.integer(Config.Key.HARVEST_MAX_ATTEMPTS),
                categories,
                HarvestConfig.oaiSets(c.get(Config.Key.HARVEST_OAI_SETS), categories),
                c.get(Config.Key.HARVEST_OAI_FORMAT),
                c.integer(Config.Key.HARVEST_LOOKBACK_DAYS),
                c.timeOfDay(Config.Key.HARVEST_OAI_AT),
                c.zone(Config.Key.HARVEST_OAI_ZONE),
                Duration.ofMinutes(c.integer(Config.Key.HARVEST_HF_EVERY_MINUTES)),
                Duration.ofMinutes(c.integer(Config.Key.HARVEST_RETRY_MINUTES)),
                c.seconds(Config.Key.HARVEST_START_DELAY_SECONDS),
                JOB_LEASE_TTL,
                c.isTrue(Config.Key.HARVEST_ENABLED));
    }

    /**
     * The long jobs of this process (harvests, reindex, background embedding; digests can be added as
     * {@link Job}s): single-flight across processes through the store's leases, last outcomes recorded.
     */
    public synchronized Jobs jobs() {
        if (closed) throw new IllegalStateException("app: already closed");
        if (jobs == null) {
            JdbiJobStore store = new JdbiJobStore(database);
            jobs = new Jobs(store, store, clock, holder, JOB_LEASE_TTL);
            opened.push(jobs);
        }
        return jobs;
    }

    /** Schedules the harvests as jobs and starts the scheduled jobs; they stop first on close. */
    public synchronized HarvestScheduler startHarvestScheduler() {
        if (harvestScheduler == null) {
            Harvesters h = harvesters();
            harvestScheduler = new HarvestScheduler(h.oai(), h.hf(), h.states(), jobs(), h.config());
            jobs().start(h.config().startDelay());
        }
        return harvestScheduler;
    }

    /** The running harvest scheduler, when {@code serve} started one. */
    public synchronized java.util.Optional<HarvestScheduler> harvestScheduler() {
        return java.util.Optional.ofNullable(harvestScheduler);
    }

    /**
     * The mailer: SMTP when {@code smtp-host} is set, otherwise the log (one marked line per message, so a
     * sign-in link can be followed from the server log). Built on first use; it holds no connection open.
     */
    public synchronized Mailer mailer() {
        if (closed) throw new IllegalStateException("app: already closed");
        if (mailer == null) {
            Optional<SmtpSettings> smtp = smtpSettings(config);
            if (smtp.isPresent()) {
                mailer = new SmtpMailer(smtp.get(), clock);
            } else {
                log.info("mail: no SMTP host set (PAPERBOY_SMTP_HOST), so mails are written to this log, not sent");
                mailer = new LogMailer();
            }
        }
        return mailer;
    }

    /** The SMTP settings of a config, empty when no SMTP host is set: the one place that maps them from {@link Config}. */
    public static Optional<SmtpSettings> smtpSettings(Config c) {
        String host = c.get(Config.Key.SMTP_HOST);
        if (host.isEmpty()) return Optional.empty();
        SmtpSettings.Tls tls = SmtpSettings.Tls.parse(c.get(Config.Key.SMTP_TLS)).orElseThrow(
                () -> new IllegalStateException("config: " + Config.Key.SMTP_TLS.flag() + " is not a TLS mode: "
                        + c.get(Config.Key.SMTP_TLS)));
        int port = c.get(Config.Key.SMTP_PORT).isEmpty() ? tls.defaultPort() : c.integer(Config.Key.SMTP_PORT);
        return Optional.of(SmtpSettings.of(host, port, tls, c.get(Config.Key.SMTP_USERNAME),
                c.get(Config.Key.SMTP_PASSWORD), c.get(Config.Key.SMTP_FROM)));
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
