package dev.paperboy.ingest.harvest;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.db.Database;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prints how fast the OAI harvest pipeline (fetch over loopback, parse, store, save token) runs when the
 * politeness interval is zero: {@code HarvestBenchmark [pages] [records per page]}. The real limit is the
 * interval (3 s per page at arXiv); this shows how much of each interval the work itself uses.
 */
public final class HarvestBenchmark {
    private HarvestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        byte[][] bodies = new byte[pages][];
        for (int i = 0; i < pages; i++) {
            String token = i + 1 < pages ? "t" + (i + 1) : null;
            bodies[i] = FeedPages.oaiPage("2026-11-27T02:00:00Z", token,
                    FeedPages.ids(i * perPage + 1, (i + 1) * perPage)).getBytes(StandardCharsets.UTF_8);
        }
        Path dir = Files.createTempDirectory("harvest-bench");
        try (ReplayServer server = new ReplayServer()) {
            server.otherwise(h -> {
                String t = h.param("resumptionToken");
                return Reply.ok(bodies[t == null ? 0 : Integer.parseInt(t.substring(1))], "text/xml");
            });
            HarvestConfig config = App.harvestConfig(Config.load(Map.of("PAPERBOY_HARVEST_INTERVAL_SECONDS", "0"), Map.of()))
                    .withUrls(server.url("/oai"), server.url("/api"), server.url(""))
                    .withCategories(Set.of());
            try (Database db = Database.open(Database.sqliteUrl(dir.resolve("bench.db")))) {
                JdbiHarvestStore states = new JdbiHarvestStore(db);
                JdbiPaperStore papers = new JdbiPaperStore(db);
                for (int run = 1; run <= 2; run++) {
                    try (PoliteFetcher fetcher = HarvestBed.fetcher(config, states)) {
                        OaiHarvester oai = new OaiHarvester(fetcher, papers, states, states, Clock.systemUTC(),
                                "bench", config);
                        long t0 = System.nanoTime();
                        HarvestResult r = oai.harvest("cs", Optional.of(java.time.LocalDate.parse("2026-11-01")),
                                s -> {});
                        double secs = (System.nanoTime() - t0) / 1e9;
                        System.out.printf("run %d: %s in %.2f s: %.1f pages/s, %.0f records/s, %.0f ms per page%n",
                                run, r, secs, r.pages() / secs, r.stored() / secs, 1000 * secs / r.pages());
                    }
                }
                System.out.printf("stored papers: %d%n", papers.count());
            }
        }
    }
}
