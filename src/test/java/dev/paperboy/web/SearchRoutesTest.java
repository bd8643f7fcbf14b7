package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.TinyEmbedder;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.search.SearchIndexer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over HTTP: the real app (SQLite, Lucene index in a temp dir) on a loopback port, with a tiny embedder. */
class SearchRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private App app;
    private String base;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    /** Starts the app over the corpus, every paper embedded, and waits until searches see the vectors. */
    private void start() throws Exception {
        start(true, TinyEmbedder.embedding());
    }

    private void start(boolean embed, App.Embedding embedding) throws Exception {
        Config config = Config.defaults()
                .with(Key.DATA, data.toString())
                .with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0")
                .with(Key.PAGE_SIZE, "2")
                .with(Key.EMBED, String.valueOf(embed));
        app = App.open(config, CLOCK, JdbiPaperStore::new, embedding);
        if (app.papers().count() == 0) app.papers().upsertAll(SearchCorpus.ALL);
        App.Search search = app.search(SearchIndexer.Progress.NONE);
        if (search.embedder().isPresent()) {
            search.indexer().embedMissing(search.embedder().get(), SearchIndexer.Progress.NONE, () -> true);
        }
        base = "http://127.0.0.1:" + app.startWeb().port();
        // The index makes new writes visible within half a second; with vectors, wait for the semantic leg.
        awaitTop("/api/search?q=rotation+curves" + (embed ? "&mode=dense" : ""), SearchCorpus.HALOES.id());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(String path) throws Exception {
        var r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return mapper.readTree(r.body());
    }

    private static List<String> ids(JsonNode hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.get("id").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Polls until {@code id} is the first hit; the deadline only stops a broken run, it measures nothing. */
    private void awaitTop(String path, String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = ids(api(path).get("hits"));
            if (!seen.isEmpty() && seen.getFirst().equals(id)) return;
            Thread.sleep(50);
        }
        throw new AssertionError(path + ": expected " + id + " first within 60 s, got " + seen);
    }

    @Test
    void theSearchPageShowsTheBestMatchFirstAsACardWithAHighlightedSnippet() throws Exception {
        start();
        var r = get("/search?q=" + enc("dark matter haloes"));
        assertEquals(200, r.statusCode());
        String body = r.body();
        int first = body.indexOf("<a class=\"title\" href=\"");
        assertTrue(body.startsWith("/papers/2402.00002\"", first + "<a class=\"title\" href=\"".length()), body);
        assertTrue(body.contains("<mark>haloes</mark>") || body.contains("<mark>dark</mark>"), body);
        assertTrue(body.contains("results · page 1"), body);
        assertTrue(body.contains("value=\"dark matter haloes\""), "the box keeps the query: " + body);
    }

    @Test
    void theApiReturnsHitsWithScoresSnippetSegmentsAndTheLensChip() throws Exception {
        start();
        JsonNode r = api("/api/search?q=" + enc("low-rank adapters fine-tuning language models"));
        assertEquals("hybrid", r.get("mode").asText());
        assertEquals(0, r.get("offset").asInt());
        assertEquals(20, r.get("limit").asInt());
        JsonNode top = r.get("hits").get(0);
        assertEquals(SearchCorpus.ADAPTERS.id(), top.get("id").asText());
        assertEquals(SearchCorpus.ADAPTERS.title(), top.get("title").asText());
        assertEquals("Grace Hopper", top.get("authors").get(0).asText());
        assertEquals("cs.CL", top.get("categories").get(0).asText());
        assertEquals("2024-01-10", top.get("date").asText());
        assertTrue(top.get("score").asDouble() > 0);
        List<String> marked = new ArrayList<>();
        for (JsonNode s : top.get("snippet")) if (s.get("highlighted").asBoolean()) marked.add(s.get("text").asText());
        assertFalse(marked.isEmpty(), top.toString());
        for (String m : marked) assertTrue(SearchCorpus.ADAPTERS.abstractText().toLowerCase().contains(m.toLowerCase()), m);
        var lens = new LensExtractor().extract(SearchCorpus.ADAPTERS.title(), SearchCorpus.ADAPTERS.abstractText());
        String chip = lens.chip();
        assertFalse(chip.isEmpty(), "the fixture states a saving");
        assertEquals(chip, top.get("chip").asText());
        List<String> resources = new ArrayList<>();
        for (JsonNode res : top.get("lens_resources")) resources.add(res.asText());
        assertEquals(lens.resources(), resources);
    }

    @Test
    void categoryAndDateFiltersApplyToBothLegsInEveryMode() throws Exception {
        start();
        for (String mode : List.of("bm25", "dense", "hybrid")) {
            JsonNode cv = api("/api/search?q=" + enc("low-rank adapters") + "&cat=cs.CV&mode=" + mode);
            assertEquals(List.of(SearchCorpus.VISION.id()), ids(cv.get("hits")), mode);
            JsonNode since = api("/api/search?q=" + enc("low-rank adapters transformers") + "&since=2024-03&mode=" + mode);
            assertFalse(since.get("hits").isEmpty(), mode);
            since.get("hits").forEach(h -> assertTrue(h.get("date").asText().compareTo("2024-03-01") >= 0, mode + " " + h));
            JsonNode until = api("/api/search?q=" + enc("low-rank adapters transformers") + "&until=2024-02&mode=" + mode);
            assertEquals(SearchCorpus.ADAPTERS.id(), ids(until.get("hits")).getFirst(), mode);
            until.get("hits").forEach(h -> assertTrue(h.get("date").asText().compareTo("2024-02-29") <= 0, mode + " " + h));
        }
        // The same filters on the page.
        String page = get("/search?q=" + enc("low-rank") + "&cat=cs.CV").body();
        assertTrue(page.contains("href=\"/papers/2405.00005\""), page);
        assertFalse(page.contains("href=\"/papers/2401.00001\""), page);
    }

    @Test
    void dateOrderListsTheNewestMatchFirst() throws Exception {
        start();
        JsonNode r = api("/api/search?q=" + enc("low-rank adapters") + "&order=date&mode=bm25");
        assertEquals(List.of(SearchCorpus.VISION.id(), SearchCorpus.ADAPTERS.id()), ids(r.get("hits")));
        assertEquals("date", r.get("order").asText());
    }

    @Test
    void filtersAloneListEveryMatchingPaperNewestFirst() throws Exception {
        start();
        JsonNode r = api("/api/search?cat=cs.LG");
        assertEquals(List.of(SearchCorpus.MOLECULES.id(), SearchCorpus.ATTENTION.id()), ids(r.get("hits")));
        String page = get("/search?cat=cs.LG").body();
        assertTrue(page.indexOf("/papers/2404.00004") < page.indexOf("/papers/2403.00003"), page);
        assertTrue(page.contains("2 results"), page);
    }

    @Test
    void pagesOfResultsFollowOneAnother() throws Exception {
        start();
        String q = enc("low-rank adapters transformers");
        List<String> all = ids(api("/api/search?q=" + q + "&mode=bm25&limit=10").get("hits"));
        assertTrue(all.size() >= 3, all.toString());
        JsonNode second = api("/api/search?q=" + q + "&mode=bm25&limit=1&offset=1");
        assertEquals(List.of(all.get(1)), ids(second.get("hits")));
        assertEquals(all.size(), second.get("total").asInt());
        // The page shows two per page (page size 2) and links to the next page.
        String page1 = get("/search?q=" + q + "&mode=bm25").body();
        assertTrue(page1.contains("rel=\"next\" href=\"/search?q=low-rank+adapters+transformers&amp;mode=bm25&amp;page=2\""), page1);
        String page2 = get("/search?q=" + q + "&mode=bm25&page=2").body();
        assertTrue(page2.contains("href=\"/papers/" + all.get(2) + "\""), page2);
        assertFalse(page2.contains("href=\"/papers/" + all.get(0) + "\""), page2);
        assertTrue(page2.contains("rel=\"prev\""), page2);
        // A page past the last one is not an empty page of "N results".
        var past = get("/search?q=" + q + "&mode=bm25&page=40");
        assertEquals(404, past.statusCode());
        long pages = (all.size() + 1) / 2;
        assertTrue(past.body().contains("Page 40 is past the end of these results: there are " + pages + " pages."),
                past.body());
    }

    @Test
    void anArxivIdOrUrlInTheBoxGoesStraightToThePaper() throws Exception {
        start();
        for (String q : List.of("2402.00002", "arXiv:2402.00002v3", "https://arxiv.org/abs/2402.00002v1",
                "hep-th/9901001")) {
            var r = get("/search?q=" + enc(q));
            assertEquals(303, r.statusCode(), q);
            String id = q.startsWith("hep-th") ? "hep-th/9901001" : "2402.00002";
            assertEquals("/papers/" + id, r.headers().firstValue("location").orElse(""), q);
        }
        JsonNode api = api("/api/search?q=" + enc("https://arxiv.org/abs/2402.00002"));
        assertTrue(api.get("id_match").asBoolean());
        assertEquals(List.of(SearchCorpus.HALOES.id()), ids(api.get("hits")));
    }

    @Test
    void everyPaperHasRelatedPapersOnItsPageAndInTheApiWithoutItself() throws Exception {
        start();
        String page = get("/papers/2401.00001").body();
        assertTrue(page.contains("<h2>Related papers</h2>"), page);
        String related = page.substring(page.indexOf("<h2>Related papers</h2>"));
        assertTrue(related.contains("href=\"/papers/2405.00005\""), related);
        assertFalse(related.contains("href=\"/papers/2401.00001\""), related);

        JsonNode r = api("/api/papers/2401.00001/related?limit=3");
        assertEquals("2401.00001", r.get("id").asText());
        List<String> ids = ids(r.get("related"));
        assertEquals(3, ids.size());
        assertEquals(SearchCorpus.VISION.id(), ids.getFirst());
        assertFalse(ids.contains("2401.00001"));
        // Old-style ids contain a slash; the route still finds them.
        assertFalse(ids(api("/api/papers/hep-th/9901001/related").get("related")).contains("hep-th/9901001"));

        var unknown = get("/api/papers/2999.99999/related");
        assertEquals(404, unknown.statusCode());
        assertEquals(404, mapper.readTree(unknown.body()).get("status").asInt());
        assertEquals(400, get("/api/papers/2401.00001/related?limit=0").statusCode());
    }

    @Test
    void hostileQueriesGetResultsOrAClear400NeverA500() throws Exception {
        start();
        List<String> hostile = new ArrayList<>(List.of("\"unbalanced quote", "low-rank\"", "\\", "( ) [ ] { }",
                "a~ b^2 c:d e* f? g/h", "&& || !", "title:[a TO z]", "*:*", "\"\"", "-", "author:", "cat:",
                "since:", "until:2024-13", "\u0000\u202e", "' OR 1=1 --", "<script>alert(1)</script>",
                "\\\\ ( ) [ ] { } ~ ^ : * ? / && || !"));
        hostile.add("x".repeat(10_240));
        hostile.add("word ".repeat(2_048));
        for (String q : hostile) {
            for (String path : List.of("/api/search?q=", "/search?q=")) {
                var r = get(path + enc(q));
                assertTrue(r.statusCode() == 200 || r.statusCode() == 400,
                        path + " " + q.substring(0, Math.min(q.length(), 40)) + " → " + r.statusCode() + " " + r.body());
                if (r.statusCode() == 400 && path.startsWith("/api")) {
                    JsonNode body = mapper.readTree(r.body());
                    assertEquals(400, body.get("status").asInt());
                    assertFalse(body.get("error").asText().isBlank());
                }
                if (r.statusCode() == 400 && !path.startsWith("/api")) {
                    assertTrue(r.body().contains("This search cannot be run"), r.body());
                }
                if (!path.startsWith("/api")) assertFalse(r.body().contains("<script>alert"), "escaped: " + r.body());
            }
        }
        // A 10 KB query is over the limit: the page says so with a 400.
        var tooLong = get("/search?q=" + "x".repeat(10_240));
        assertEquals(400, tooLong.statusCode());
        for (String bad : List.of("mode=fast", "order=random", "limit=1000", "offset=-1", "since=yesterday",
                "until=2024-99")) {
            var r = get("/api/search?q=graph&" + bad);
            assertEquals(400, r.statusCode(), bad);
            // The page pages by page number, not limit and offset.
            if (!bad.startsWith("limit") && !bad.startsWith("offset")) {
                assertEquals(400, get("/search?q=graph&" + bad).statusCode(), bad);
            }
        }
        assertEquals(400, get("/search?q=graph&page=0").statusCode());
        assertEquals(400, get("/search?q=graph&page=x").statusCode());
    }

    @Test
    void noResultsAndTheEmptyFormAreSaidPlainly() throws Exception {
        start();
        // Nearest neighbours always exist, so "nothing matches" needs a filter nothing passes.
        var none = get("/search?q=" + enc("zebra xylophone") + "&cat=math.AG");
        assertEquals(200, none.statusCode());
        assertTrue(none.body().contains("No papers match this search"), none.body());
        var empty = get("/search");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("<form class=\"search-form\""), empty.body());
        // Every page carries the search box in its header.
        assertTrue(get("/").body().contains("<form class=\"site-search\" action=\"/search\""));
    }

    @Test
    void aPaperStoredWhileServingIsFoundWithoutARestartOrAReindex() throws Exception {
        start();
        app.startSearchBackground();
        // As import does: through the store, nothing else.
        app.papers().upsert(SearchCorpus.paper("2406.00006", "Sparse autoencoders find interpretable features",
                "Chris Olah", "Dictionary learning with sparse autoencoders recovers monosemantic features.",
                "cs.LG", "2024-06-01T00:00:00Z"));
        // The background applier runs every second (App.CATCH_UP); no wall-clock bound here, load can stretch it.
        awaitTop("/api/search?q=" + enc("sparse autoencoders monosemantic"), "2406.00006");
    }

    @Test
    void thePageAndTheApiShowTheSameTotalAndSayWhetherItIsExact() throws Exception {
        start();
        // SearchIndexContract covers when a total is a lower bound; here: every surface says the same.
        for (String mode : List.of("bm25", "dense", "hybrid")) {
            JsonNode json = api("/api/search?q=" + enc("rotation curves") + "&mode=" + mode);
            String shown = json.get("total").asLong() + (json.get("total_exact").asBoolean() ? "" : "+");
            String page = get("/search?q=" + enc("rotation curves") + "&mode=" + mode).body();
            assertTrue(page.contains(">" + shown + " results"), mode + ": " + page);
        }
        assertTrue(api("/api/search?q=" + enc("rotation curves") + "&mode=bm25").get("total_exact").asBoolean());
    }

    @Test
    void deletingTheIndexDirectoryThenStartingRebuildsIt() throws Exception {
        start();
        app.close();
        app = null;
        Path index = data.resolve("index");
        try (Stream<Path> files = Files.walk(index)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        assertFalse(Files.exists(index));
        start();
        assertTrue(Files.exists(index.resolve("CURRENT")));
        JsonNode r = api("/api/search?q=" + enc("graph neural networks molecules"));
        assertEquals(SearchCorpus.MOLECULES.id(), r.get("hits").get(0).get("id").asText());
        assertEquals(SearchCorpus.ALL.size(), app.search(SearchIndexer.Progress.NONE).indexer().catchUp()
                + SearchCorpus.ALL.size(), "nothing left to catch up");
    }

    @Test
    void withEmbeddingOffKeywordSearchStillAnswers() throws Exception {
        start(false, TinyEmbedder.embedding());
        JsonNode r = api("/api/search?q=" + enc("quantized attention"));
        assertEquals("bm25", r.get("mode").asText());
        assertEquals(SearchCorpus.ATTENTION.id(), r.get("hits").get(0).get("id").asText());
        assertTrue(app.search(SearchIndexer.Progress.NONE).embedder().isEmpty());
        JsonNode unknownId = api("/api/search?q=" + enc("2403.12345"));
        assertEquals(0, unknownId.get("total").asInt());
        assertEquals("bm25", unknownId.get("mode").asText(), "the mode that would have run, not the one asked for");
    }

    @Test
    void theRealModelRanksByMeaning() throws Exception {
        start(true, App.Embedding.onnx());
        // No word in common with the abstract: only the semantic leg can find it.
        JsonNode r = api("/api/search?q=" + enc("how fast do stars orbit in spiral galaxies") + "&mode=dense");
        assertEquals("dense", r.get("mode").asText());
        assertEquals(SearchCorpus.HALOES.id(), r.get("hits").get(0).get("id").asText());
        JsonNode related = api("/api/papers/2401.00001/related?limit=1");
        assertEquals(List.of(SearchCorpus.VISION.id()), ids(related.get("related")));
    }
}
