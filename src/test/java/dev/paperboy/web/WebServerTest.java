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
    void aPageBeyondTheLastIsEmptyButNotAnError() throws Exception {
        addThreePapers();
        var r = get("/?page=7");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("no papers on this page"), r.body());
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
    void healthReportsTheStoreAsJson() throws Exception {
        addThreePapers();
        var r = get("/health");
        assertEquals(200, r.statusCode());
        JsonNode h = json(r);
        assertEquals("ok", h.get("status").asText());
        assertEquals(3, h.get("last_change").asInt());
        assertEquals("2026-01-02T03:04:05Z", h.get("time").asText());
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
