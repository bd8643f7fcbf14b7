package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.harvest.HarvestScheduler;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeWithoutNetworkTest {
    @TempDir
    Path dir;

    @Test
    void serveKeepsServingAndTheHomePageSaysWhyHarvestingFailed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closedPort;
        Map<String, String> env = new HashMap<>();
        env.put("PAPERBOY_DATA", dir.toString());
        env.put("PAPERBOY_HOST", "127.0.0.1");
        env.put("PAPERBOY_PORT", "0");
        env.put("PAPERBOY_ARXIV_OAI_URL", dead + "/oai");
        env.put("PAPERBOY_ARXIV_API_URL", dead + "/api/query");
        env.put("PAPERBOY_HF_URL", dead);
        env.put("PAPERBOY_HARVEST_INTERVAL_SECONDS", "0.1");
        env.put("PAPERBOY_HARVEST_MAX_ATTEMPTS", "1");
        env.put("PAPERBOY_HARVEST_START_DELAY_SECONDS", "0");
        Config config = Config.load(env, Map.of());

        try (App app = App.open(config, Clock.systemUTC(), JdbiPaperStore::new)) {
            app.papers().upsert(TestPapers.simple("2611.00001", "A paper stored before the network went away",
                    "2026-11-20T10:00:00Z"));
            String base = "http://127.0.0.1:" + app.startWeb().port();
            HarvestScheduler scheduler = app.startHarvestScheduler();

            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!scheduler.status().stream().allMatch(HarvestScheduler.SourceStatus::failing)) {
                if (System.nanoTime() > deadline) throw new AssertionError("harvests did not fail: " + scheduler.status());
                Thread.sleep(20);
            }

            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, home.statusCode());
                String body = home.body();
                assertTrue(body.contains("A paper stored before the network went away"), body);
                assertTrue(body.contains("arxiv-oai:cs"), body);
                // Visitors read a short cause; the stored error (the dead URL, exception classes) stays in the log.
                assertTrue(body.contains("(network unreachable)"), body);
                assertFalse(body.contains("ConnectException"), body);
                assertFalse(body.contains(dead), body);
                assertTrue(body.contains("last success never"), body);
            }
            assertEquals(1, app.papers().count());
        }
    }
}
