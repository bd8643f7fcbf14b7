package dev.paperboy.ingest.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.db.Database;
import dev.paperboy.ingest.http.FetchSettings;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.ingest.http.SimulatedTime;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two fetchers that share only the store (as two processes would) still keep the interval to a host. */
class SharedIntervalTest {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessWaitsForTheIntervalRecordedInTheStore() throws Exception {
        FetchSettings s = FetchSettings.defaults("Paperboy/test").withInterval(Duration.ofMillis(300));
        SimulatedTime time = new SimulatedTime();
        try (ReplayServer server = new ReplayServer(time);
                Database first = TestDatabases.sqlite(dir);
                Database second = TestDatabases.sqlite(dir)) {
            server.otherwise(h -> Reply.xml("<ok/>"));
            // One simulated clock stands for the one real time both processes share.
            try (PoliteFetcher a = new PoliteFetcher(s, time, time, new Random(1), new JdbiHarvestStore(first));
                    PoliteFetcher b = new PoliteFetcher(s, time, time, new Random(2), new JdbiHarvestStore(second))) {
                a.get(URI.create(server.url("/one")));
                b.get(URI.create(server.url("/two")));
                a.get(URI.create(server.url("/three")));
            }
            assertEquals(3, server.hits().size());
            assertEquals(300, server.smallestGapMillis());
        }
    }
}
