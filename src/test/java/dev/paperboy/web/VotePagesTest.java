package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.account.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upvotes on the web and the API through the real server (SQLite, GreenMail for signing in): the plain form and its
 * redirect back to the card, htmx, idempotent retries, per-visitor pressed state filled per request, conditional
 * GETs, CSRF, signed-out visitors, hidden papers, blocked users and bearer tokens.
 */
class VotePagesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final String DAY = "/papers/date/2024-03-19";
    static final String QUIET = "2403.00002";
    static final String LIKED = "2403.00001";

    @TempDir
    Path data;

    private AccountSite site;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void start() {
        site = new AccountSite(data, SMTP, Map.of());
        site.app.papers().upsertAll(List.of(CommunityListsTest.paper(LIKED, "Liked transformer", 5),
                CommunityListsTest.paper(QUIET, "Quiet transformer", 3)));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** The vote control of {@code paperId} on the page. */
    static Element control(String html, String paperId) {
        Element c = Jsoup.parse(html).getElementById("vote-" + paperId);
        assertNotNull(c, "no vote control for " + paperId);
        return c;
    }

    static String pressed(String html, String paperId) {
        Element button = control(html, paperId).selectFirst("button.vote-button");
        return button == null ? "no button" : button.attr("aria-pressed");
    }

    static String count(String html, String paperId) {
        return control(html, paperId).selectFirst(".votes").text();
    }

    private int stored(String paperId) {
        return site.app.community().counts().of(paperId).votes();
    }

    /** Rows of the votes table for the paper (the counter must always equal them). */
    private int rows(String paperId) {
        return site.app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM votes WHERE paper_id = :p")
                .bind("p", paperId).mapTo(Integer.class).one());
    }

    private AccountSite.Browser signedIn(String email) throws Exception {
        AccountSite.Browser b = site.browser();
        assertEquals(303, b.signIn(email).statusCode());
        return b;
    }

    /** Posts the vote form of the paper's control as found on {@code page}, as a browser without JavaScript does. */
    private HttpResponse<String> pressVote(AccountSite.Browser b, String page, String paperId) throws Exception {
        Element form = control(b.get(page).body(), paperId);
        assertEquals("form", form.tagName());
        return b.postRaw(form.attr("action"), "csrf", form.selectFirst("input[name=csrf]").attr("value"),
                "vote", form.selectFirst("input[name=vote]").attr("value"),
                "next", form.selectFirst("input[name=next]").attr("value"));
    }

    @Test
    void aPlainFormVoteComesBackToTheCardAndCountsOnTheListAndThePaperPage() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        String before = ada.get(DAY).body();
        assertEquals("false", pressed(before, QUIET));
        assertEquals("0 votes", count(before, QUIET));
        Element form = control(before, QUIET);
        assertEquals("/papers/" + QUIET + "/vote", form.attr("action"));
        assertEquals("on", form.selectFirst("input[name=vote]").attr("value"));

        var r = pressVote(ada, DAY, QUIET);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(DAY + "#vote-" + QUIET, r.headers().firstValue("Location").orElseThrow(), "back on the same card");

        String after = ada.get(DAY).body();
        assertEquals("true", pressed(after, QUIET));
        assertEquals("1 vote", count(after, QUIET), "exact at once on this process (CachedCommunity.forget)");
        assertEquals("false", pressed(after, LIKED));
        assertTrue(after.contains("3 on Hugging Face"), "Hugging Face's upvotes stay apart");
        String paperPage = ada.get("/papers/" + QUIET).body();
        assertEquals("true", pressed(paperPage, QUIET));
        assertEquals("1 vote", count(paperPage, QUIET));
        assertEquals("/papers/" + QUIET + "#vote-" + QUIET,
                control(paperPage, QUIET).selectFirst("input[name=next]").attr("value"));

        // Another user sees the count, not ada's pressed state; nobody signed in gets a link to sign in and back.
        AccountSite.Browser bob = signedIn("bob@example.org");
        String bobs = bob.get(DAY).body();
        assertEquals("false", pressed(bobs, QUIET));
        assertEquals("1 vote", count(bobs, QUIET));
        String anonymous = site.browser().get(DAY).body();
        Element link = control(anonymous, QUIET).selectFirst("a.vote-signin");
        assertNotNull(link, anonymous);
        assertEquals("/signin?next=%2Fpapers%2Fdate%2F2024-03-19%23vote-" + QUIET, link.attr("href"));
        assertEquals("1 vote", count(anonymous, QUIET));
        assertFalse(anonymous.contains("aria-pressed"));
        assertEquals("false", pressed(ada.get("/papers/" + LIKED).body(), LIKED));
        assertEquals(1, stored(QUIET));
        assertEquals(1, rows(QUIET));
    }

    @Test
    void aRetriedPostKeepsTheVoteAndOffTakesItBack() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        String token = AccountSite.csrfOf(ada.get(DAY).body());
        for (int i = 0; i < 3; i++) {
            var r = ada.postRaw("/papers/" + QUIET + "/vote", "csrf", token, "vote", "on", "next", DAY);
            assertEquals(303, r.statusCode());
            assertEquals(1, stored(QUIET), "a retried post does not flip the vote back");
        }
        var off = ada.postRaw("/papers/" + QUIET + "/vote", "csrf", token, "vote", "off", "next", DAY);
        assertEquals(303, off.statusCode());
        assertEquals(0, stored(QUIET));
        assertEquals(0, rows(QUIET));
        String page = ada.get(DAY).body();
        assertEquals("false", pressed(page, QUIET));
        assertEquals("0 votes", count(page, QUIET));
        assertEquals(400, ada.postRaw("/papers/" + QUIET + "/vote", "csrf", token, "vote", "maybe").statusCode());
        // A next elsewhere is not followed (open redirect): home instead.
        var away = ada.postRaw("/papers/" + QUIET + "/vote", "csrf", token, "vote", "on", "next", "//evil.example/");
        assertEquals("/", away.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void anHtmxVoteAnswersTheControlAloneWithNoRedirect() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        String page = ada.get(DAY).body();
        Matcher m = Pattern.compile("hx-headers='\\{\"X-CSRF-Token\": \"([^\"]+)\"}'").matcher(page);
        assertTrue(m.find(), "the body carries the token for htmx");
        Element form = control(page, QUIET);
        assertEquals(form.attr("action"), form.attr("hx-post"));
        assertEquals("outerHTML", form.attr("hx-swap"));
        var r = ada.http.send(HttpRequest.newBuilder(URI.create(site.base + "/papers/" + QUIET + "/vote"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true").header("X-CSRF-Token", m.group(1))
                .POST(HttpRequest.BodyPublishers.ofString("vote=on&next=" + DAY.replace("/", "%2F"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Location").isEmpty());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        String fragment = r.body().strip();
        assertTrue(fragment.startsWith("<form class=\"vote\""), fragment);
        assertFalse(fragment.contains("<html"), "just the control");
        assertEquals("true", pressed(fragment, QUIET));
        assertEquals("1 vote", count(fragment, QUIET));
        assertEquals("off", control(fragment, QUIET).selectFirst("input[name=vote]").attr("value"));
        assertFalse(control(fragment, QUIET).selectFirst("input[name=csrf]").attr("value").isEmpty(),
                "the swapped-in form can post again");
    }

    @Test
    void aVoteWithoutOrWithAWrongCsrfTokenIsRefused() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        assertEquals(403, ada.postRaw("/papers/" + QUIET + "/vote", "vote", "on").statusCode());
        assertEquals(403, ada.postRaw("/papers/" + QUIET + "/vote", "vote", "on", "csrf", "forged").statusCode());
        AccountSite.Browser bob = signedIn("bob@example.org");
        String bobsToken = AccountSite.csrfOf(bob.get(DAY).body());
        assertEquals(403, ada.postRaw("/papers/" + QUIET + "/vote", "vote", "on", "csrf", bobsToken).statusCode(),
                "another session's token");
        assertEquals(0, stored(QUIET));
    }

    @Test
    void aSignedOutPostGoesToSignInAndBackToThePage() throws Exception {
        // A browser whose session ended while the page was open (its form still has a valid token).
        AccountSite.Browser ada = signedIn("ada@example.org");
        String token = AccountSite.csrfOf(ada.get(DAY).body());
        User u = site.app.accounts().users().findByEmail("ada@example.org").orElseThrow();
        site.app.accounts().sessions().deleteAllOf(u.id());
        var r = ada.postRaw("/papers/" + QUIET + "/vote", "csrf", token, "vote", "on", "next", DAY + "#vote-" + QUIET);
        assertEquals(303, r.statusCode());
        assertEquals("/signin?next=%2Fpapers%2Fdate%2F2024-03-19%23vote-" + QUIET,
                r.headers().firstValue("Location").orElseThrow());
        assertEquals(0, stored(QUIET));
        // htmx is told to go there instead of swapping the sign-in page into the card.
        var h = ada.http.send(HttpRequest.newBuilder(URI.create(site.base + "/papers/" + QUIET + "/vote"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&vote=on&next=%2F")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("/signin", h.headers().firstValue("HX-Redirect").orElseThrow());
    }

    @Test
    void conditionalGetsNeverAnswer304WithAStalePressedState() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        var first = ada.get(DAY);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, conditional(ada, etag).statusCode(), "an unchanged page is still a 304");
        assertEquals(303, pressVote(ada, DAY, QUIET).statusCode());
        var again = conditional(ada, etag);
        assertEquals(200, again.statusCode(), "the ETag covers the filled-in pressed state");
        assertEquals("true", pressed(again.body(), QUIET));
        assertNotEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertTrue(again.headers().firstValue("Cache-Control").orElseThrow().startsWith("private"));
        // Bob's page never matches ada's tag, though both show one vote.
        AccountSite.Browser bob = signedIn("bob@example.org");
        assertEquals(200, conditional(bob, again.headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    private HttpResponse<String> conditional(AccountSite.Browser b, String etag) throws Exception {
        return b.http.send(HttpRequest.newBuilder(URI.create(site.base + DAY)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hiddenAndUnknownPapersAre404() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        String token = AccountSite.csrfOf(ada.get(DAY).body());
        site.app.community().moderation().hidePaper(Optional.empty(), QUIET, "spam");
        // Up to CachedCommunity.FRESHNESS old on lists; the vote asks with the same freshness, so move past it.
        site.clock.advance(dev.paperboy.hub.CachedCommunity.FRESHNESS);
        assertEquals(404, ada.postRaw("/papers/" + QUIET + "/vote", "csrf", token, "vote", "on").statusCode());
        assertEquals(404, ada.postRaw("/papers/2403.99999/vote", "csrf", token, "vote", "on").statusCode());
        assertEquals(0, stored(QUIET));
    }

    @Test
    void aUserBlockedWhileTheirVoteIsUnderWayGets403AndTheirSessionEnds() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        String token = AccountSite.csrfOf(ada.get(DAY).body());
        assertEquals(303, ada.postRaw("/papers/" + LIKED + "/vote", "csrf", token, "vote", "on").statusCode());
        User u = site.app.accounts().users().findByEmail("ada@example.org").orElseThrow();
        // The block commits after the request was let in (its session read) and before its vote is written: hold
        // SQLite's write lock with the block in it, let the request in, then commit.
        var db = site.app.database().jdbi().open();
        CompletableFuture<HttpResponse<String>> vote;
        try {
            db.begin();
            db.execute("UPDATE users SET is_blocked = 1 WHERE id = ?", u.id());
            vote = CompletableFuture.supplyAsync(() -> {
                try {
                    return ada.postRaw("/papers/" + QUIET + "/vote", "csrf", token, "vote", "on", "next", DAY);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(1_500);
            db.commit();
        } finally {
            db.close();
        }
        var r = vote.get();
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("blocked"), r.body());
        assertEquals(0, stored(QUIET));
        assertEquals(0, (int) site.app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM sessions WHERE user_id = :u").bind("u", u.id()).mapTo(Integer.class).one()),
                "the session ended");
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("pb_session=;")
                || c.startsWith("pb_session=\"\"") || c.contains("Max-Age=0")), r.headers().allValues("Set-Cookie").toString());
    }

    // The API

    private HttpResponse<String> api(String method, String paperId, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base + "/api/papers/" + paperId + "/vote"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) b.header("Authorization", "Bearer " + token);
        return site.browser().http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return mapper.readTree(r.body());
    }

    @Test
    void theApiPutsAndDeletesAVoteWithABearerToken() throws Exception {
        User ada = site.app.accounts().users().findOrCreate("ada@example.org");
        User bob = site.app.accounts().users().findOrCreate("bob@example.org");
        String adas = site.app.accounts().accessTokens().create(ada.id(), "script").secret();
        String bobs = site.app.accounts().accessTokens().create(bob.id(), "script").secret();

        JsonNode on = json(api("PUT", QUIET, adas), 200);
        assertEquals(QUIET, on.get("paper").asText());
        assertTrue(on.get("voted").asBoolean());
        assertEquals(1, on.get("votes").asInt());
        assertEquals(1, json(api("PUT", QUIET, adas), 200).get("votes").asInt(), "PUT again changes nothing");
        assertEquals(2, json(api("PUT", QUIET + "v2", bobs), 200).get("votes").asInt(), "any spelling of the id");
        JsonNode off = json(api("DELETE", QUIET, adas), 200);
        assertFalse(off.get("voted").asBoolean());
        assertEquals(1, off.get("votes").asInt());
        assertEquals(1, json(api("DELETE", QUIET, adas), 200).get("votes").asInt(), "DELETE again changes nothing");
        assertEquals(1, stored(QUIET));
        assertEquals(1, rows(QUIET));
        // The list shows it at once.
        assertEquals("1 vote", count(site.browser().get(DAY).body(), QUIET));
        assertEquals(1, mapper.readTree(site.browser().get("/api/daily?date=2024-03-19").body()).get("papers")
                .findValues("votes").stream().mapToInt(JsonNode::asInt).sum());

        assertEquals(404, json(api("PUT", "2403.99999", adas), 404).get("status").asInt());
        assertEquals(401, json(api("PUT", QUIET, null), 401).get("status").asInt());
        assertEquals(401, api("DELETE", QUIET, "pb_not-a-token").statusCode());
        assertEquals("Bearer", api("PUT", QUIET, null).headers().firstValue("WWW-Authenticate").orElseThrow());

        long id = site.app.accounts().accessTokens().ofUser(ada.id()).getFirst().id();
        assertTrue(site.app.accounts().accessTokens().revoke(ada.id(), id));
        assertEquals(401, api("PUT", QUIET, adas).statusCode(), "a revoked token");
        site.app.community().moderation().blockUser(Optional.empty(), bob.id(), "spam");
        assertEquals(401, api("DELETE", QUIET, bobs).statusCode(), "a blocked user's token");
        assertEquals(1, stored(QUIET));

        site.app.community().moderation().hidePaper(Optional.empty(), QUIET, "spam");
        site.clock.advance(dev.paperboy.hub.CachedCommunity.FRESHNESS);
        String carols = site.app.accounts().accessTokens().create(
                site.app.accounts().users().findOrCreate("carol@example.org").id(), "x").secret();
        assertEquals(404, api("PUT", QUIET, carols).statusCode(), "a hidden paper");
    }

    @Test
    void aBrowserSessionCannotUseTheApiWithoutItsCsrfHeader() throws Exception {
        AccountSite.Browser ada = signedIn("ada@example.org");
        var r = ada.http.send(HttpRequest.newBuilder(URI.create(site.base + "/api/papers/" + QUIET + "/vote"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), "a session cookie alone is ambient authority: CSRF applies");
        assertEquals(0, stored(QUIET));
    }
}
