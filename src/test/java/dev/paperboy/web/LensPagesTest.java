package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.LensPapers;
import dev.paperboy.TestPapers;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Paper;
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

/** The budget lens on cards, the paper page and the paper JSON: the real server over SQLite in a temp dir. */
class LensPagesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String SENTENCE_BEFORE = "Experiments on three benchmarks, e.g., OBQA, CSQA, and\n"
            + "StrategyQA, show that LiteStage achieves up to ";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private App app;
    private String base;
    private Paper liteStage;

    @BeforeEach
    void start() {
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0");
        app = App.open(config, CLOCK);
        liteStage = LensPapers.paper(LensPapers.LITESTAGE, "2025-10-16T00:00:00Z");
        app.papers().upsert(liteStage);
        app.papers().upsert(TestPapers.simple("2401.00001", "A paper that saves nothing", "2024-01-01T00:00:00Z"));
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String get(String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /** The HTML of the home-page card that links to this paper. */
    private static String card(String home, String id) {
        int at = home.indexOf("href=\"/papers/" + id + "\"");
        assertTrue(at >= 0, id + " has no card in " + home);
        int from = home.lastIndexOf("<li>", at);
        return home.substring(from, home.indexOf("</li>", at));
    }

    @Test
    void apiPaperCarriesTheLensWithOffsetsIntoTitleAndAbstract() throws Exception {
        JsonNode lens = new ObjectMapper().readTree(get("/api/papers/" + LensPapers.LITESTAGE)).get("lens");
        assertEquals(LensExtractor.VERSION, lens.get("version").asInt());
        assertEquals(List.of("compute"), List.of(lens.get("resources").get(0).asText()));
        assertEquals(1, lens.get("resources").size());
        assertEquals("1.7× faster", lens.get("chip").asText());
        assertEquals(2, lens.get("claims").size(), lens.toString());

        JsonNode speedup = lens.get("claims").get(0);
        List<String> names = new java.util.ArrayList<>();
        speedup.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("text", "value", "unit", "kind", "resource", "sentence", "span"), names);
        assertEquals("up to 1.70x", speedup.get("text").asText());
        assertEquals(1.7, speedup.get("value").asDouble());
        assertEquals("x", speedup.get("unit").asText());
        assertEquals("speedup", speedup.get("kind").asText());
        assertEquals("compute", speedup.get("resource").asText());

        String input = liteStage.title() + "\n\n" + liteStage.abstractText();
        assertEquals("up to 1.70x", input.substring(speedup.get("span").get("start").asInt(),
                speedup.get("span").get("end").asInt()));
        String sentence = input.substring(speedup.get("sentence").get("start").asInt(),
                speedup.get("sentence").get("end").asInt());
        assertTrue(sentence.startsWith(SENTENCE_BEFORE + "1.70x speedup"), sentence);
        assertTrue(sentence.endsWith("layer skipping methods."), sentence);

        JsonNode accuracy = lens.get("claims").get(1);
        assertEquals("less than\n4.0%", accuracy.get("text").asText());
        assertEquals("accuracy", accuracy.get("kind").asText());
        assertTrue(accuracy.get("resource").isNull());
    }

    @Test
    void apiListItemsCarryTheLensToo() throws Exception {
        JsonNode papers = new ObjectMapper().readTree(get("/api/papers")).get("papers");
        assertEquals(LensPapers.LITESTAGE, papers.get(0).get("id").asText());
        assertEquals("1.7× faster", papers.get(0).get("lens").get("chip").asText());
    }

    @Test
    void aPaperWithoutBudgetContentHasAnEmptyLensInJson() throws Exception {
        JsonNode lens = new ObjectMapper().readTree(get("/api/papers/2401.00001")).get("lens");
        assertEquals(LensExtractor.VERSION, lens.get("version").asInt());
        assertEquals(0, lens.get("resources").size());
        assertEquals("", lens.get("chip").asText());
        assertEquals(0, lens.get("claims").size());
    }

    @Test
    void paperPageHighlightsEachClaimInItsSentenceAndListsResources() throws Exception {
        String b = get("/papers/" + LensPapers.LITESTAGE);
        assertTrue(b.contains("<h2>Budget lens</h2>"), b);
        assertTrue(b.contains("<li class=\"tag\">compute</li>"), b);
        assertTrue(b.contains("LiteStage achieves <mark>up to 1.70x</mark> speedup with less than\n4.0% accuracy loss"), b);
        assertTrue(b.contains("up to 1.70x speedup with <mark>less than\n4.0%</mark> accuracy loss"), b);
        assertTrue(b.contains("<span class=\"phrase\">1.7× faster</span>"), b);
        assertTrue(b.contains("speedup · compute"), b);
        assertEquals(2, b.split("<mark>", -1).length - 1, b);
    }

    @Test
    void aPaperWithoutBudgetContentHasNoLensSectionAndNoChip() throws Exception {
        String page = get("/papers/2401.00001");
        assertFalse(page.contains("Budget lens"), page);
        assertFalse(page.contains("<mark>"), page);
        assertFalse(card(get("/"), "2401.00001").contains("lens-chip"));
    }

    @Test
    void aCardShowsTheChip() throws Exception {
        String card = card(get("/"), LensPapers.LITESTAGE);
        assertTrue(card.contains("class=\"lens-chip\""), card);
        assertTrue(card.contains(">1.7× faster</div>"), card);
        assertTrue(card.contains(liteStage.title()), card);
    }

    @Test
    void aSearchResultCardShowsTheChipTheIndexKeeps() throws Exception {
        String card = card(get("/search?mode=bm25&q=LiteStage"), LensPapers.LITESTAGE);
        assertTrue(card.contains(">1.7× faster</div>"), card);
        assertFalse(card(get("/search?mode=bm25&q=saves+nothing"), "2401.00001").contains("lens-chip"));
    }

    @Test
    void markupInTheClaimSentenceIsEscapedAroundTheHighlight() throws Exception {
        Paper p = TestPapers.simple("2401.00002", "Fast <i>things</i>", "2024-01-02T00:00:00Z");
        app.papers().upsert(Paper.builder(p.id())
                .version(1)
                .title(p.title())
                .authors(p.authors())
                .abstractText("We present <script>alert(1)</script> a kernel. It runs 3x faster than <b>FlashAttention</b> & co.")
                .categories(p.categories())
                .published(p.published())
                .source("test")
                .build());
        String b = get("/papers/2401.00002");
        assertFalse(b.contains("<script>alert"), b);
        assertFalse(b.contains("<b>FlashAttention"), b);
        assertTrue(b.contains("It runs <mark>3x</mark> faster than &lt;b&gt;FlashAttention&lt;/b&gt; &amp; co."), b);
        String card = card(get("/"), "2401.00002");
        assertTrue(card.contains(">3× faster</div>"), card);
    }
}
