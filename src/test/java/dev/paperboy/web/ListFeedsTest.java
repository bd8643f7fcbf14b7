package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeds of the lists (a page at P, its feed at P.atom with the same query) read with Rome: their entries are the
 * page's cards in the page's order; the pages name their feeds; list pages, feeds, JSON lists and a paper's BibTeX and
 * Markdown answer conditional GETs. The real server over SQLite and Lucene, ListRoutesTest's papers, 2 per page.
 */
class ListFeedsTest {

    private static final String BASE_URL = "https://papers.example.org";
    private static final Pattern CARD = Pattern.compile("<a class=\"title\" href=\"/papers/([^\"]+)\"");

    @TempDir
    static Path data;

    private static App app;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0").with(Key.PAGE_SIZE, "2").with(Key.EMBED, "false").with(Key.BASE_URL, BASE_URL);
        app = App.open(config, ListRoutesTest.CLOCK);
        app.papers().upsertAll(ListRoutesTest.sample());
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> ok(String path) throws Exception {
        var r = get(path, Map.of());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r;
    }

    private static Feed feed(String path) throws Exception {
        var r = ok(path);
        assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("content-type").orElse(""), path);
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(r.body()));
        assertEquals("atom_1.0", feed.getFeedType());
        return feed;
    }

    private static List<String> entryIds(Feed feed) {
        List<String> ids = new ArrayList<>();
        for (Entry e : feed.getEntries()) {
            String href = e.getAlternateLinks().getFirst().getHref();
            assertTrue(href.startsWith(BASE_URL + "/papers/"), href);
            ids.add(href.substring((BASE_URL + "/papers/").length()));
        }
        return ids;
    }

    private static List<String> cardIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = CARD.matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** The feed the page names in its head, checked against its visible link. */
    private static String namedFeed(String html) {
        Matcher m = Pattern.compile("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]*\" href=\"([^\"]+)\">")
                .matcher(html);
        assertTrue(m.find(), html);
        String href = m.group(1);
        assertTrue(html.contains("<a class=\"feed\" href=\"" + href + "\" type=\"application/atom+xml\">"), html);
        return href.replace("&amp;", "&");
    }

    @Test
    void everyListsFeedHoldsThePapersOfItsPageInTheSameOrder() throws Exception {
        String[][] pagesAndFeeds = {
            {"/", "/papers.atom"},
            {"/papers/date/2024-03-19", "/papers/date/2024-03-19.atom"},
            {"/papers/date/2024-03-19?sort=newest", "/papers/date/2024-03-19.atom?sort=newest"},
            {"/papers/week/2024-W12", "/papers/week/2024-W12.atom"},
            {"/papers/week/2024-W12?sort=votes&cat=-cs.CL", "/papers/week/2024-W12.atom?sort=votes&cat=-cs.CL"},
            {"/papers/month/2024-03", "/papers/month/2024-03.atom"},
            {"/trending", "/trending.atom"},
            {"/trending?window=month&cat=cs.CV", "/trending.atom?window=month&cat=cs.CV"},
            {"/authors/Alan%20Turing", "/authors/Alan%20Turing.atom"},
            {"/list/cs.CV", "/list/cs.CV.atom"},
            {"/list/cs?day=2024-03-15", "/list/cs.atom?day=2024-03-15"},
        };
        for (String[] pf : pagesAndFeeds) {
            String page = ok(pf[0]).body();
            List<String> cards = cardIds(page);
            assertFalse(cards.isEmpty(), pf[0]);
            assertEquals(cards, entryIds(feed(pf[1])), pf[1]);
        }
        // The week has four featured papers: the feed, like the page, holds the first two by trending score.
        assertEquals(List.of("2403.00004", "2403.00001"), entryIds(feed("/papers/week/2024-W12.atom")));
        // A feed is the first page: the page number is not part of it.
        assertEquals(entryIds(feed("/papers/month/2024-03.atom")), entryIds(feed("/papers/month/2024-03.atom?page=2")));
    }

    @Test
    void aCategoryFeedIsTheNewestDayOfItsPageNotTheNewestPapersOfAllDays() throws Exception {
        // cs.CV announced 2403.00004 on 21 March and 2403.00002 on 15 March: the page and its feed show the 21st only.
        assertEquals(List.of("2403.00004"), entryIds(feed("/list/cs.CV.atom")));
        assertEquals(List.of("2403.00002"), entryIds(feed("/list/cs.CV.atom?day=2024-03-15")));
        assertEquals(404, get("/list/%3Cb%3E.atom", Map.of()).statusCode());
    }

    @Test
    void listPagesNameTheirFeedInTheHeadAndShowALinkToIt() throws Exception {
        assertEquals("/papers.atom", namedFeed(ok("/").body()));
        assertEquals("/papers/date/2024-03-19.atom", namedFeed(ok("/papers/date/2024-03-19").body()));
        assertEquals("/papers/date/2024-03-19.atom?sort=votes&cat=cs.LG",
                namedFeed(ok("/papers/date/2024-03-19?sort=votes&cat=cs.LG&page=1").body()));
        assertEquals("/papers/week/2024-W12.atom", namedFeed(ok("/papers/week/2024-W12?page=2").body()));
        assertEquals("/papers/month/2024-03.atom", namedFeed(ok("/papers/month/2024-03").body()));
        assertEquals("/trending.atom?window=day", namedFeed(ok("/trending?window=day").body()));
        assertEquals("/authors/Alan%20Turing.atom", namedFeed(ok("/authors/Alan%20Turing").body()));
        // A category page that shows an older day names the feed to follow: the category's newest day.
        assertEquals("/list/cs.CV.atom", namedFeed(ok("/list/cs.CV?day=2024-03-15").body()));
        // The feed's alternate link is its page.
        Feed week = feed("/papers/week/2024-W12.atom?sort=votes");
        assertEquals(BASE_URL + "/papers/week/2024-W12?sort=votes", ((Link) week.getAlternateLinks().getFirst()).getHref());
        assertEquals(BASE_URL + "/papers/week/2024-W12.atom?sort=votes", week.getId());
    }

    @Test
    void hostileTitlesAndAbstractsStayTextInEveryListFeed() throws Exception {
        for (String path : List.of("/papers/date/2024-03-19.atom", "/papers/week/2024-W12.atom?sort=newest",
                "/trending.atom?window=month&cat=cs.CV", "/authors/Alan%20Turing.atom", "/list/cs.CV.atom")) {
            String xml = ok(path).body();
            assertFalse(xml.contains("<script"), path);
            assertFalse(xml.contains("<img"), path);
            assertFalse(xml.toLowerCase().contains("javascript:alert(1)"), path + ": a script link is dropped");
        }
        Feed day = feed("/papers/date/2024-03-19.atom");
        assertTrue(day.getEntries().stream().anyMatch(e -> e.getTitle().startsWith("<script>alert('title')</script>")),
                "read back as the same text");
    }

    @Test
    void badInputToAListFeedIsAnErrorAsOnItsPage() throws Exception {
        assertEquals(404, get("/papers/date/2024-02-30.atom", Map.of()).statusCode());
        assertEquals(404, get("/papers/week/2021-W53.atom", Map.of()).statusCode());
        assertEquals(400, get("/trending.atom?window=year", Map.of()).statusCode());
        assertEquals(400, get("/papers/month/2024-03.atom?sort=best", Map.of()).statusCode());
        // An empty day is an empty feed, not an error.
        assertTrue(feed("/papers/date/2024-03-20.atom").getEntries().isEmpty());
    }

    @Test
    void listPagesFeedsAndJsonListsAnswer304WhenUnchanged() throws Exception {
        Map<String, String> freshness = Map.of("/papers/date/2024-03-19", "no-cache", "/trending.atom?window=month",
                "public, max-age=900", "/api/daily?week=2024-W12", "no-cache", "/api/list/cs.CV", "no-cache");
        for (var e : freshness.entrySet()) {
            var first = ok(e.getKey());
            assertEquals(e.getValue(), first.headers().firstValue("cache-control").orElseThrow(), e.getKey());
            String etag = first.headers().firstValue("etag").orElseThrow();
            var again = get(e.getKey(), Map.of("If-None-Match", etag));
            assertEquals(304, again.statusCode(), e.getKey());
            assertEquals("", again.body());
            var byDate = get(e.getKey(), Map.of("If-Modified-Since", first.headers().firstValue("last-modified").orElseThrow()));
            assertEquals(304, byDate.statusCode(), e.getKey());
            assertEquals(200, get(e.getKey(), Map.of("If-None-Match", "W/\"other\"")).statusCode(), e.getKey());
        }
        // Errors stay errors, whatever the validators.
        assertEquals(400, get("/api/daily?date=x", Map.of("If-None-Match", "*")).statusCode());
    }

    @Test
    void aPapersBibTeXAndMarkdownCarryValidatorsAndAnswer304() throws Exception {
        for (String path : List.of("/papers/2403.00001.bib", "/papers/2403.00001.md")) {
            var first = ok(path);
            assertEquals("public, max-age=900", first.headers().firstValue("cache-control").orElseThrow(), path);
            String etag = first.headers().firstValue("etag").orElseThrow();
            assertTrue(etag.startsWith("W/\""), etag);
            assertEquals(304, get(path, Map.of("If-None-Match", etag)).statusCode(), path);
        }
        // Another spelling of the id still redirects, untouched by the validators.
        assertEquals(301, get("/papers/2403.00001v1.bib", Map.of("If-None-Match", "*")).statusCode());
    }
}
