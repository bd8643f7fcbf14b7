package dev.paperboy.ingest.harvest;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.db.Database;
import dev.paperboy.ingest.http.FetchSettings;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.SimulatedTime;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A loopback replay server, a SQLite store and the harvest machinery wired as {@code serve} wires it. The
 * fetcher keeps its intervals on {@link #time}, which the server also reads, so no test waits for real.
 */
final class HarvestBed implements AutoCloseable {
    /** Pages written for these tests. */
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/harvest");
    static final long INTERVAL_MS = 200;

    final ReplayServer server;
    final Database db;
    final JdbiPaperStore papers;
    final JdbiHarvestStore states;
    final Clock clock;
    final SimulatedTime time = new SimulatedTime();
    final HarvestConfig config;
    final PoliteFetcher fetcher;

    HarvestBed(Path dir, Clock clock) throws IOException {
        this(dir, clock, Set.of());
    }

    HarvestBed(Path dir, Clock clock, Set<String> categories) throws IOException {
        this.server = new ReplayServer(time);
        this.db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
        this.papers = new JdbiPaperStore(db);
        this.states = new JdbiHarvestStore(db);
        this.clock = clock;
        this.config = config(server, categories);
        this.fetcher = fetcher(config, states, time, time);
    }

    /** Harvest settings pointing every source at the replay server, with a short interval. */
    static HarvestConfig config(ReplayServer server, Set<String> categories) {
        return App.harvestConfig(Config.load(Map.of(
                        "PAPERBOY_HARVEST_INTERVAL_SECONDS", "0.2",
                        "PAPERBOY_HARVEST_READ_TIMEOUT_SECONDS", "1",
                        "PAPERBOY_HARVEST_MAX_ATTEMPTS", "3",
                        "PAPERBOY_CONTACT", "mailto:harvest-tests@example.org"), Map.of()))
                .withUrls(server.url("/oai"), server.url("/api/query"), server.url(""))
                .withCategories(categories);
    }

    /** A fetcher in real time: for a child process, a benchmark or a real scheduler. */
    static PoliteFetcher fetcher(HarvestConfig config, JdbiHarvestStore states) {
        return fetcher(config, states, Clock.systemUTC(), Sleeper.real());
    }

    static PoliteFetcher fetcher(HarvestConfig config, JdbiHarvestStore states, Clock clock, Sleeper sleeper) {
        FetchSettings s = config.fetchSettings("test")
                .withRetries(config.maxAttempts(), Duration.ofMillis(50), Duration.ofMillis(200));
        return new PoliteFetcher(s, clock, sleeper, new Random(11), states);
    }

    /** Another fetcher on this bed's simulated time, as a second process would have. */
    PoliteFetcher secondFetcher() {
        return fetcher(config, states, time, time);
    }

    OaiHarvester oai(String holder) {
        return new OaiHarvester(fetcher, papers, states, states, clock, holder, config);
    }

    HfHarvester hf(String holder) {
        return new HfHarvester(fetcher, papers, states, states, clock, holder, config);
    }

    ArxivApiClient api(int pageSize) {
        return new ArxivApiClient(fetcher, papers, config.apiUrl(), pageSize);
    }

    /** Every stored paper, in id order. */
    List<Paper> stored() {
        List<Paper> out = new ArrayList<>();
        papers.forEach(out::add);
        return out;
    }

    /** A page written for these tests. */
    static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    /** A page written for these tests, as text to change a little. */
    static String text(String name) {
        try {
            return Files.readString(FIXTURES.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("harvest tests: unable to read " + name, e);
        }
    }

    @Override
    public void close() {
        fetcher.close();
        server.close();
        db.close();
    }
}
