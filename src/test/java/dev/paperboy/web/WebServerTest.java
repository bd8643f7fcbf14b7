package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.TestPapers;
import dev.paperboy.ingest.harvest.HfHarvester;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a loopback port, over the real store in SQLite in a temp dir. */
class WebServerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private PaperStore store;
    private App app;
    private String base;

    @BeforeEach
    void start() {
        Config config = Config.defaults()
                .with(Key.DATA, data.toString())
                .with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0")
                .with(Key.PAGE_SIZE, "2")
                .with(Key.BASE_URL, "https://papers.example/");
        app = App.open(config, CLOCK);
        store = app.papers();
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("content-type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** The styled error page: the site's layout, not the web server's default page. */
    private static void assertErrorPage(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("text/html;charset=utf-8", contentType(r));
        assertTrue(r.body().contains("<link rel=\"stylesheet\" href=\"" + StaticAssets.href("style.css") + "\">"), r.body());
        assertTrue(r.body().contains("Back to the newest papers"), r.body());
    }

    /** The JSON error shape: {"status", "error"} and nothing else. */
    private void assertJsonError(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json;charset=utf-8", contentType(r));
        JsonNode e = mapper.readTree(r.body());
        assertEquals(status, e.get("status").asInt());
        assertTrue(e.get("error").isTextual(), r.body());
        assertEquals(2, e.size(), r.body());
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.headers().toString());
        return mapper.readTree(r.body());
    }

    private void addThreePapers() {
        store.upsert(TestPapers.simple("2401.00001", "Oldest paper", "2024-01-01T00:00:00Z"));
        store.upsert(TestPapers.simple("hep-th/9901001", "A string theory classic", "2024-02-01T00:00:00Z"));
        store.upsert(TestPapers.simple("2403.00003", "Newest paper", "2024-03-01T00:00:00Z"));
    }

    @Test
    void emptyHomePageSaysHowToImportOrHarvest() throws Exception {
        var r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("No papers yet"), r.body());
        assertTrue(r.body().contains("./paperboy import"), r.body());
        assertTrue(r.body().contains("./paperboy harvest"), r.body());
    }

    @Test
    void homePageListsNewestPapersFirstOnePageAtATime() throws Exception {
        addThreePapers();
        var first = get("/");
        assertEquals(200, first.statusCode());
        String body = first.body();
        assertTrue(body.indexOf(">Newest paper</a>") < body.indexOf(">A string theory classic</a>"), body);
        assertTrue(body.contains(">Newest paper</a>"), body);
        assertFalse(body.contains("Oldest paper"), body);
        assertTrue(body.contains("href=\"/?page=2\""), body);
        assertTrue(body.contains("page 1 of 2"), body);

        var second = get("/?page=2");
        assertTrue(second.body().contains("Oldest paper"), second.body());
        assertFalse(second.body().contains(">Newest paper</a>"), second.body());
        assertTrue(second.body().contains("href=\"/?page=1\""), second.body());
    }

    @Test
    void aPageBeyondTheLastIs404SayingHowManyPagesThereAre() throws Exception {
        addThreePapers();
        var r = get("/?page=3");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("Page 3 is past the end: the newest papers fill 2 pages."), r.body());
        assertTrue(r.body().contains("Back to the newest papers"), r.body());
        assertFalse(r.body().contains("page 3 of 2"), r.body());
        assertEquals(200, get("/?page=2").statusCode());
    }

    @Test
    void badPageNumbersAreRejectedWith400() throws Exception {
        for (String page : List.of("0", "-1", "abc", "99999999999")) {
            var r = get("/?page=" + page);
            assertEquals(400, r.statusCode(), page);
            assertTrue(r.body().contains("page must be"), r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        }
    }

    @Test
    void paperPageShowsEveryVisibleField() throws Exception {
        store.upsert(TestPapers.full());
        var r = get("/papers/2403.12345");
        assertEquals(200, r.statusCode());
        String b = r.body();
        for (String s : List.of("Attention Is Most of What You Need", "Grace Hopper", "Yale; Navy", "Alan Turing",
                "cs.CL, cs.LG", "2024-03-18", "2024-04-02", "10.1000/xyz123", "12 pages, 3 figures",
                "https://github.com/example/attn", "2403.12345v2", "/api/papers/2403.12345",
                "href=\"https://papers.example/papers/2403.12345\" rel=\"bookmark\"")) {
            assertTrue(b.contains(s), s + " missing in " + b);
        }
    }

    @Test
    void textFromPapersIsEscaped() throws Exception {
        store.upsert(TestPapers.full());
        String b = get("/papers/2403.12345").body();
        assertTrue(b.contains("&lt;b>attention&lt;/b> &amp; friends") || b.contains("&lt;b&gt;attention&lt;/b&gt; &amp; friends"), b);
        assertFalse(b.contains("<b>attention</b>"), b);
    }

    @Test
    void linksThatAreNotHttpAreDropped() throws Exception {
        Paper p = TestPapers.simple("2401.00009", "Sneaky", "2024-01-01T00:00:00Z");
        store.upsert(Paper.builder(p.id())
                .version(p.version())
                .title(p.title())
                .authors(p.authors())
                .abstractText(p.abstractText())
                .categories(p.categories())
                .published(p.published())
                .links(new Links("javascript:alert(1)", "https://arxiv.org/pdf/2401.00009", null, null))
                .build());
        String b = get("/papers/2401.00009").body();
        assertFalse(b.contains("javascript:"), b);
        assertTrue(b.contains("https://arxiv.org/pdf/2401.00009"), b);
    }

    @Test
    void oldStyleIdsWithASlashHaveAPage() throws Exception {
        addThreePapers();
        var r = get("/papers/hep-th/9901001");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("A string theory classic"), r.body());
    }

    @Test
    void versionedAndPrefixedIdsRedirectToThePaper() throws Exception {
        store.upsert(TestPapers.full());
        for (String id : List.of("2403.12345v2", "2403.12345v1", "arXiv:2403.12345")) {
            var r = get("/papers/" + id);
            assertEquals(301, r.statusCode(), id);
            assertEquals("/papers/2403.12345", r.headers().firstValue("location").orElse(""), id);
        }
        addThreePapers();
        var old = get("/papers/hep-th/9901001v3");
        assertEquals(301, old.statusCode());
        assertEquals("/papers/hep-th/9901001", old.headers().firstValue("location").orElse(""));
    }

    @Test
    void unknownPapersAndPathsAnswer404Pages() throws Exception {
        var paper = get("/papers/2501.99999");
        assertEquals(404, paper.statusCode());
        assertTrue(paper.body().contains("No paper with id 2501.99999"), paper.body());
        assertTrue(paper.body().contains("Back to the newest papers"), paper.body());

        var path = get("/no/such/page");
        assertEquals(404, path.statusCode());
        assertTrue(path.body().contains("Not found"), path.body());
    }

    @Test
    void stylesheetIsServed() throws Exception {
        var r = get("/static/style.css");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/css"));
        assertTrue(r.body().contains("body"));
    }

    @Test
    void apiPaperHasEveryFieldWithSnakeCaseNames() throws Exception {
        store.upsert(TestPapers.full());
        var r = get("/api/papers/2403.12345");
        assertEquals(200, r.statusCode());
        JsonNode p = json(r);
        List<String> names = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "version", "title", "authors", "abstract", "categories", "published", "updated",
                "doi", "journal_ref", "comments", "license", "links", "source", "keywords", "versions", "hub_entries",
                "lens"),
                names);
        assertEquals("2403.12345", p.get("id").asText());
        assertEquals(2, p.get("version").asInt());
        assertEquals("Grace Hopper", p.get("authors").get(0).get("name").asText());
        assertEquals("Navy", p.get("authors").get(0).get("affiliations").get(1).asText());
        assertEquals("2024-03-18T17:59:59Z", p.get("published").asText());
        assertEquals("J. Imag. Res. 1 (2024) 1-10", p.get("journal_ref").asText());
        assertTrue(p.get("links").get("project").isNull());
        assertEquals("https://github.com/example/attn", p.get("links").get("code").asText());
        assertEquals(2, p.get("versions").get(1).get("version").asInt());
        assertEquals("2024-03-19", p.get("hub_entries").get(0).get("list_date").asText());
        assertEquals(1200, p.get("hub_entries").get(0).get("github_stars").asInt());
    }

    @Test
    void apiResolvesVersionedAndOldStyleIds() throws Exception {
        store.upsert(TestPapers.full());
        addThreePapers();
        assertEquals("2403.12345", json(get("/api/papers/2403.12345v1")).get("id").asText());
        assertEquals("hep-th/9901001", json(get("/api/papers/hep-th/9901001")).get("id").asText());
    }

    @Test
    void apiUnknownPaperIs404Json() throws Exception {
        var r = get("/api/papers/2501.99999");
        assertEquals(404, r.statusCode());
        JsonNode e = json(r);
        assertEquals(404, e.get("status").asInt());
        assertTrue(e.get("error").asText().contains("2501.99999"));
    }

    @Test
    void apiListsPapersWithLimitAndOffset() throws Exception {
        addThreePapers();
        JsonNode all = json(get("/api/papers"));
        assertEquals(3, all.get("total").asInt());
        assertEquals(20, all.get("limit").asInt());
        assertEquals(3, all.get("papers").size());
        assertEquals("2403.00003", all.get("papers").get(0).get("id").asText());

        JsonNode page = json(get("/api/papers?limit=1&offset=1"));
        assertEquals(1, page.get("papers").size());
        assertEquals("hep-th/9901001", page.get("papers").get(0).get("id").asText());
        assertEquals(1, page.get("offset").asInt());
    }

    @Test
    void apiRejectsBadLimitsAndOffsetsWith400Json() throws Exception {
        for (String q : List.of("limit=0", "limit=101", "limit=ten", "offset=-1", "offset=x", "limit=1.5")) {
            var r = get("/api/papers?" + q);
            assertEquals(400, r.statusCode(), q);
            JsonNode e = json(r);
            assertEquals(400, e.get("status").asInt());
            String name = q.substring(0, q.indexOf('='));
            assertTrue(e.get("error").asText().startsWith(name + " must be"), e.toString());
        }
    }

    @Test
    void healthReportsTheStoreAndTheEmbeddingBacklogAsJson() throws Exception {
        addThreePapers();
        var r = get("/health");
        assertEquals(200, r.statusCode());
        JsonNode h = json(r);
        assertEquals("ok", h.get("status").asText());
        assertEquals(3, h.get("last_change").asInt());
        assertEquals(3, h.get("embedding_backlog").asInt(), "no paper has a vector yet");
        assertEquals("2026-01-02T03:04:05Z", h.get("time").asText());
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() throws Exception {
        store.upsert(TestPapers.full());
        for (String path : List.of("/", "/papers/2403.12345", "/papers/2403.12345v2", "/papers/2501.99999",
                "/api/papers/2501.99999", "/api/papers?limit=0", "/?page=9", "/no/such/page", "/health")) {
            var get = get(path);
            var head = send("HEAD", path);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(contentType(get), contentType(head), path);
            assertEquals(get.headers().firstValue("location"), head.headers().firstValue("location"), path);
            assertEquals("", head.body(), path);
        }
        assertEquals(404, send("HEAD", "/papers/2501.99999").statusCode());
        assertEquals(301, send("HEAD", "/papers/2403.12345v2").statusCode());
    }

    @Test
    void aKnownPathAskedWithAnotherMethodAnswers405WithAllow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            var page = send(method, "/papers/2403.12345");
            assertErrorPage(page, 405);
            assertEquals("GET, HEAD", page.headers().firstValue("allow").orElse(""), method);
            var api = send(method, "/api/papers");
            assertJsonError(api, 405);
            assertEquals("GET, HEAD", api.headers().firstValue("allow").orElse(""), method);
        }
        assertJsonError(send("POST", "/health"), 405);
        assertErrorPage(send("POST", "/no/such/page"), 404);
        assertJsonError(send("DELETE", "/api/nothing"), 404);
    }

    @Test
    void everyErrorIsTheStyledPageOrJsonUnderApi() throws Exception {
        assertErrorPage(get("/papers/2501.99999"), 404);
        assertErrorPage(get("/no/such/page"), 404);
        assertErrorPage(get("/?page=abc"), 400);
        assertJsonError(get("/api/papers/2501.99999"), 404);
        assertJsonError(get("/api/nothing"), 404);
        assertJsonError(get("/api/papers?limit=0"), 400);
        // Refused by the web server before any route runs: a NUL in the path, headers past the limit.
        assertErrorPage(get("/papers/%00"), 400);
        var big = http.send(HttpRequest.newBuilder(URI.create(base + "/api/papers"))
                .header("X-Big", "a".repeat(WebServer.MAX_REQUEST_HEADER + 1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertJsonError(big, 431);
    }

    @Test
    void anUnexpectedFailureIs500WithoutDetailsAsPageOrJson() throws Exception {
        app.close();
        var failing = new InMemoryPaperStore() {
            @Override
            public List<Paper> newest(int limit, int offset) {
                throw new IllegalStateException("store: disk on fire at /var/secret");
            }
        };
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1").with(Key.PORT, "0");
        app = App.open(config, CLOCK, db -> failing);
        base = "http://127.0.0.1:" + app.startWeb().port();
        failing.upsert(TestPapers.simple("2401.00001", "Oldest paper", "2024-01-01T00:00:00Z"));
        var page = get("/");
        assertErrorPage(page, 500);
        assertFalse(page.body().contains("/var/secret"), page.body());
        var api = get("/api/papers");
        assertJsonError(api, 500);
        assertFalse(api.body().contains("/var/secret"), api.body());
    }

    @Test
    void htmlAnswersDeclareUtf8() throws Exception {
        store.upsert(TestPapers.full());
        for (String path : List.of("/", "/papers/2403.12345", "/papers/2501.99999", "/?page=0")) {
            assertEquals("text/html;charset=utf-8", contentType(get(path)), path);
        }
    }

    @Test
    void rangeErrorsSayTheValidRange() throws Exception {
        var search = get("/api/search?q=adapters&offset=2147483647");
        assertJsonError(search, 400);
        assertEquals("offset must be a whole number between 0 and 999", json(search).get("error").asText());
        var papers = get("/api/papers?offset=2147483648");
        assertJsonError(papers, 400);
        assertEquals("offset must be a whole number between 0 and 2147483647", json(papers).get("error").asText());
        assertEquals("limit must be a whole number between 1 and 100",
                json(get("/api/papers?limit=101")).get("error").asText());
    }

    @Test
    void theHomePageShowsAHarvestFailureAsAShortCauseOnly() throws Exception {
        app.close();
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0").with(Key.HARVEST_ENABLED, "false");
        app = App.open(config, CLOCK);
        base = "http://127.0.0.1:" + app.startWeb().port();
        var states = app.harvesters().states();
        states.save(states.get(HfHarvester.KEY).failed(Instant.parse("2026-01-02T02:59:00Z"),
                "hf: unable to fetch the daily list of 2026-01-01: fetch: giving up on "
                        + "http://10.0.0.7:8080/api/daily_papers?date=2026-01-01 after 5 attempts: ConnectException "
                        + "(ConnectException: Network is unreachable)"));
        app.startHarvestScheduler();
        String body = get("/").body();
        assertTrue(body.contains("last harvest failed at 2026-01-02 02:59 UTC (network unreachable)"), body);
        assertFalse(body.contains("10.0.0.7"), body);
        assertFalse(body.contains("ConnectException"), body);
    }

    @Test
    void healthIs503WhenTheStoreFails() throws Exception {
        app.close();
        var failing = new InMemoryPaperStore() {
            @Override
            public long lastSequence() {
                throw new IllegalStateException("store: connection refused");
            }
        };
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1").with(Key.PORT, "0");
        app = App.open(config, CLOCK, db -> failing);
        base = "http://127.0.0.1:" + app.startWeb().port();
        var r = get("/health");
        assertEquals(503, r.statusCode());
        assertEquals("unavailable", json(r).get("status").asText());
        assertFalse(r.body().contains("connection refused"), r.body());
    }

    @Test
    void closingTheAppStopsTheServer() throws Exception {
        app.close();
        try {
            get("/health");
            throw new AssertionError("server still answers after close");
        } catch (java.io.IOException expected) {
            // connection refused: the port is closed
        }
    }
}
