package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.User;
import dev.paperboy.hub.CachedCommunity;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Comments over the JSON API with personal access tokens, through the real server over SQLite. */
class CommentApiTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final String PAPER = CommentPagesTest.PAPER;
    static final String THREAD = "/api/papers/" + PAPER + "/comments";

    @TempDir
    Path data;

    private AccountSite site;
    private final ObjectMapper mapper = new ObjectMapper();
    private User ada;
    private User eve;
    private String adaToken;
    private String eveToken;

    @BeforeEach
    void start() {
        site = new AccountSite(data, SMTP, Map.of());
        site.app.papers().upsertAll(List.of(CommunityListsTest.paper(PAPER, "Liked transformer", 5)));
        AccessTokenStore tokens = site.app.accounts().accessTokens();
        ada = site.app.accounts().users().findOrCreate("ada@example.org");
        eve = site.app.accounts().users().findOrCreate("eve@example.org");
        adaToken = tokens.create(ada.id(), "script").secret();
        eveToken = tokens.create(eve.id(), "script").secret();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(site.base + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return site.browser().http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return mapper.readTree(r.body());
    }

    private static String body(String text) {
        return "{\"body\": " + quote(text) + "}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void commentReplyEditAndDeleteWithABearerToken() throws Exception {
        JsonNode added = ok(call("POST", THREAD, adaToken, body("Is *this* new?")), 201);
        long id = added.get("id").asLong();
        assertEquals(PAPER, added.get("paper").asText());
        assertEquals("visible", added.get("state").asText());
        assertEquals("user " + ada.id(), added.get("author").asText());
        assertEquals("Is *this* new?", added.get("body").asText());
        assertEquals("<p>Is <em>this</em> new?</p>", added.get("html").asText().strip());
        assertTrue(added.get("edited_at").isNull() && added.get("reply_to").isNull());

        JsonNode reply = ok(call("POST", THREAD, eveToken, "{\"body\": \"Yes.\", \"reply_to\": " + id + "}"), 201);
        JsonNode nested = ok(call("POST", THREAD, adaToken, "{\"body\": \"Thanks.\", \"reply_to\": "
                + reply.get("id").asLong() + "}"), 201);
        assertEquals(id, nested.get("reply_to").asLong(), "a reply to a reply joins the thread");

        JsonNode edited = ok(call("PATCH", "/api/comments/" + id, adaToken, body("Is *this* really new?")), 200);
        assertFalse(edited.get("edited_at").isNull());
        assertEquals("Is *this* really new?", site.app.community().comments().find(id).orElseThrow().body());

        JsonNode thread = ok(call("GET", THREAD, null, null), 200);
        assertEquals(3, thread.get("count").asInt());
        List<Long> order = new ArrayList<>();
        thread.get("comments").forEach(c -> order.add(c.get("id").asLong()));
        assertEquals(List.of(id, reply.get("id").asLong(), nested.get("id").asLong()), order);

        JsonNode deleted = ok(call("DELETE", "/api/comments/" + id, adaToken, null), 200);
        assertEquals("placeholder", deleted.get("result").asText(), "it has replies");
        JsonNode after = ok(call("GET", THREAD, null, null), 200);
        JsonNode placeholder = after.get("comments").get(0);
        assertEquals("deleted", placeholder.get("state").asText());
        assertTrue(placeholder.get("author").isNull() && placeholder.get("body").isNull());
        assertEquals(2, after.get("count").asInt());
        assertEquals("removed", ok(call("DELETE", "/api/comments/" + nested.get("id").asLong(), adaToken, null), 200)
                .get("result").asText());
    }

    @Test
    void withoutAValidTokenWritesAre401AndOthersCommentsAre403() throws Exception {
        long id = ok(call("POST", THREAD, adaToken, body("Mine.")), 201).get("id").asLong();
        for (String[] w : List.of(new String[] {"POST", THREAD}, new String[] {"PATCH", "/api/comments/" + id},
                new String[] {"DELETE", "/api/comments/" + id})) {
            var none = call(w[0], w[1], null, body("x"));
            assertEquals(401, none.statusCode(), w[0] + " " + w[1]);
            assertEquals("Bearer", none.headers().firstValue("www-authenticate").orElse(""));
            assertEquals(401, call(w[0], w[1], "pb_not-a-token", body("x")).statusCode());
        }
        var revoked = site.app.accounts().accessTokens().create(ada.id(), "old");
        site.app.accounts().accessTokens().revoke(ada.id(), revoked.token().id());
        assertEquals(401, call("POST", THREAD, revoked.secret(), body("x")).statusCode());

        assertEquals(403, call("PATCH", "/api/comments/" + id, eveToken, body("Eve's.")).statusCode());
        assertEquals(403, call("DELETE", "/api/comments/" + id, eveToken, null).statusCode());
        assertEquals("Mine.", site.app.community().comments().find(id).orElseThrow().body());
        assertEquals(404, call("PATCH", "/api/comments/999999", adaToken, body("x")).statusCode());
        assertEquals(404, call("DELETE", "/api/comments/nope", adaToken, null).statusCode());
        assertEquals(404, call("POST", "/api/papers/0000.00000/comments", adaToken, body("x")).statusCode());
        assertEquals(404, call("POST", THREAD, adaToken, "{\"body\": \"x\", \"reply_to\": 999999}").statusCode());
        assertEquals(1, site.app.community().comments().ofPaper(PAPER).size());
    }

    @Test
    void badBodiesAre400() throws Exception {
        for (String bad : List.of("", "not json", "[]", "{}", "{\"body\": 3}", "{\"body\": \"  \"}",
                body("x".repeat(10_001)), "{\"body\": \"x\", \"reply_to\": \"one\"}")) {
            var r = call("POST", THREAD, adaToken, bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(mapper.readTree(r.body()).get("error").asText().length() > 5);
        }
        assertTrue(site.app.community().comments().ofPaper(PAPER).isEmpty());
    }

    @Test
    void theRateLimitIsSharedWithThePageAnd429HasRetryAfter() throws Exception {
        for (int i = 0; i < CommentPages.RATE_LIMIT; i++) ok(call("POST", THREAD, adaToken, body("n" + i)), 201);
        var r = call("POST", THREAD, adaToken, body("one more"));
        assertEquals(429, r.statusCode());
        assertTrue(Long.parseLong(r.headers().firstValue("retry-after").orElseThrow()) > 0);
        ok(call("POST", THREAD, eveToken, body("mine")), 201);
    }

    @Test
    void theThreadShowsWhatAnonymousReadersSeeAndHiddenPapersAre404() throws Exception {
        long hidden = ok(call("POST", THREAD, adaToken, body("<script>alert(1)</script> [x](javascript:alert(2))")),
                201).get("id").asLong();
        JsonNode shown = ok(call("GET", THREAD, null, null), 200).get("comments").get(0);
        assertFalse(shown.get("html").asText().contains("<script"), shown.toString());
        assertFalse(shown.get("html").asText().contains("javascript:"), shown.toString());

        ok(call("POST", THREAD, eveToken, body("Kept.")), 201);
        site.app.community().moderation().hideComment(Optional.empty(), hidden, "spam");
        JsonNode thread = ok(call("GET", THREAD, adaToken, null), 200);
        assertEquals(1, thread.get("count").asInt());
        assertEquals(1, thread.get("comments").size(), "the author's token does not reveal hidden comments here");
        assertEquals("Kept.", thread.get("comments").get(0).get("body").asText());

        site.app.community().moderation().hidePaper(Optional.empty(), PAPER, "withdrawn");
        site.clock.advance(CachedCommunity.FRESHNESS);
        assertEquals(404, call("GET", THREAD, null, null).statusCode());
        assertEquals(404, call("POST", THREAD, adaToken, body("x")).statusCode());
    }

    @Test
    void aSessionCookieWithoutTheCsrfHeaderIsRefused() throws Exception {
        var browser = site.browser();
        browser.signIn("ada@example.org");
        var r = browser.http.send(HttpRequest.newBuilder(URI.create(site.base + THREAD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("forged"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), "a cross-site form could send the cookie, never the token");
        assertTrue(site.app.community().comments().ofPaper(PAPER).isEmpty());
    }
}
