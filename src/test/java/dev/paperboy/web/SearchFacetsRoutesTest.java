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
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.search.SearchIndexer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code saves} filters and facet counts over HTTP, on the real app with the search corpus: the adapters paper saves
 * memory, the attention paper saves compute, the other four save nothing the lens can name.
 */
class SearchFacetsRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** Matches the adapters, attention and vision papers by keyword; three results, two per page. */
    private static final String Q = "low-rank transformers";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private App app;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Config config = Config.defaults()
                .with(Key.DATA, data.toString())
                .with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0")
                .with(Key.PAGE_SIZE, "2")
                .with(Key.EMBED, "true");
        app = App.open(config, CLOCK, JdbiPaperStore::new, TinyEmbedder.embedding());
        app.papers().upsertAll(SearchCorpus.ALL);
        App.Search search = app.search(SearchIndexer.Progress.NONE);
        search.indexer().embedMissing(search.embedder().orElseThrow(), SearchIndexer.Progress.NONE, () -> true);
        base = "http://127.0.0.1:" + app.startWeb().port();
        // Wait until the dense leg sees every vector: an unfiltered dense search then lists all six papers.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (ids(api("/api/search?q=rotation+curves&mode=dense").get("hits")).size() < 6) {
            if (System.nanoTime() > deadline) throw new AssertionError("the index did not show six vectors within 60 s");
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(String path) throws Exception {
        var r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        return mapper.readTree(r.body());
    }

    private static List<String> ids(JsonNode hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.get("id").asText()));
        return out;
    }

    /** The saves facet object in document order. */
    private static Map<String, Long> saves(JsonNode r) {
        Map<String, Long> out = new LinkedHashMap<>();
        r.get("facets").get("saves").properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The href of the facet link whose text starts with {@code resource}, unescaped; null when it is not a link. */
    private static String facetHref(String page, String resource) {
        Matcher m = Pattern.compile("<a class=\"facet[^\"]*\" href=\"([^\"]+)\"[^>]*>" + resource + " ").matcher(page);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    @Test
    void theApiCountsEveryResultPerResourceInVocabularyOrder() throws Exception {
        JsonNode r = api("/api/search?q=" + enc(Q) + "&mode=bm25&limit=1");
        assertEquals(3, r.get("total").asInt());
        assertEquals(1, r.get("hits").size());
        assertEquals(List.of(Map.entry("compute", 1L), Map.entry("memory", 1L)), List.copyOf(saves(r).entrySet()));
        assertTrue(r.toString().indexOf("\"facets\"") < r.toString().indexOf("\"hits\""), "facets come before hits");
    }

    @Test
    void theSavesParameterFiltersBothLegsAndExcludesWithAMinus() throws Exception {
        JsonNode memory = api("/api/search?q=" + enc(Q) + "&mode=bm25&saves=memory");
        assertEquals(List.of(SearchCorpus.ADAPTERS.id()), ids(memory.get("hits")));
        assertEquals(Map.of("memory", 1L), saves(memory));
        JsonNode notMemory = api("/api/search?q=" + enc(Q) + "&mode=bm25&saves=-memory");
        assertEquals(List.of(SearchCorpus.ATTENTION.id(), SearchCorpus.VISION.id()),
                ids(notMemory.get("hits")).stream().sorted().toList());
        assertEquals(Map.of("compute", 1L), saves(notMemory));
        // The dense leg ranks every paper; only the filter keeps the galaxy query to the paper that saves compute.
        assertEquals(List.of(SearchCorpus.ATTENTION.id()),
                ids(api("/api/search?q=" + enc("rotation curves") + "&mode=dense&saves=compute").get("hits")));
        assertEquals(List.of(SearchCorpus.ATTENTION.id()),
                ids(api("/api/search?q=" + enc("rotation curves saves:compute") + "&mode=hybrid").get("hits")));
        // Repeated or comma-separated: every resource is required.
        assertEquals(List.of(), ids(api("/api/search?q=" + enc(Q) + "&saves=memory&saves=compute").get("hits")));
        assertEquals(List.of(), ids(api("/api/search?q=" + enc(Q) + "&saves=memory,compute").get("hits")));
    }

    @Test
    void anUnknownResourceIsA400ThatListsTheVocabulary() throws Exception {
        for (String path : List.of("/api/search?q=x&saves=speed", "/api/search?q=" + enc("x saves:speed"),
                "/search?q=x&saves=speed")) {
            var r = get(path);
            assertEquals(400, r.statusCode(), path);
            assertTrue(r.body().contains("unknown resource") && r.body().contains(
                    "compute, memory, data, labels, parameters, money, energy, communication, context"), r.body());
        }
    }

    @Test
    void theSearchPageShowsFacetsAsLinksThatAddAndRemoveTheFilter() throws Exception {
        String page = get("/search?q=" + enc(Q) + "&mode=bm25").body();
        assertTrue(page.contains("<nav class=\"facets\""), page);
        assertTrue(page.contains(">compute <span class=\"count\">1</span>"), page);
        assertTrue(page.contains(">memory <span class=\"count\">1</span>"), page);
        assertFalse(page.contains("class=\"facet active\""), "nothing is filtered yet: " + page);

        String add = facetHref(page, "memory");
        assertEquals("/search?q=low-rank+transformers&mode=bm25&saves=memory&page=1", add);
        String filtered = get(add).body();
        assertTrue(filtered.contains("href=\"/papers/" + SearchCorpus.ADAPTERS.id() + "\""), filtered);
        assertFalse(filtered.contains("href=\"/papers/" + SearchCorpus.VISION.id() + "\""), filtered);
        assertTrue(filtered.contains("1 results"), filtered);
        assertTrue(filtered.contains("<a class=\"facet active\""), filtered);
        assertTrue(filtered.contains("aria-current=\"true\""), filtered);
        assertTrue(filtered.contains("<input type=\"hidden\" name=\"saves\" value=\"memory\">"),
                "a new query in the box keeps the filter: " + filtered);

        String remove = facetHref(filtered, "memory");
        assertEquals("/search?q=low-rank+transformers&mode=bm25&page=1", remove);
        assertTrue(get(remove).body().contains("3 results"));
    }

    @Test
    void aSavesOperatorInTheQueryIsMarkedActiveWithoutALink() throws Exception {
        String page = get("/search?q=" + enc("transformers saves:compute") + "&mode=bm25").body();
        assertTrue(page.contains("<span class=\"facet active\""), page);
        assertEquals(null, facetHref(page, "compute"), page);
        assertTrue(page.contains("href=\"/papers/" + SearchCorpus.ATTENTION.id() + "\""), page);
    }

    @Test
    void saveFiltersAloneListMatchingPapers() throws Exception {
        String page = get("/search?saves=compute").body();
        assertTrue(page.contains("1 results"), page);
        assertTrue(page.contains("href=\"/papers/" + SearchCorpus.ATTENTION.id() + "\""), page);
    }
}
