package dev.paperboy.ingest.harvest;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.db.Database;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A harvest in a child JVM, for the crash test: {@code OaiHarvestChild <sqlite file> <set>}, configured by the
 * same {@code PAPERBOY_*} environment variables as {@code paperboy harvest}. The test kills it with SIGKILL.
 */
public final class OaiHarvestChild {
    private OaiHarvestChild() {}

    public static void main(String[] args) throws Exception {
        HarvestConfig config = App.harvestConfig(Config.load(System.getenv(), Map.of()))
                .withCategories(Set.of())
                .withLeaseTtl(Duration.ofSeconds(2));
        try (Database db = Database.open(Database.sqliteUrl(Path.of(args[0])))) {
            JdbiHarvestStore states = new JdbiHarvestStore(db);
            try (PoliteFetcher fetcher = HarvestBed.fetcher(config, states)) {
                OaiHarvester oai = new OaiHarvester(fetcher, new JdbiPaperStore(db), states, states,
                        Clock.systemUTC(), "child-" + ProcessHandle.current().pid(), config);
                System.out.println(oai.harvest(args[1], Optional.empty(), System.out::println));
            }
        }
    }
}
