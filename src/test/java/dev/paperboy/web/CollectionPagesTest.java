package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.paperboy.Config.Key;
import dev.paperboy.TestPapers;
import dev.paperboy.community.PaperCollection;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collections and profiles on the web over the real server (SQLite, GreenMail for signing in): the forms, the
 * collection page and its Atom feed, the paper page's control, privacy (404) and ownership (403), hostile text.
 */
class CollectionPagesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";

    @TempDir
    Path data;

    private AccountSite site;

    @BeforeEach
    void start() {
        site = new AccountSite(data, SMTP, Map.of(Key.PAGE_SIZE, "2"));
        site.app.papers().upsert(TestPapers.simple("2405.00001", "First Paper", "2026-05-01T00:00:00Z"));
        site.app.papers().upsert(TestPapers.simple("2405.00002", "Second Paper", "2026-05-02T00:00:00Z"));
        site.app.papers().upsert(TestPapers.simple("2405.00003", "Third Paper", "2026-05-03T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private AccountSite.Browser signedIn(String email, String name) throws Exception {
        var b = site.browser();
        b.signIn(email);
        assertEquals(303, b.post("/settings", "/settings/name", "name", name).statusCode());
        return b;
    }

    private long userId(String email) {
        return site.app.accounts().users().findByEmail(email).orElseThrow().id();
    }

    private static long created(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("location").orElseThrow();
        assertTrue(location.matches("/collections/\\d+"), location);
        return Long.parseLong(location.substring("/collections/".length()));
    }

    @Test
    void createShowEditAndDeleteACollectionWithForms() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        assertEquals(200, ada.get("/collections/new").statusCode());
        long id = created(ada.post("/collections/new", "/collections", "name", "Reading group",
                "description", "Papers for Tuesday", "visibility", "public"));

        Document page = Jsoup.parse(ada.get("/collections/" + id).body());
        assertEquals("Reading group", page.selectFirst("main h1").text());
        assertEquals("Papers for Tuesday", page.selectFirst("main .description").text());
        assertEquals("/users/" + userId("ada@example.org"), page.selectFirst("main a.owner").attr("href"));
        assertEquals("Ada", page.selectFirst("main a.owner").text());
        assertNotNull(page.selectFirst("main a[href=/collections/" + id + "/edit]"));
        assertNotNull(page.selectFirst("link[rel=alternate][type=application/atom+xml]"));

        var edited = ada.post("/collections/" + id + "/edit", "/collections/" + id + "/edit", "name", "Journal club",
                "description", "", "visibility", "private");
        assertEquals(303, edited.statusCode());
        PaperCollection c = site.app.community().collections().find(id, Optional.of(userId("ada@example.org")))
                .orElseThrow();
        assertEquals("Journal club", c.name());
        assertFalse(c.isPublic());
        assertEquals(400, ada.post("/collections/" + id + "/edit", "/collections/" + id + "/edit", "name", " ",
                "visibility", "public").statusCode());

        var deleted = ada.post("/collections/" + id + "/edit", "/collections/" + id + "/delete");
        assertEquals(303, deleted.statusCode());
        assertEquals(404, ada.get("/collections/" + id).statusCode());
    }

    @Test
    void aPrivateCollectionIs404ForOthersAndAPublicOneIs403ToChange() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        var bob = signedIn("bob@example.org", "Bob");
        long secret = created(ada.post("/collections/new", "/collections", "name", "Secret", "visibility", "private"));
        long open = created(ada.post("/collections/new", "/collections", "name", "Open", "visibility", "public"));
        var anonymous = site.browser();

        assertEquals(200, ada.get("/collections/" + secret).statusCode());
        for (String path : List.of("/collections/" + secret, "/collections/" + secret + ".atom",
                "/collections/" + secret + "/edit")) {
            assertEquals(404, bob.get(path).statusCode(), path);
        }
        assertEquals(404, anonymous.get("/collections/" + secret).statusCode());
        assertEquals(404, anonymous.get("/collections/" + secret + ".atom").statusCode());
        assertEquals(404, ada.get("/collections/" + secret + ".atom").statusCode(), "no feed for a private collection");
        assertEquals(404, bob.post("/signin", "/collections/" + secret + "/edit", "name", "Mine").statusCode());
        assertEquals(404, bob.post("/signin", "/collections/" + secret + "/add", "paper", "2405.00001").statusCode());

        assertEquals(200, bob.get("/collections/" + open).statusCode());
        assertEquals(200, anonymous.get("/collections/" + open).statusCode());
        assertNull(Jsoup.parse(bob.get("/collections/" + open).body()).selectFirst("main a.edit"));
        assertEquals(403, bob.get("/collections/" + open + "/edit").statusCode());
        assertEquals(403, bob.post("/signin", "/collections/" + open + "/edit", "name", "Mine").statusCode());
        assertEquals(403, bob.post("/signin", "/collections/" + open + "/delete").statusCode());
        assertEquals(403, bob.post("/signin", "/collections/" + open + "/add", "paper", "2405.00001").statusCode());
        // Nothing changed.
        PaperCollection c = site.app.community().collections().find(open, Optional.empty()).orElseThrow();
        assertEquals("Open", c.name());
        assertEquals(0, c.papers());
        // Without the CSRF token the owner is refused too.
        assertEquals(403, ada.postRaw("/collections/" + open + "/delete").statusCode());
        assertEquals(200, anonymous.get("/collections/" + open).statusCode());
    }

    @Test
    void addAndRemoveFromThePaperPageThenReadThePageAndTheFeed() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        long id = created(ada.post("/collections/new", "/collections", "name", "Favourites", "visibility", "public"));

        Document paper = Jsoup.parse(ada.get("/papers/2405.00001").body());
        var control = paper.selectFirst("main section.paper-collections");
        assertNotNull(control);
        assertEquals("/collections/" + id + "/add", control.selectFirst("form").attr("action"));
        var added = ada.post("/papers/2405.00001", "/collections/" + id + "/add", "paper", "2405.00001",
                "next", "/papers/2405.00001#paper-collections-h");
        assertEquals(303, added.statusCode());
        assertEquals("/papers/2405.00001#paper-collections-h", added.headers().firstValue("location").orElse(""));
        HttpResponse<String> again = ada.get("/papers/2405.00001");
        assertEquals("private, no-store", again.headers().firstValue("cache-control").orElse(""));
        assertEquals("/collections/" + id + "/remove",
                Jsoup.parse(again.body()).selectFirst("main section.paper-collections form").attr("action"));

        site.clock.advance(Duration.ofMinutes(1));
        ada.post("/papers/2405.00002", "/collections/" + id + "/add", "paper", "2405.00002v1");
        site.clock.advance(Duration.ofMinutes(1));
        ada.post("/papers/2405.00003", "/collections/" + id + "/add", "paper", "arXiv:2405.00003");

        // Newest added first, two a page.
        Document first = Jsoup.parse(site.browser().get("/collections/" + id).body());
        assertEquals(List.of("Third Paper", "Second Paper"), first.select("main ol.papers a.title").eachText());
        assertEquals("/collections/" + id + "?page=2", first.selectFirst("main a[rel=next]").attr("href"));
        Document second = Jsoup.parse(site.browser().get("/collections/" + id + "?page=2").body());
        assertEquals(List.of("First Paper"), second.select("main ol.papers a.title").eachText());

        HttpResponse<String> atom = site.browser().get("/collections/" + id + ".atom");
        assertEquals(200, atom.statusCode());
        assertEquals("application/atom+xml; charset=utf-8", atom.headers().firstValue("content-type").orElse(""));
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(atom.body()));
        assertEquals("Favourites · Paperboy", feed.getTitleEx().getValue());
        List<Entry> entries = feed.getEntries();
        assertEquals(List.of("Third Paper", "Second Paper"), entries.stream().map(Entry::getTitle).toList());
        // Updated is when each was added.
        assertEquals(site.clock.instant(), entries.getFirst().getUpdated().toInstant());
        assertEquals(site.clock.instant().minus(Duration.ofMinutes(1)), entries.get(1).getUpdated().toInstant());

        var removed = ada.post("/papers/2405.00003", "/collections/" + id + "/remove", "paper", "2405.00003");
        assertEquals(303, removed.statusCode());
        assertEquals(List.of("Second Paper", "First Paper"),
                Jsoup.parse(site.browser().get("/collections/" + id).body()).select("main ol.papers a.title").eachText());
    }

    @Test
    void aNewCollectionFromThePaperPageHoldsThatPaper() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        Document paper = Jsoup.parse(ada.get("/papers/2405.00002").body());
        String href = paper.selectFirst("main a.new-collection").attr("href");
        assertEquals("/collections/new?paper=2405.00002", href);
        var made = ada.post(href, "/collections", "name", "From a paper", "visibility", "private", "paper", "2405.00002");
        assertEquals(303, made.statusCode());
        assertEquals("/papers/2405.00002#paper-collections-h", made.headers().firstValue("location").orElse(""));
        var mine = site.app.community().collections().ofOwner(userId("ada@example.org"),
                Optional.of(userId("ada@example.org")));
        assertEquals(1, mine.size());
        assertEquals(1, mine.getFirst().papers());
    }

    @Test
    void anonymousVisitorsSeeASignInLinkOnThePaperPageAndNoForms() throws Exception {
        Document paper = Jsoup.parse(site.browser().get("/papers/2405.00001").body());
        var control = paper.selectFirst("main section.paper-collections");
        assertEquals("/signin?next=%2Fpapers%2F2405.00001%23paper-collections-h", control.selectFirst("a").attr("href"));
        assertTrue(control.select("form").isEmpty());
        assertEquals(303, site.browser().get("/collections/new").statusCode());
    }

    @Test
    void hostileNamesAndDescriptionsRenderAsText() throws Exception {
        var ada = signedIn("ada@example.org", HOSTILE);
        long id = created(ada.post("/collections/new", "/collections", "name", HOSTILE, "description", HOSTILE,
                "visibility", "public"));
        ada.post("/papers/2405.00001", "/collections/" + id + "/add", "paper", "2405.00001");
        for (String path : List.of("/collections/" + id, "/users/" + userId("ada@example.org"), "/papers/2405.00001",
                "/collections/" + id + "/edit")) {
            String html = ada.get(path).body();
            Document d = Jsoup.parse(html);
            assertTrue(d.select("script:not([src])").isEmpty(), path);
            assertTrue(d.select("img[onerror]").isEmpty(), path);
            assertTrue(d.text().contains("<script>alert(1)</script>") || d.select("input[value], textarea").stream()
                    .anyMatch(e -> e.val().equals(HOSTILE)), path);
        }
        assertEquals(HOSTILE, Jsoup.parse(ada.get("/collections/" + id).body()).selectFirst("main h1").text());
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(site.browser().get("/collections/" + id + ".atom").body()));
        assertEquals(HOSTILE + " · Paperboy", feed.getTitleEx().getValue());
        assertEquals("text", feed.getTitleEx().getType());
    }

    @Test
    void aProfileShowsPublicCollectionsAndSubmissionsButNotPrivateOnesNorTheAddress() throws Exception {
        var ada = signedIn("ada@example.org", "Ada Lovelace");
        var bob = signedIn("bob@example.org", "Bob");
        created(ada.post("/collections/new", "/collections", "name", "Shown", "visibility", "public"));
        created(ada.post("/collections/new", "/collections", "name", "Hidden away", "visibility", "private"));
        assertEquals(303, ada.post("/submit", "/submit", "paper", "2405.00003").statusCode());
        String profile = "/users/" + userId("ada@example.org");

        for (var viewer : List.of(bob, site.browser())) {
            var r = viewer.get(profile);
            assertEquals(200, r.statusCode());
            Document d = Jsoup.parse(r.body());
            assertEquals("Ada Lovelace", d.selectFirst("main h1").text());
            assertTrue(d.selectFirst("main .meta").text().startsWith("Member since 2026-05-06"));
            assertEquals(List.of("Shown"), d.select("main ul.collections a").eachText());
            assertEquals(List.of("Third Paper"), d.select("main ul.submissions li a[href^=/papers/2405]").eachText());
            assertFalse(r.body().contains("ada@example.org"), "never the address");
            assertFalse(r.body().contains("Hidden away"));
        }
        // The owner sees their private one too, marked.
        assertEquals(List.of("Hidden away", "Shown"), Jsoup.parse(ada.get(profile).body())
                .select("main ul.collections a").eachText().stream().sorted().toList());
        assertEquals(303, ada.get("/users/me").statusCode());

        site.app.community().moderation().blockUser(Optional.empty(), userId("ada@example.org"), "spam");
        assertEquals(404, bob.get(profile).statusCode());
        assertEquals(404, bob.get("/users/999999").statusCode());
        assertEquals(404, bob.get("/users/nobody").statusCode());
    }
}
