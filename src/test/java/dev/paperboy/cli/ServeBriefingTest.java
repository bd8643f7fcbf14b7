package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestPapers;
import dev.paperboy.TinyEmbedder;
import dev.paperboy.ingest.harvest.HarvestConfig;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.search.SearchIndexer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeBriefingTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreSpelledOutOneLineEachWithAWarningForTheMissingContact() {
        var lines = new ServeBriefing("0.0.0.0", 8080, true, App.harvestConfig(Config.defaults()), 100_000, 2).lines();
        assertEquals(List.of(
                "listening on 0.0.0.0 port 8080, every network interface: other machines can reach it "
                        + "(--host 127.0.0.1 keeps it to this one)",
                "harvesting arXiv (OAI-PMH sets cs, stat) daily at 22:00 America/New_York and Hugging Face daily "
                        + "papers every 60 min; sources never harvested or overdue start in 10 s "
                        + "(--harvest-enabled false turns it off)",
                "warning: no contact set; arXiv asks harvesters to say who runs them: set PAPERBOY_CONTACT "
                        + "(or --contact) to an email or URL, sent in the User-Agent",
                "100,000 papers have no vector yet: embedding them in the background at roughly 11 papers/s, "
                        + "about 2 h 31 min; until then search finds them by keywords (--no-embed turns embedding off)"),
                lines);
    }

    @Test
    void aLocalServerWithAContactNoHarvestAndNoBacklogSaysSo() {
        HarvestConfig withContact = App.harvestConfig(Config.defaults().with(Config.Key.CONTACT, "mailto:me@example.org"));
        assertEquals(List.of("listening on 127.0.0.1 port 9000",
                        "harvest contact (in the User-Agent): mailto:me@example.org",
                        "every paper has its vector for search by meaning"),
                new ServeBriefing("127.0.0.1", 9000, true, withContact, 0, 2).lines().stream()
                        .filter(l -> !l.startsWith("harvesting")).toList());
        HarvestConfig off = App.harvestConfig(Config.defaults().with(Config.Key.HARVEST_ENABLED, "false"));
        assertEquals(List.of("listening on 127.0.0.1 port 9000", "scheduled harvesting is off (--harvest-enabled false)",
                        "embedding is off (--embed false): keyword search only"),
                new ServeBriefing("127.0.0.1", 9000, false, off, 5, 2).lines());
    }

    @Test
    void etasReadLikeAPersonWouldSayThem() {
        assertEquals("under a minute", ServeBriefing.eta(Duration.ofSeconds(59)));
        assertEquals("42 min", ServeBriefing.eta(Duration.ofMinutes(42)));
        assertEquals("1 h 5 min", ServeBriefing.eta(Duration.ofMinutes(65)));
        assertEquals("3 days", ServeBriefing.eta(Duration.ofHours(80)));
    }

    @Test
    void theEmbeddingBacklogIsThePapersWithoutAVector() {
        Config config = Config.defaults().with(Config.Key.DATA, dir.toString());
        try (App app = App.open(config, CliRun.CLOCK, JdbiPaperStore::new, TinyEmbedder.embedding())) {
            app.papers().upsert(TestPapers.full());
            app.papers().upsert(TestPapers.simple("hep-th/9901001", "A string theory classic", "1999-01-04T00:00:00Z"));
            assertEquals(2, app.embeddingBacklog());
            App.Search search = app.search(SearchIndexer.Progress.NONE);
            search.indexer().embedMissing(search.embedder().orElseThrow(), SearchIndexer.Progress.NONE, () -> true);
            assertEquals(0, app.embeddingBacklog());
        }
    }
}
