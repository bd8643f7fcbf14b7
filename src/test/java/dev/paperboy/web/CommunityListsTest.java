package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.MovableClock;
import dev.paperboy.account.User;
import dev.paperboy.hub.CachedCommunity;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This instance's votes, comments and hidden papers in the lists, through the real server over SQLite. */
class CommunityListsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2024-03-20T08:00:00Z"));

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private App app;
    private String base;

    /** Two papers featured by Hugging Face on Tuesday 19 March 2024: "Liked" 5 upvotes, "Quiet" 3. */
    @BeforeEach
    void start() {
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0").with(Key.EMBED, "false").with(Key.HARVEST_ENABLED, "false");
        app = App.open(config, clock);
        app.papers().upsertAll(List.of(
                paper("2403.00001", "Liked transformer", 5),
                paper("2403.00002", "Quiet transformer", 3)));
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    static Paper paper(String id, String title, int hfUpvotes) {
        return ListRoutesTest.paper(id, title, "2024-03-15T10:00:00Z", List.of("cs.LG"), List.of("Ada Lovelace"),
                new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-19"), "ak", hfUpvotes, 0, null));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String ok(String path) throws Exception {
        var r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private List<String> ids(String path) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode p : mapper.readTree(ok(path)).get("papers")) out.add(p.get("id").asText());
        return out;
    }

    private JsonNode card(String path, String id) throws Exception {
        for (JsonNode p : mapper.readTree(ok(path)).get("papers")) if (p.get("id").asText().equals(id)) return p;
        throw new AssertionError(id + " not in " + path);
    }

    private void vote(int users, String paperId) {
        for (int i = 0; i < users; i++) {
            User u = app.accounts().users().findOrCreate("voter" + i + "@example.org");
            assertTrue(app.community().votes().toggle(u.id(), paperId).isDone());
        }
    }

    @Test
    void votesHereChangeTheCardsCountTheVotesSortAndTrending() throws Exception {
        assertEquals(List.of("2403.00001", "2403.00002"), ids("/api/daily?date=2024-03-19&sort=votes"));
        assertTrue(ok("/papers/date/2024-03-19").contains("0 votes"));

        vote(3, "2403.00002");
        User ada = app.accounts().users().findOrCreate("ada@example.org");
        app.community().comments().add(ada.id(), "2403.00002", Optional.empty(), "Worth reading.");
        clock.advance(CachedCommunity.FRESHNESS); // lists reuse a paper's counts that long

        JsonNode quiet = card("/api/daily?date=2024-03-19", "2403.00002");
        assertEquals(3, quiet.get("votes").asInt());
        assertEquals(3, quiet.get("hf_upvotes").asInt(), "Hugging Face's upvotes stay apart");
        // 3 here + 3 on Hugging Face beat 5 on Hugging Face, in the votes sort and in trending (more points).
        assertEquals(List.of("2403.00002", "2403.00001"), ids("/api/daily?date=2024-03-19&sort=votes"));
        assertEquals(List.of("2403.00002", "2403.00001"), ids("/api/daily?date=2024-03-19&sort=trending"));
        assertEquals(List.of("2403.00002", "2403.00001"), ids("/api/trending?window=week"));
        String page = ok("/papers/date/2024-03-19?sort=votes");
        assertTrue(page.contains("3 votes"), page);
        assertTrue(page.indexOf("Quiet transformer") < page.indexOf("Liked transformer"), page);
    }

    @Test
    void aHiddenPaperDisappearsFromEveryListFeedSearchAndItsOwnPage() throws Exception {
        String hiddenId = "2403.00002";
        List<String> pages = List.of("/", "/papers/date/2024-03-19", "/papers/week/2024-W12", "/papers/month/2024-03",
                "/trending", "/list/cs.LG", "/search?q=transformer", "/papers/date/2024-03-19.atom", "/trending.atom",
                "/list/cs.LG.atom", "/papers.atom", "/search.atom?q=transformer");
        List<String> lists = List.of("/api/daily?date=2024-03-19", "/api/trending", "/api/list/cs.LG", "/api/papers",
                "/api/search?q=transformer", "/api/papers/2403.00001/related");
        for (String path : pages) assertTrue(ok(path).contains("Quiet transformer"), path);
        for (String path : lists) assertTrue(ok(path).contains(hiddenId), path);

        assertTrue(app.community().moderation().hidePaper(Optional.empty(), hiddenId, "spam").isDone());
        clock.advance(CachedCommunity.FRESHNESS); // lists reuse a paper's hidden flag that long

        // Every list, whatever it caches of its range: the hidden flag is applied per request.
        for (String path : pages) {
            String body = ok(path);
            assertFalse(body.contains("Quiet transformer"), path);
            assertTrue(body.contains("Liked transformer"), path);
        }
        for (String path : lists) {
            String body = ok(path);
            assertFalse(body.contains(hiddenId), path);
            assertTrue(body.contains("2403.00001"), path);
        }
        for (String path : List.of("/papers/" + hiddenId, "/papers/" + hiddenId + ".bib", "/papers/" + hiddenId + ".md",
                "/api/papers/" + hiddenId, "/api/papers/" + hiddenId + "/related")) {
            var r = get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("hidden by"), path + ": " + r.body());
        }
        assertEquals(200, get("/papers/2403.00001").statusCode());

        app.community().moderation().unhidePaper(Optional.empty(), hiddenId, "appeal");
        clock.advance(CachedCommunity.FRESHNESS);
        assertTrue(ok("/papers/date/2024-03-19").contains("Quiet transformer"));
        assertEquals(200, get("/papers/" + hiddenId).statusCode());
    }
}
