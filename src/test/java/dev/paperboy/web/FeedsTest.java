package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.paperboy.paper.Paper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The Atom feeds over HTTP, read back with Rome and checked against RFC 4287 and against the pages they mirror. */
class FeedsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern CARD = Pattern.compile("<a class=\"title\" href=\"/papers/([^\"]+)\"");

    @TempDir
    static Path data;

    private static FeedSite site;

    @BeforeAll
    static void start() throws Exception {
        site = new FeedSite(data, 4);
        awaitSearchable();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    /** The index shows new writes within about a second; the deadline only stops a broken run. */
    private static void awaitSearchable() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (site.get("/api/search?q=rotation+curves").body().contains(SearchCorpus.HALOES.id())) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the index never showed the corpus");
    }

    /** Fetches a feed, checks the answer's headers and RFC 4287's required elements, and parses it with Rome. */
    private static Feed feed(String path) throws Exception {
        HttpResponse<byte[]> r = site.bytes(path);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), body);
        assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("content-type").orElse(""));
        assertRfc4287(r.body());
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(body));
        assertEquals("atom_1.0", feed.getFeedType());
        return feed;
    }

    /** The elements RFC 4287 requires (4.1.1, 4.1.2), each exactly once, checked on the DOM of a namespace-aware parser. */
    private static void assertRfc4287(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element feed = doc.getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        for (String name : List.of("id", "title", "updated")) assertEquals(1, children(feed, name).size(), name);
        assertFalse(children(feed, "author").isEmpty(), "a feed author stands in for entries without one");
        assertTrue(children(feed, "link").stream().anyMatch(l -> l.getAttribute("rel").equals("self")));
        assertTrue(children(feed, "link").stream().anyMatch(l -> l.getAttribute("rel").equals("alternate")));
        for (Element e : children(feed, "entry")) {
            for (String name : List.of("id", "title", "updated")) assertEquals(1, children(e, name).size(), name);
            assertTrue(children(e, "content").size() == 1 && children(e, "content").getFirst().getAttribute("type").equals("text"));
            assertTrue(children(e, "link").stream().filter(l -> l.getAttribute("rel").equals("alternate")).count() == 1);
        }
        // Nothing in any text became markup: the only elements are Atom's own.
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Node n = all.item(i);
            assertEquals(ATOM, n.getNamespaceURI(), "unexpected element " + n.getNodeName());
            assertTrue(List.of("feed", "id", "title", "subtitle", "updated", "published", "link", "author", "name", "uri",
                    "generator", "entry", "category", "summary", "content").contains(n.getLocalName()), n.getLocalName());
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    private static List<String> entryPaperIds(Feed feed) {
        List<String> ids = new ArrayList<>();
        for (Entry e : feed.getEntries()) {
            String href = e.getAlternateLinks().getFirst().getHref();
            assertTrue(href.startsWith(FeedSite.BASE_URL + "/papers/"), href);
            ids.add(href.substring((FeedSite.BASE_URL + "/papers/").length()));
        }
        return ids;
    }

    private static List<String> cardIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = CARD.matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theNewestFeedHoldsTheHomePagesPapersInItsOrder() throws Exception {
        Feed feed = feed("/papers.atom");
        var home = site.get("/");
        List<String> cards = cardIds(home.body());
        assertEquals(4, cards.size(), home.body());
        assertEquals(cards, entryPaperIds(feed));
        assertEquals(FeedSite.BASE_URL + "/papers.atom", feed.getId());
        assertEquals(FeedSite.BASE_URL + "/", ((Link) feed.getAlternateLinks().getFirst()).getHref());
        assertEquals(FeedSite.BASE_URL + "/papers.atom", ((Link) feed.getOtherLinks().stream()
                .filter(l -> l.getRel().equals("self")).findFirst().orElseThrow()).getHref());
        // The feed's updated is its newest entry's.
        assertEquals(Instant.parse("2024-06-12T08:30:00Z"), feed.getUpdated().toInstant());
    }

    @Test
    void anArxivEntryCarriesItsStableIdDatesAuthorsCategoriesAbstractAndLensChip() throws Exception {
        Feed feed = feed("/list/cs.CL.atom");
        Entry e = feed.getEntries().stream().filter(x -> x.getId().equals("https://arxiv.org/abs/2401.00001"))
                .findFirst().orElseThrow(() -> new AssertionError(entryPaperIds(feed)));
        Paper p = SearchCorpus.ADAPTERS;
        assertEquals(p.title(), e.getTitle());
        assertEquals(p.published(), e.getPublished().toInstant());
        assertEquals(p.published(), e.getUpdated().toInstant());
        assertEquals(List.of("Grace Hopper"), e.getAuthors().stream().map(a -> a.getName()).toList());
        assertEquals(List.of("cs.CL"), e.getCategories().stream().map(c -> c.getTerm()).toList());
        assertEquals("text", e.getContents().getFirst().getType());
        assertEquals(p.abstractText(), e.getContents().getFirst().getValue());
        assertNotNull(e.getSummary(), "the lens chip is the summary");
        assertTrue(e.getSummary().getValue().contains("memory"), e.getSummary().getValue());
        assertTrue(e.getOtherLinks().stream().anyMatch(l -> l.getHref().equals("https://arxiv.org/abs/2401.00001")));
    }

    @Test
    void aPaperWithoutAnArxivIdHasATagIdAndTheFeedNamesAnAuthorForIt() throws Exception {
        Feed feed = feed("/list/cs.CL.atom?day=2023-12-01");
        Entry e = feed.getEntries().stream().filter(x -> x.getId().startsWith("tag:")).findFirst().orElseThrow();
        assertEquals("tag:papers.example.org,2026:papers/beir-scifact-42", e.getId());
        assertEquals("(untitled) beir-scifact-42", e.getTitle());
        assertTrue(e.getAuthors().isEmpty());
        assertFalse(feed.getAuthors().isEmpty());
    }

    @Test
    void aCategoryFeedListsTheDayItsPageShowsAndHonoursExclusions() throws Exception {
        // Like /list/{category}: the newest announcement day (one paper a day here), or the day asked for.
        assertEquals(List.of("2406.00006"), entryPaperIds(feed("/list/cs.LG.atom")));
        assertEquals(List.of("2404.00004"), entryPaperIds(feed("/list/cs.LG.atom?day=2024-04-10")));
        assertEquals(List.of("2405.00005"), entryPaperIds(feed("/list/cs.atom?cat=-cs.LG")));
        for (String page : List.of("/list/cs.LG", "/list/cs", "/list/cs?cat=-cs.LG", "/list/cs.LG?day=2024-03-10")) {
            String feedPath = page.replaceFirst("^(/list/[^?]+)", "$1.atom");
            assertEquals(cardIds(site.get(page).body()), entryPaperIds(feed(feedPath)), feedPath);
        }
        assertEquals(List.of("2405.00005", "2402.00002"), entryPaperIds(feed("/papers.atom?cat=" + enc("cs.CV,astro-ph"))));
        assertEquals(404, site.get("/list/" + enc("<script>") + ".atom").statusCode());
        assertEquals(400, site.get("/papers.atom?cat=" + enc("-<b>")).statusCode());
    }

    @Test
    void aSearchFeedHoldsThePapersOfTheSearchPageInDateOrder() throws Exception {
        String q = "low-rank adapters";
        Feed feed = feed("/search.atom?q=" + enc(q));
        var page = site.get("/search?q=" + enc(q) + "&order=date");
        assertEquals(200, page.statusCode());
        List<String> cards = cardIds(page.body());
        assertFalse(cards.isEmpty());
        assertEquals(cards, entryPaperIds(feed));
        assertTrue(((Link) feed.getAlternateLinks().getFirst()).getHref().endsWith("/search?q=low-rank+adapters&order=date"));
        // Filters work as on the page (keywords only: the tiny test embedder finds every paper somewhat similar).
        assertEquals(List.of("2401.00001"), entryPaperIds(feed("/search.atom?q=" + enc(q) + "&cat=cs.CL&mode=bm25")));
        assertEquals(List.of("2401.00001"),
                entryPaperIds(feed("/search.atom?mode=bm25&q=" + enc("author:hopper until:2024-02"))));
        // An arXiv id is that paper; a query that cannot run is a 400.
        assertEquals(List.of("2402.00002"), entryPaperIds(feed("/search.atom?q=arXiv:2402.00002")));
        assertEquals(400, site.get("/search.atom?q=x&since=yesterday").statusCode());
    }

    @Test
    void listAndSearchPagesNameTheirFeedInTheHeadAndShowALinkToIt() throws Exception {
        String home = site.get("/").body();
        assertTrue(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Newest papers (Atom)\" href=\"/papers.atom\">"), home);
        assertTrue(home.contains("<a class=\"feed\" href=\"/papers.atom\""), home);
        String search = site.get("/search?q=" + enc("dark matter") + "&cat=astro-ph&saves=memory").body();
        String feedUrl = "/search.atom?q=dark+matter&amp;cat=astro-ph&amp;saves=memory";
        assertTrue(search.contains("type=\"application/atom+xml\" title=\"Search: dark matter (Atom)\" href=\"" + feedUrl + "\""), search);
        assertTrue(search.contains("<a class=\"feed\" href=\"" + feedUrl + "\""), search);
        assertFalse(site.get("/search").body().contains("application/atom+xml"), "no feed before a search");
    }

    @Test
    void hostileTitlesAbstractsAuthorsAndLinksStayInertText() throws Exception {
        HttpResponse<byte[]> raw = site.bytes("/list/cs.LG.atom");
        String xml = new String(raw.body(), StandardCharsets.UTF_8);
        assertFalse(xml.contains("<script"), xml);
        assertFalse(xml.contains("<img"), xml);
        assertFalse(xml.contains("<b "), xml);
        assertFalse(xml.toLowerCase().contains("javascript:alert(5)"), "a script link is dropped, not escaped");
        assertFalse(xml.toLowerCase().contains("javascript:alert(7)"));
        assertFalse(xml.contains("data:text/html"));
        Feed feed = feed("/list/cs.LG.atom");
        Entry e = feed.getEntries().getFirst();
        assertEquals("https://arxiv.org/abs/2406.00006", e.getId());
        // Read back as the same text (the control character XML cannot carry is dropped), marked as plain text.
        assertEquals(FeedSite.HOSTILE.title().replace("\u0001", ""), e.getTitle());
        assertEquals("text", e.getTitleEx().getType());
        assertEquals(FeedSite.HOSTILE.abstractText(), e.getContents().getFirst().getValue());
        assertEquals(List.of("<b onmouseover=alert(2)>Mallory</b>", "Eve & \"Trudy\""),
                e.getAuthors().stream().map(a -> a.getName()).toList());
        for (Link l : e.getAlternateLinks()) assertTrue(l.getHref().startsWith("https://"), l.getHref());
        for (Link l : e.getOtherLinks()) assertTrue(l.getHref().startsWith("https://"), l.getHref());
        // The arXiv link is rebuilt from the id when the stored one is not http(s).
        assertTrue(e.getOtherLinks().stream().anyMatch(l -> l.getHref().equals("https://arxiv.org/abs/2406.00006")));
        // The search feed of a hostile query echoes it inert in the title.
        Feed search = feed("/search.atom?q=" + enc("\"><script>alert(8)</script>"));
        assertTrue(search.getTitle().contains("<script>alert(8)</script>"));
    }

    @Test
    void aFeedAnswers304ToItsETagOrLastModifiedAndCachingHeadersSayHowFresh() throws Exception {
        var first = site.get("/list/cs.CV.atom");
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("etag").orElseThrow();
        String lastModified = first.headers().firstValue("last-modified").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);
        assertEquals("public, max-age=900", first.headers().firstValue("cache-control").orElseThrow());
        assertEquals("Fri, 2 Jan 2026 03:04:05 GMT", lastModified);

        var byTag = site.get("/list/cs.CV.atom", Map.of("If-None-Match", "\"other\", " + etag));
        assertEquals(304, byTag.statusCode());
        assertEquals("", byTag.body());
        assertEquals(etag, byTag.headers().firstValue("etag").orElseThrow());
        var byDate = site.get("/list/cs.CV.atom", Map.of("If-Modified-Since", lastModified));
        assertEquals(304, byDate.statusCode());
        // If-None-Match wins over If-Modified-Since; an older date or another tag gets the feed.
        assertEquals(200, site.get("/list/cs.CV.atom", Map.of("If-None-Match", "W/\"other\"",
                "If-Modified-Since", lastModified)).statusCode());
        assertEquals(200, site.get("/list/cs.CV.atom", Map.of("If-Modified-Since", "Thu, 1 Jan 2026 00:00:00 GMT"))
                .statusCode());
        // HEAD: the same validators, no body.
        var head = site.head("/list/cs.CV.atom");
        assertEquals(200, head.statusCode());
        assertEquals(etag, head.headers().firstValue("etag").orElseThrow());
        assertEquals("", head.body());
        // Another feed has another tag.
        assertFalse(etag.equals(site.get("/list/cs.CL.atom").headers().firstValue("etag").orElseThrow()));
    }

    @Test
    void listAndSearchPagesAnswer304WhenUnchangedAndAreRevalidatedEveryTime() throws Exception {
        // bm25: a hybrid page changes while the site's background job embeds its papers, and a changed page
        // rightly gets a new ETag and a later Last-Modified.
        for (String path : List.of("/", "/search?mode=bm25&q=" + enc("dark matter"))) {
            var first = site.get(path);
            assertEquals(200, first.statusCode());
            assertEquals("no-cache", first.headers().firstValue("cache-control").orElseThrow(), path);
            String etag = first.headers().firstValue("etag").orElseThrow();
            var again = site.get(path, Map.of("If-None-Match", etag));
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            var byDate = site.get(path, Map.of("If-Modified-Since",
                    first.headers().firstValue("last-modified").orElseThrow()));
            assertEquals(304, byDate.statusCode(), path);
        }
        // Another page of the list is another representation.
        var home = site.get("/");
        var page2 = site.get("/?page=2", Map.of("If-None-Match", home.headers().firstValue("etag").orElseThrow()));
        assertEquals(200, page2.statusCode());
        // Errors and redirects are not made conditional.
        var redirect = site.get("/search?q=2401.00001", Map.of("If-None-Match", "*"));
        assertEquals(303, redirect.statusCode());
    }

    @Test
    void aNewPaperChangesTheFeedsETagSoTheOldOneGetsTheNewFeed() throws Exception {
        var before = site.get("/list/q-bio.atom");
        String etag = before.headers().firstValue("etag").orElseThrow();
        assertEquals(304, site.get("/list/q-bio.atom", Map.of("If-None-Match", etag)).statusCode());
        site.app.papers().upsert(SearchCorpus.paper("2407.00007", "Protein folding at scale", "Ada Yonath",
                "We fold proteins.", "q-bio.BM", "1998-07-10T00:00:00Z")); // too old to change other tests' feeds
        var after = site.get("/list/q-bio.atom", Map.of("If-None-Match", etag));
        assertEquals(200, after.statusCode());
        // The test clock stands still: a change within the same second still moves Last-Modified on.
        assertEquals("Fri, 2 Jan 2026 03:04:06 GMT", after.headers().firstValue("last-modified").orElseThrow());
        assertEquals(200, site.get("/list/q-bio.atom", Map.of("If-Modified-Since",
                before.headers().firstValue("last-modified").orElseThrow())).statusCode());
        assertTrue(after.body().contains("Protein folding at scale"));
        assertFalse(etag.equals(after.headers().firstValue("etag").orElseThrow()));
    }
}
