package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.Config.Key;
import dev.paperboy.TestPapers;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submit page over the real server (SQLite, GreenMail for signing in) with arXiv's API replayed by a local HTTP
 * server: what is submitted shows on today's list at once, with the submitter; refusals keep the text.
 */
class SubmitPagesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/community/api-id_list-2401.12345.xml");
    static final String TODAY = "/papers/date/2026-05-06"; // AccountSite's clock

    @TempDir
    Path data;

    private ReplayServer arxiv;
    private AccountSite site;

    @BeforeEach
    void start() throws Exception {
        arxiv = new ReplayServer();
        site = new AccountSite(data, SMTP, Map.of(Key.ARXIV_API_URL, arxiv.url("/api/query"),
                Key.HARVEST_INTERVAL_SECONDS, "0.05", Key.HARVEST_READ_TIMEOUT_SECONDS, "5",
                Key.SUBMIT_DAILY_LIMIT, "2"));
        site.app.papers().upsert(TestPapers.simple("2405.00001", "A Stored Paper", "2026-05-01T00:00:00Z"));
        site.app.papers().upsert(TestPapers.simple("2405.00002", "Another Stored Paper", "2026-05-01T00:00:00Z"));
        site.app.papers().upsert(TestPapers.simple("hep-th/9901001", "An Old Style Paper", "1999-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        site.close();
        arxiv.close();
    }

    private AccountSite.Browser signedIn(String email, String name) throws Exception {
        var b = site.browser();
        b.signIn(email);
        assertEquals(303, b.post("/settings", "/settings/name", "name", name).statusCode());
        return b;
    }

    /** The card of a paper on a list page, or null. */
    private static Element card(String html, String paperId) {
        return Jsoup.parse(html).getElementById("card-" + paperId) == null ? null
                : Jsoup.parse(html).getElementById("card-" + paperId).closest("article");
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndBack() throws Exception {
        var r = site.browser().get("/submit");
        assertEquals(303, r.statusCode());
        assertEquals("/signin?next=%2Fsubmit", r.headers().firstValue("location").orElse(""));
        // The header offers it only to signed-in users; the day page offers it to everyone.
        assertFalse(site.browser().get("/").body().contains("href=\"/submit\""));
        var ada = signedIn("ada@example.org", "Ada");
        assertNotNull(Jsoup.parse(ada.get("/").body()).selectFirst("header nav.account a[href=/submit]"));
        assertNotNull(Jsoup.parse(site.browser().get(TODAY).body()).selectFirst("main a[href=/submit]"));
    }

    @Test
    void aStoredPaperAndOneFetchedFromArxivAreOnTodaysListAtOnceWithTheSubmitter() throws Exception {
        var ada = signedIn("ada@example.org", "Ada Lovelace");
        // Today's list is read (and cached) before the submission: it must still show it on the next request.
        assertNull(card(ada.get(TODAY).body(), "2405.00001"));

        var stored = ada.post("/submit", "/submit", "paper", "https://arxiv.org/abs/2405.00001v1");
        assertEquals(303, stored.statusCode(), stored.body());
        assertEquals(TODAY + "#card-2405.00001", stored.headers().firstValue("location").orElse(""));
        Element c = card(site.browser().get(TODAY).body(), "2405.00001");
        assertNotNull(c, "the submitted paper is on today's list");
        assertEquals("Ada Lovelace", c.selectFirst(".submitter").text());
        assertTrue(arxiv.hits().isEmpty(), "a stored paper is not fetched");

        arxiv.enqueue(Reply.xml(FIXTURE));
        var fetched = ada.post("/submit", "/submit", "paper", "arXiv:2401.12345v2");
        assertEquals(303, fetched.statusCode(), fetched.body());
        assertEquals(TODAY + "#card-2401.12345", fetched.headers().firstValue("location").orElse(""));
        assertEquals("2401.12345", arxiv.hits().getFirst().param("id_list"));
        Element f = card(site.browser().get(TODAY).body(), "2401.12345");
        assertNotNull(f);
        assertEquals("Submitted Papers Deserve Tests", f.selectFirst("a.title").text());
        assertEquals("Ada Lovelace", f.selectFirst(".submitter").text());
        // And on the profile, newest first.
        long id = site.app.accounts().users().findByEmail("ada@example.org").orElseThrow().id();
        Document profile = Jsoup.parse(site.browser().get("/users/" + id).body());
        assertEquals(2, profile.select("ul.submissions li").size());
    }

    @Test
    void aPaperIsSubmittedOncePerDayAndARepeatSaysItIsAlreadyThere() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        var bob = signedIn("bob@example.org", "Bob");
        assertEquals(303, ada.post("/submit", "/submit", "paper", "2405.00001").statusCode());

        var again = bob.post("/submit", "/submit", "paper", "2405.00001v2");
        assertEquals(200, again.statusCode());
        Document d = Jsoup.parse(again.body());
        assertTrue(d.selectFirst("main .notice").text().contains("“A Stored Paper” is already on today's list."),
                d.selectFirst("main").text());
        assertEquals(TODAY + "#card-2405.00001", d.selectFirst("main .notice a").attr("href"));
        // The first submitter keeps it.
        assertEquals("Ada", card(site.browser().get(TODAY).body(), "2405.00001").selectFirst(".submitter").text());
    }

    @Test
    void overTheDailyLimitIs429WithRetryAfterAndTheTextKept() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        assertEquals(303, ada.post("/submit", "/submit", "paper", "2405.00001").statusCode());
        assertEquals(303, ada.post("/submit", "/submit", "paper", "2405.00002").statusCode());

        var third = ada.post("/submit", "/submit", "paper", "hep-th/9901001");

        assertEquals(429, third.statusCode());
        long wait = Long.parseLong(third.headers().firstValue("retry-after").orElseThrow());
        // Until midnight UTC from 07:08:09.
        assertEquals(Duration.ofHours(16).plusMinutes(51).plusSeconds(51).toSeconds(), wait);
        Document d = Jsoup.parse(third.body());
        assertTrue(d.selectFirst("main .problem").text().contains("You have submitted 2 papers today"));
        assertEquals("hep-th/9901001", d.selectFirst("#submit-paper").attr("value"));
        assertNull(card(site.browser().get(TODAY).body(), "hep-th/9901001"));
    }

    @Test
    void textThatIsNoArxivIdIs400WithTheTextKeptAndArxivIsNotAsked() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        String garbage = "<script>alert(1)</script> not a paper";

        var r = ada.post("/submit", "/submit", "paper", garbage);

        assertEquals(400, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(garbage, d.selectFirst("#submit-paper").attr("value"));
        assertTrue(d.selectFirst("main .problem").text().contains("is not an arXiv id or URL"));
        assertTrue(d.select("main script").isEmpty(), "the echoed text stays text");
        assertTrue(arxiv.hits().isEmpty());
    }

    @Test
    void arxivWithoutThePaperIs404AndArxivDownIs503WithRetryAfter() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        arxiv.enqueue(Reply.xml("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/empty</id>
                  <title>arXiv Query: id_list=2401.99999</title>
                  <updated>2026-05-06T00:00:00Z</updated>
                  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
                  <opensearch:totalResults>0</opensearch:totalResults>
                  <opensearch:startIndex>0</opensearch:startIndex>
                </feed>
                """));
        var missing = ada.post("/submit", "/submit", "paper", "2401.99999");
        assertEquals(404, missing.statusCode());
        assertTrue(Jsoup.parse(missing.body()).selectFirst("main .problem").text().contains("arXiv has no paper 2401.99999."));

        Reply busy = Reply.status(503, Map.of("Retry-After", "0"));
        arxiv.enqueue(busy, busy);
        var down = ada.post("/submit", "/submit", "paper", "2401.12345");
        assertEquals(503, down.statusCode());
        assertEquals("60", down.headers().firstValue("retry-after").orElse(""));
        assertEquals("2401.12345", Jsoup.parse(down.body()).selectFirst("#submit-paper").attr("value"));
    }

    @Test
    void submittingNeedsTheCsrfTokenAndABlockedUserIsNotSignedIn() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        assertEquals(403, ada.postRaw("/submit", "paper", "2405.00001").statusCode());
        assertNull(card(site.browser().get(TODAY).body(), "2405.00001"));

        long id = site.app.accounts().users().findByEmail("ada@example.org").orElseThrow().id();
        site.app.community().moderation().blockUser(Optional.empty(), id, "spam");
        var blocked = ada.post("/signin", "/submit", "paper", "2405.00001");
        // A blocked user's session is gone: sent to sign in (or refused), never submitted.
        assertTrue(blocked.statusCode() == 403 || (blocked.statusCode() == 303
                && blocked.headers().firstValue("location").orElse("").startsWith("/signin")), blocked.statusCode() + "");
        assertNull(card(site.browser().get(TODAY).body(), "2405.00001"));
    }

    @Test
    void theSubmitPageIsNeverStored() throws Exception {
        var ada = signedIn("ada@example.org", "Ada");
        HttpResponse<String> r = ada.get("/submit?paper=2405.00001");
        assertEquals(200, r.statusCode());
        assertEquals("no-store", r.headers().firstValue("cache-control").orElse(""));
        assertEquals("2405.00001", Jsoup.parse(r.body()).selectFirst("#submit-paper").attr("value"));
    }

    @Test
    void theApiSubmitsWithABearerTokenAndAnswersRefusalsAsJsonWithRetryAfter() throws Exception {
        long ada = site.app.accounts().users().findOrCreate("ada@example.org").id();
        String token = site.app.accounts().accessTokens().create(ada, "script").secret();

        var first = api("{\"paper\": \"2405.00001v1\"}", token);
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"paper\":\"2405.00001\""), first.body());
        assertTrue(first.body().contains("\"day\":\"2026-05-06\""), first.body());
        assertTrue(first.body().contains("\"is_new\":true"), first.body());
        assertNotNull(card(site.browser().get(TODAY).body(), "2405.00001"));
        var again = api("{\"paper\": \"2405.00001\"}", token);
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("\"is_new\":false"), again.body());

        assertEquals(400, api("{\"paper\": \"hello\"}", token).statusCode());
        assertEquals(400, api("{\"id\": 1}", token).statusCode());
        assertEquals(201, api("{\"paper\": \"2405.00002\"}", token).statusCode());
        var over = api("{\"paper\": \"hep-th/9901001\"}", token);
        assertEquals(429, over.statusCode());
        assertTrue(Long.parseLong(over.headers().firstValue("retry-after").orElseThrow()) > 0);
        assertTrue(over.body().startsWith("{\"status\":429,\"error\":"), over.body());

        var nobody = api("{\"paper\": \"hep-th/9901001\"}", null);
        assertEquals(401, nobody.statusCode());
        assertEquals(401, api("{\"paper\": \"hep-th/9901001\"}", "pb_revoked-or-unknown").statusCode());
        assertNull(card(site.browser().get(TODAY).body(), "hep-th/9901001"));
    }

    private HttpResponse<String> api(String json, String bearer) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.base + "/api/submissions"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNull(o);
    }
}
