package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Day, week, month, trending, category and author lists through the real server over SQLite and Lucene. */
class ListRoutesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-25T08:00:00Z"), ZoneOffset.UTC);
    private static final String SCRIPT_TITLE = "<script>alert('title')</script> Scaling laws";
    private static final String IMG_TITLE = "\"><img src=x onerror=alert(1)> Sparse attention";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private App app;
    private String base;

    static Paper paper(String id, String title, String published, List<String> cats, List<String> authors,
            HubEntry... entries) {
        return Paper.builder(id).version(1).title(title)
                .authors(authors.stream().map(Author::new).toList())
                .abstractText("We study " + title + ". " + "Long words follow here to make the abstract long. ".repeat(8)
                        + "<b>bold</b> and <script>alert('abstract')</script> stay text.")
                .categories(cats).published(Instant.parse(published))
                .links(new Links("https://arxiv.org/abs/" + id, null, id.endsWith("1") ? "https://github.com/acme/tool" : "javascript:alert(1)",
                        null))
                .hubEntries(List.of(entries)).build();
    }

    static HubEntry hf(String day, int upvotes, Integer stars) {
        return new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse(day), "ak", upvotes, 2, stars);
    }

    /** Five papers, four featured by Hugging Face from Monday 18 to Friday 22 March 2024, two with hostile titles. */
    static List<Paper> sample() {
        List<String> five = List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov");
        return List.of(
                paper("2403.00001", "Featured Monday", "2024-03-15T10:00:00Z", List.of("cs.LG"), five,
                        hf("2024-03-18", 40, 1200)),
                paper("2403.00002", SCRIPT_TITLE, "2024-03-15T11:00:00Z", List.of("cs.CV"),
                        List.of("Alan Turing"), hf("2024-03-19", 10, null)),
                paper("2403.00003", "Tuesday language model", "2024-03-17T11:00:00Z", List.of("cs.CL", "cs.LG"),
                        List.of("Grace Hopper", "Alan Turing"), hf("2024-03-19", 25, null)),
                paper("2403.00004", IMG_TITLE, "2024-03-21T09:00:00Z", List.of("cs.CV"),
                        List.of("Barbara Liskov"), hf("2024-03-22", 12, null)),
                paper("2403.00005", "Unfeatured combinatorics", "2024-03-21T10:00:00Z", List.of("math.CO"),
                        List.of("Alan Turing")));
    }

    void start(boolean withPapers) {
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0").with(Key.PAGE_SIZE, "2").with(Key.EMBED, "false");
        app = App.open(config, CLOCK);
        if (withPapers) app.papers().upsertAll(sample());
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    @BeforeEach
    void open() {}

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ok(String path) throws Exception {
        var r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r;
    }

    private JsonNode json(String path) throws Exception {
        var r = ok(path);
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return mapper.readTree(r.body());
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : list.get("papers")) out.add(p.get("id").asText());
        return out;
    }

    private static void assertOrder(String body, String... texts) {
        int at = -1;
        for (String t : texts) {
            int i = body.indexOf(t);
            assertTrue(i > at, "\"" + t + "\" out of order in " + body);
            at = i;
        }
    }

    @Test
    void theHomePageIsTheLatestFeaturedDayWithLinksToTheDayBefore() throws Exception {
        start(true);
        String home = ok("/").body();
        assertTrue(home.contains("Papers of Friday 22 March 2024"), home);
        assertTrue(home.contains("href=\"/papers/date/2024-03-19\""), home);
        assertTrue(home.contains("Sparse attention"), home);
        // Friday's previous day skips Wednesday and Thursday; Tuesday's next skips them too.
        String tuesday = ok("/papers/date/2024-03-19").body();
        assertTrue(tuesday.contains("rel=\"prev\" href=\"/papers/date/2024-03-18\""), tuesday);
        assertTrue(tuesday.contains("rel=\"next\" href=\"/papers/date/2024-03-22\""), tuesday);
        // Trending by default: 25 upvotes before 10.
        assertOrder(tuesday, "Tuesday language model", "Scaling laws");
        assertOrder(ok("/papers/date/2024-03-19?sort=newest").body(), "Tuesday language model", "Scaling laws");
    }

    @Test
    void withNothingFeaturedTheHomePageListsTheNewestAnnouncements() throws Exception {
        start(false);
        app.papers().upsert(paper("2403.00009", "Only announced", "2024-03-21T10:00:00Z", List.of("cs.LG"),
                List.of("Ada Lovelace")));
        String home = ok("/").body();
        assertTrue(home.contains("Newest papers"), home);
        assertTrue(home.contains("Only announced"), home);
        assertTrue(ok("/trending").body().contains("Nothing is featured yet"));
    }

    @Test
    void emptyAndFutureDaysSaySoAndLinkToTheNearestDayWithPapers() throws Exception {
        start(true);
        String wednesday = ok("/papers/date/2024-03-20").body();
        assertTrue(wednesday.contains("No papers were featured on Wednesday 20 March 2024."), wednesday);
        assertTrue(wednesday.contains("<a href=\"/papers/date/2024-03-19\">"), wednesday);
        String future = ok("/papers/date/2024-04-02").body();
        assertTrue(future.contains("Tuesday 2 April 2024 is in the future: nothing is featured yet."), future);
        assertTrue(future.contains("<a href=\"/papers/date/2024-03-22\">"), future);
        assertEquals(404, get("/papers/date/2024-02-30").statusCode());
        assertEquals(404, get("/papers/date/yesterday").statusCode());
    }

    @Test
    void weeksAndMonthsListTheirFeaturedPapersAPageAtATime() throws Exception {
        start(true);
        String week = ok("/papers/week/2024-W12").body();
        assertTrue(week.contains("Week 12 of 2024 (18 March 2024 – 24 March 2024)"), week);
        assertTrue(week.contains("4 papers · page 1 of 2"), week);
        // Trending over the week, at 25 March: Sparse attention, Featured Monday | Tuesday language model, Scaling laws.
        assertOrder(week, "Sparse attention", "Featured Monday");
        String second = ok("/papers/week/2024-W12?page=2").body();
        assertOrder(second, "Tuesday language model", "Scaling laws");
        assertFalse(second.contains("Featured Monday"), second);
        assertEquals(404, get("/papers/week/2024-W12?page=3").statusCode());
        assertEquals(404, get("/papers/week/2021-W53").statusCode());
        String month = ok("/papers/month/2024-03?sort=votes").body();
        assertOrder(month, "Featured Monday", "Tuesday language model");
        assertTrue(ok("/papers/month/2024-02").body().contains("No papers were featured in February 2024."));
        assertEquals(400, get("/papers/month/2024-03?sort=random").statusCode());
    }

    @Test
    void trendingRanksTheWindowAndRejectsUnknownWindows() throws Exception {
        start(true);
        String week = ok("/trending").body();
        // Week ending Friday 22 March, at 25 March 08:00: Featured Monday (40 + 4 + log2 1201 = 54.2 points, 176 h)
        // 3.0; Tuesday language model (29, 152 h) 2.4; Sparse attention (16, 80 h) 4.3; Scaling laws (14, 152 h) 1.1.
        assertOrder(week, "Sparse attention", "Featured Monday");
        assertOrder(ok("/trending?page=2").body(), "Tuesday language model", "Scaling laws");
        String day = ok("/trending?window=day").body();
        assertTrue(day.contains("Sparse attention"), day);
        assertFalse(day.contains("Featured Monday"), day);
        assertEquals(400, get("/trending?window=year").statusCode());
        JsonNode api = json("/api/trending?window=week");
        assertEquals(List.of("2403.00004", "2403.00001"), ids(api));
        assertEquals(4, api.get("total").asInt());
    }

    @Test
    void categoryFiltersExcludeAndIncludeArchives() throws Exception {
        start(true);
        String noVision = ok("/papers/week/2024-W12?cat=-cs.CV").body();
        assertTrue(noVision.contains("2 papers"), noVision);
        assertFalse(noVision.contains("Sparse attention"), noVision);
        assertTrue(noVision.contains("href=\"/papers/week/2024-W12?cat=-cs.CV&amp;page=2\"") || !noVision.contains("page=2"));
        JsonNode onlyCl = json("/api/daily?week=2024-W12&cat=cs.CL");
        assertEquals(List.of("2403.00003"), ids(onlyCl));
        assertEquals(400, get("/papers/week/2024-W12?cat=%3Cscript%3E").statusCode());
        assertEquals(400, get("/api/daily?week=2024-W12&cat=%3Cscript%3E").statusCode());
    }

    @Test
    void aCategoryListsOneAnnouncementDayWithOlderAndNewerDays() throws Exception {
        start(true);
        String lg = ok("/list/cs.LG").body();
        assertTrue(lg.contains("New in cs.LG: Sunday 17 March 2024"), lg);
        assertTrue(lg.contains("Tuesday language model"), lg);
        assertTrue(lg.contains("href=\"/list/cs.LG?day=2024-03-15\""), lg);
        assertTrue(lg.contains("<form class=\"list-filter\" method=\"get\" action=\"/list/cs.LG\">"), lg);
        assertTrue(lg.contains("<input type=\"hidden\" name=\"day\" value=\"2024-03-17\">"), lg);
        String cs = ok("/list/cs?day=2024-03-15").body();
        assertOrder(cs, "Scaling laws", "Featured Monday");
        assertTrue(cs.contains("href=\"/list/cs?day=2024-03-17\""), cs);
        JsonNode api = json("/api/list/cs?day=2024-03-15&cat=-cs.CV");
        assertEquals(List.of("2403.00001"), ids(api));
        assertEquals("/api/list/cs?day=2024-03-17&sort=newest&cat=-cs.CV", api.get("next").get("url").asText());
        assertTrue(ok("/list/math?day=2024-03-20").body().contains("Nothing in math was announced on Wednesday 20 March 2024."));
        assertEquals(404, get("/list/not%20a%20category").statusCode());
        assertEquals(400, get("/list/cs?day=2024-03-15&after=nonsense").statusCode());
        assertEquals(400, get("/list/cs?day=15%20March").statusCode());
    }

    @Test
    void anAuthorPageListsEveryPaperByThatNameNewestFirst() throws Exception {
        start(true);
        String turing = ok("/authors/Alan%20Turing").body();
        assertTrue(turing.contains("Papers by Alan Turing"), turing);
        assertTrue(turing.contains("4 papers · page 1 of 2"), turing);
        assertOrder(turing, "Unfeatured combinatorics", "Tuesday language model");
        assertOrder(ok("/authors/Turing?page=2").body(), "Scaling laws", "Featured Monday");
        String noMath = ok("/authors/Alan%20Turing?cat=-math").body();
        assertTrue(noMath.contains("3 papers"), noMath);
        assertTrue(ok("/authors/Nobody%20Here").body().contains("No papers by Nobody Here."));
    }

    @Test
    void cardsShowShortBylinesSignalsRepositoryAndAnExpandableAbstract() throws Exception {
        start(true);
        String monday = ok("/papers/date/2024-03-18").body();
        assertTrue(monday.contains(">Ada Lovelace</a>, <a class=\"author\" href=\"/authors/Alan%20Turing\">Alan Turing</a>"), monday);
        assertTrue(monday.contains("… +2"), monday);
        assertFalse(monday.contains("Barbara Liskov"), monday);
        assertTrue(monday.contains("40 on Hugging Face"), monday);
        assertTrue(monday.contains("0 votes"), monday);
        assertTrue(monday.contains("2 comments"), monday);
        assertTrue(monday.contains("<a class=\"repo\" href=\"https://github.com/acme/tool\">acme/tool</a>"), monday);
        assertTrue(monday.contains("★ 1,200"), monday);
        assertTrue(monday.contains("<details class=\"card-abstract\">"), monday);
        assertTrue(monday.contains("href=\"https://arxiv.org/pdf/2403.00001\""), monday);
        assertTrue(monday.contains("featured <a href=\"/papers/date/2024-03-18\">2024-03-18</a> by <span class=\"submitter\">ak</span>"), monday);
        JsonNode api = json("/api/daily?date=2024-03-18");
        JsonNode card = api.get("papers").get(0);
        assertEquals(40, card.get("hf_upvotes").asInt());
        assertEquals(0, card.get("votes").asInt());
        assertEquals(1200, card.get("github_stars").asInt());
        assertEquals("2024-03-18", card.get("featured_on").asText());
        assertEquals("/api/daily?date=2024-03-19&sort=trending", api.get("next").get("url").asText());
    }

    @Test
    void hostileTitlesAbstractsAndLinksRenderInertOnEveryList() throws Exception {
        start(true);
        for (String path : List.of("/papers/date/2024-03-19", "/papers/date/2024-03-22", "/papers/week/2024-W12",
                "/papers/month/2024-03", "/trending", "/trending?window=month", "/list/cs.CV?day=2024-03-21",
                "/list/cs?day=2024-03-15", "/authors/Alan%20Turing", "/authors/Barbara%20Liskov", "/")) {
            String body = ok(path).body();
            assertFalse(body.contains("<script>alert"), path + ": " + body);
            assertFalse(body.contains("<img src=x"), path + ": " + body);
            assertFalse(body.contains("<b>bold"), path + ": " + body);
            assertFalse(body.contains("javascript:"), path + ": " + body);
        }
        String tuesday = ok("/papers/date/2024-03-19").body();
        assertTrue(tuesday.contains("&lt;script&gt;alert("), tuesday);
        String friday = ok("/papers/date/2024-03-22").body();
        assertTrue(friday.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt; Sparse attention</a>"), friday);
        // A hostile author name in the path is text too.
        String name = ok("/authors/%3Cscript%3Ealert(1)%3C%2Fscript%3E").body();
        assertFalse(name.contains("<script>alert"), name);
    }

    @Test
    void theDailyApiTakesADayAWeekOrAMonthAndRejectsTwo() throws Exception {
        start(true);
        assertEquals(List.of("2403.00004"), ids(json("/api/daily")));
        assertEquals(List.of("2403.00003", "2403.00002"), ids(json("/api/daily?date=2024-03-19&sort=votes")));
        JsonNode week = json("/api/daily?week=2024-W12&sort=newest");
        assertEquals("week", week.get("period").get("kind").asText());
        assertEquals("2024-03-18", week.get("period").get("first").asText());
        assertEquals(List.of("2403.00004", "2403.00003"), ids(week));
        assertEquals(2, week.get("pages").asInt());
        assertEquals(1, json("/api/daily?month=2024-03&page=2&sort=newest").get("papers").size() > 0 ? 1 : 0);
        JsonNode empty = json("/api/daily?date=2024-03-20");
        assertEquals("No papers were featured on Wednesday 20 March 2024.", empty.get("empty").asText());
        assertEquals("/api/daily?date=2024-03-19&sort=trending", empty.get("nearest").get("url").asText());
        assertEquals(400, get("/api/daily?date=2024-03-19&week=2024-W12").statusCode());
        assertEquals(400, get("/api/daily?week=2021-W53").statusCode());
        assertEquals(400, get("/api/daily?month=2024-13").statusCode());
        var bad = get("/api/daily?sort=best");
        assertEquals(400, bad.statusCode());
        assertTrue(mapper.readTree(bad.body()).get("error").asText().contains("sort"));
    }
}
