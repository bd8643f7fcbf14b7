package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.Config.Key;
import dev.paperboy.TestPapers;
import dev.paperboy.account.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

/** CSRF on every account route, and the settings page: name, tokens, export, deletion, admins (docs/accounts.md). */
class AccountSettingsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path data;

    private AccountSite site;

    @BeforeEach
    void start() {
        site = new AccountSite(data, SMTP, Map.of(Key.ADMINS, "Root@Example.org, boss@example.org"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private User user(String email) {
        return site.app.accounts().users().findByEmail(email).orElseThrow();
    }

    @Test
    void everyStateChangingAccountRouteRefusesAMissingOrWrongCsrfToken() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");
        long token = site.app.accounts().accessTokens().create(user("ada@example.org").id(), "ci").token().id();
        site.browser().post("/signin", "/signin", "email", "bob@example.org");
        String link = AccountSite.pathOf(site.linkMailedTo("bob@example.org"));
        List<String[]> routes = List.of(
                new String[] {"/signin", "email", "ada@example.org"},
                new String[] {link},
                new String[] {"/signout"},
                new String[] {"/signout/everywhere"},
                new String[] {"/settings/name", "name", "Mallory"},
                new String[] {"/settings/tokens", "name", "stolen"},
                new String[] {"/settings/tokens/" + token + "/revoke"},
                new String[] {"/settings/delete", "confirm", "ada@example.org"});
        for (String[] r : routes) {
            String[] fields = java.util.Arrays.copyOfRange(r, 1, r.length);
            assertEquals(403, ada.postRaw(r[0], fields).statusCode(), "no token: " + r[0]);
            String[] wrong = java.util.Arrays.copyOf(fields, fields.length + 2);
            wrong[fields.length] = "csrf";
            wrong[fields.length + 1] = Csrf.tokenFor("another-session");
            assertEquals(403, ada.postRaw(r[0], wrong).statusCode(), "wrong token: " + r[0]);
        }
        // Nothing happened: still signed in, same name, the token live, only one token, the account there.
        User after = user("ada@example.org");
        assertEquals("", after.displayName());
        assertTrue(AccountSite.accountArea(ada.get("/").body()).contains("Sign out"));
        assertEquals(1, site.app.accounts().accessTokens().ofUser(after.id()).size());
        assertFalse(site.app.accounts().accessTokens().ofUser(after.id()).getFirst().revoked());
        assertEquals(2, SMTP.getReceivedMessages().length, "only the links asked for above");
    }

    @Test
    void theTokenMayComeInTheHeaderAsHtmxSendsIt() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");
        Document home = Jsoup.parse(ada.get("/").body());
        String headers = home.body().attr("hx-headers");
        JsonNode h = new ObjectMapper().readTree(headers);

        var renamed = ada.http.send(HttpRequest.newBuilder(URI.create(site.base + "/settings/name"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", h.get("X-CSRF-Token").asText())
                .POST(HttpRequest.BodyPublishers.ofString("name=Ada")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(303, renamed.statusCode());
        assertEquals("Ada", user("ada@example.org").displayName());
    }

    @Test
    void anonymousPagesCarryNoHtmxTokenAndUnknownPathsStill404() throws Exception {
        var anonymous = site.browser();
        assertEquals("", Jsoup.parse(anonymous.get("/").body()).body().attr("hx-headers"));
        assertEquals(404, anonymous.postRaw("/no/such/page").statusCode());
    }

    @Test
    void aHostileDisplayNameRendersAsText() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";

        assertEquals(303, ada.post("/settings", "/settings/name", "name", hostile).statusCode());

        for (String page : List.of("/", "/settings")) {
            Document d = Jsoup.parse(ada.get(page).body());
            assertTrue(d.select("script:not([src])").isEmpty(), page);
            assertTrue(d.select("[onerror]").isEmpty(), page);
            assertTrue(d.select("img[src=x]").isEmpty(), page);
            assertEquals(hostile, d.selectFirst("header .account-name").text(), page);
        }
    }

    @Test
    void anOverlongNameIsRefusedAndNothingChanges() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");
        var r = ada.post("/settings", "/settings/name", "name", "x".repeat(81));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("at most 80 characters"), r.body());
        assertEquals("", user("ada@example.org").displayName());
    }

    @Test
    void aNewTokenIsShownOnceListedAfterAndWorksForTheApi() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");

        var created = ada.post("/settings", "/settings/tokens", "name", "laptop script");

        assertEquals(200, created.statusCode());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElseThrow());
        String secret = Jsoup.parse(created.body()).selectFirst("#new-token").text();
        assertTrue(secret.startsWith("pb_"), secret);
        String later = ada.get("/settings").body();
        assertFalse(later.contains(secret));
        assertTrue(Jsoup.parse(later).select("table.tokens td").eachText().contains("laptop script"), later);
        assertEquals(user("ada@example.org").id(),
                site.app.accounts().accessTokens().authenticate(secret).orElseThrow().user().id());
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");
        site.browser().signIn("bob@example.org");
        var bobs = site.app.accounts().accessTokens().create(user("bob@example.org").id(), "bob's");

        var r = ada.post("/settings", "/settings/tokens/" + bobs.token().id() + "/revoke");

        assertEquals(404, r.statusCode());
        assertTrue(site.app.accounts().accessTokens().authenticate(bobs.secret()).isPresent());
        assertEquals(404, ada.post("/settings", "/settings/tokens/not-a-number/revoke").statusCode());
    }

    @Test
    void ownTokensAreRevoked() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");
        var mine = site.app.accounts().accessTokens().create(user("ada@example.org").id(), "mine");

        var r = ada.post("/settings", "/settings/tokens/" + mine.token().id() + "/revoke");

        assertEquals(303, r.statusCode());
        assertTrue(site.app.accounts().accessTokens().authenticate(mine.secret()).isEmpty());
        assertTrue(ada.get("/settings").body().contains("revoked"));
    }

    @Test
    void theExportHoldsTheUsersOwnDataOnly() throws Exception {
        site.app.papers().upsert(TestPapers.simple("2101.00001", "One", "2021-01-01T00:00:00Z"));
        site.app.papers().upsert(TestPapers.simple("2101.00002", "Two", "2021-01-01T00:00:00Z"));
        var ada = site.browser();
        ada.signIn("ada@example.org");
        site.browser().signIn("bob@example.org");
        long adaId = user("ada@example.org").id(), bobId = user("bob@example.org").id();
        var c = site.app.community();
        c.votes().set(adaId, "2101.00001", true);
        c.votes().set(bobId, "2101.00002", true);
        c.comments().add(adaId, "2101.00001", Optional.empty(), "ada's comment");
        c.comments().add(bobId, "2101.00001", Optional.empty(), "bob's comment");
        var adas = (dev.paperboy.community.Outcome.Done<dev.paperboy.community.PaperCollection>)
                c.collections().create(adaId, "ada's reading", "", false);
        c.collections().add(adaId, adas.value().id(), "2101.00002");
        c.collections().create(bobId, "bob's public list", "", true);
        site.app.accounts().accessTokens().create(bobId, "bob's token");

        var r = ada.get("/settings/export.json");

        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        JsonNode d = new ObjectMapper().readTree(r.body());
        assertEquals("ada@example.org", d.at("/account/email").asText());
        assertEquals(1, d.get("votes").size());
        assertEquals("2101.00001", d.at("/votes/0/paperId").asText());
        assertEquals(1, d.get("comments").size());
        assertEquals("ada's comment", d.at("/comments/0/body").asText());
        assertEquals(1, d.get("collections").size());
        assertEquals("2101.00002", d.at("/collections/0/papers/0/paperId").asText());
        assertEquals(0, d.get("accessTokens").size());
        assertFalse(r.body().contains("bob"), r.body());
    }

    @Test
    void deletingTheAccountNeedsItsAddressTypedThenSignsOut() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");

        var wrong = ada.post("/settings", "/settings/delete", "confirm", "yes");
        assertEquals(400, wrong.statusCode());
        assertTrue(site.app.accounts().users().findByEmail("ada@example.org").isPresent());

        var done = ada.post("/settings", "/settings/delete", "confirm", " ADA@example.org ");
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("Account deleted"));
        assertTrue(site.app.accounts().users().findByEmail("ada@example.org").isEmpty());
        assertEquals("Sign in", AccountSite.accountArea(ada.get("/").body()));
    }

    @Test
    void addressesInAdminsAreAdminsOthersAreNot() throws Exception {
        var root = site.browser();
        root.signIn("root@example.org");
        var ada = site.browser();
        ada.signIn("ada@example.org");

        assertTrue(Jsoup.parse(root.get("/settings").body()).selectFirst("p.meta").text().contains("admin"));
        assertFalse(Jsoup.parse(ada.get("/settings").body()).selectFirst("p.meta").text().contains("admin"));
    }

    @Test
    void pagesForASignedInBrowserArePrivate() throws Exception {
        var ada = site.browser();
        ada.signIn("ada@example.org");
        var page = ada.get("/");
        assertTrue(page.headers().firstValue("Cache-Control").orElseThrow().startsWith("private"),
                page.headers().map().toString());
        var anonymous = site.browser().get("/");
        assertFalse(anonymous.headers().firstValue("Cache-Control").orElse("").contains("private"));
        assertTrue(anonymous.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Cookie")));
        assertNotEquals(page.headers().firstValue("ETag"), anonymous.headers().firstValue("ETag"));
    }
}
