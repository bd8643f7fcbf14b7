package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.Config.Key;
import dev.paperboy.account.SessionStore;
import dev.paperboy.account.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Signing in by mailed link and out, over the real server, store and SMTP server (docs/accounts.md). */
class SignInTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path data;

    private AccountSite site;

    @BeforeEach
    void start() {
        site = new AccountSite(data, SMTP, Map.of());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void theMailedLinkSignsInAndTheHeaderShowsTheNameAndASignOutButton() throws Exception {
        var browser = site.browser();
        assertEquals("Sign in", AccountSite.accountArea(browser.get("/").body()));

        var answer = browser.signIn("Ada@Example.org");

        assertEquals(303, answer.statusCode(), answer.body());
        assertEquals("/", answer.headers().firstValue("Location").orElseThrow());
        String home = browser.get("/").body();
        User ada = site.app.accounts().users().findByEmail("ada@example.org").orElseThrow();
        assertEquals("Submit a paper Your collections " + ada.publicName() + " Sign out", AccountSite.accountArea(home));
        assertTrue(home.contains("<form class=\"signout\" method=\"post\" action=\"/signout\">"), home);
    }

    @Test
    void openingTheLinkUsesNothingUpOnlyTheButtonSignsIn() throws Exception {
        var browser = site.browser();
        browser.post("/signin", "/signin", "email", "ada@example.org");
        String link = site.linkMailedTo("ada@example.org");

        // A mail scanner (or the person) may open the link any number of times.
        assertEquals(200, browser.get(link).statusCode());
        assertEquals(200, site.browser().get(link).statusCode());
        var page = browser.get(link);
        assertEquals("Sign in", AccountSite.accountArea(page.body()));

        assertEquals(303, browser.post(link, AccountSite.pathOf(link)).statusCode());
    }

    @Test
    void aLinkWorksOnce() throws Exception {
        var browser = site.browser();
        browser.post("/signin", "/signin", "email", "ada@example.org");
        String link = site.linkMailedTo("ada@example.org");
        assertEquals(303, browser.post(link, AccountSite.pathOf(link)).statusCode());

        var again = browser.post(link, AccountSite.pathOf(link));

        assertEquals(410, again.statusCode());
        assertTrue(again.body().contains("used already"), again.body());
    }

    @Test
    void aLinkExpiresAfterFifteenMinutes() throws Exception {
        var browser = site.browser();
        browser.post("/signin", "/signin", "email", "ada@example.org");
        String link = site.linkMailedTo("ada@example.org");
        String token = AccountSite.csrfOf(browser.get(link).body());

        site.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var late = browser.postRaw(AccountSite.pathOf(link), "csrf", token);

        assertEquals(410, late.statusCode());
        assertTrue(late.body().contains("more than 15 minutes old"), late.body());
        assertTrue(browser.cookie("pb_session").isEmpty());
    }

    @Test
    void expiredSessionsAndLinksAreSweptWhenNewOnesAreMade() throws Exception {
        site.browser().signIn("ada@example.org");
        site.browser().post("/signin", "/signin", "email", "bob@example.org"); // a link never used
        assertEquals(1, rows("sessions"));
        assertEquals(2, rows("login_tokens"));

        site.clock.advance(SessionStore.DEFAULT_LIFETIMES.absolute().plusSeconds(1));
        site.browser().signIn("grace@example.org");

        assertEquals(1, rows("sessions"), "only Grace's session is left");
        assertEquals(1, rows("login_tokens"), "only Grace's link is left");
    }

    private long rows(String table) {
        return site.app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Long.class).one());
    }

    @Test
    void aLinkOpenedInAnotherBrowserIsRefusedAndStillWorksWhereItWasAskedFor() throws Exception {
        var asker = site.browser();
        asker.post("/signin", "/signin", "email", "ada@example.org");
        String link = site.linkMailedTo("ada@example.org");

        var other = site.browser();
        var refused = other.post(link, AccountSite.pathOf(link));

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("only in the browser where it was asked for"), refused.body());
        assertTrue(other.cookie("pb_session").isEmpty());
        assertEquals(303, asker.post(link, AccountSite.pathOf(link)).statusCode());
    }

    @Test
    void signingInGivesANewSessionIdNotOneTheBrowserHadBefore() throws Exception {
        var browser = site.browser();
        browser.setCookie("pb_session", "chosen-by-an-attacker");

        var answer = browser.signIn("ada@example.org");
        assertEquals(303, answer.statusCode());

        String cookie = setCookie(answer, "pb_session=");
        String id = cookie.substring("pb_session=".length(), cookie.indexOf(';'));
        assertNotEquals("chosen-by-an-attacker", id);
        assertTrue(site.app.accounts().sessions().find(id).isPresent());
        assertTrue(site.app.accounts().sessions().find("chosen-by-an-attacker").isEmpty());
    }

    @Test
    void signingInOverASessionEndsTheOldOne() throws Exception {
        var browser = site.browser();
        browser.signIn("ada@example.org");
        String first = browser.cookie("pb_session").orElseThrow();

        browser.signIn("bob@example.org");

        String second = browser.cookie("pb_session").orElseThrow();
        assertNotEquals(first, second);
        assertTrue(site.app.accounts().sessions().find(first).isEmpty());
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxForTheWholeSiteAndNotSecureOverHttp() throws Exception {
        var browser = site.browser();
        var answer = browser.signIn("ada@example.org");

        String cookie = setCookie(answer, "pb_session=");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/;") || cookie.endsWith("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void theCookiesAreSecureWithTheHostPrefixWhenTheBaseUrlIsHttps() throws Exception {
        site.close();
        site = new AccountSite(data.resolve("https"), SMTP, Map.of(Key.BASE_URL, "https://papers.example.org"));
        var browser = site.browser();
        var form = browser.get("/signin");
        String csrfCookie = setCookie(form, "__Host-pb_csrf=");
        assertTrue(csrfCookie.contains("Secure") && csrfCookie.contains("HttpOnly"), csrfCookie);

        // The client keeps no Secure cookie over http, so carry the cookies by hand as a browser over https would.
        String csrfKey = csrfCookie.substring("__Host-pb_csrf=".length(), csrfCookie.indexOf(';'));
        var plain = new PlainClient(site.base);
        var asked = plain.post("/signin", "__Host-pb_csrf=" + csrfKey, "email", "ada@example.org", "csrf",
                AccountSite.csrfOf(form.body()));
        assertEquals(200, asked.statusCode(), asked.body());
        String nonce = setCookie(asked, "__Secure-pb_signin=");
        assertTrue(nonce.contains("Secure") && nonce.contains("Path=/signin"), nonce);
        String link = site.linkMailedTo("ada@example.org");
        var signedIn = plain.post(link, "__Host-pb_csrf=" + csrfKey + "; __Secure-pb_signin="
                + nonce.substring("__Secure-pb_signin=".length(), nonce.indexOf(';')), "csrf", AccountSite.csrfOf(form.body()));

        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String session = setCookie(signedIn, "__Host-pb_session=");
        assertTrue(session.contains("Secure"), session);
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax"), session);
    }

    @Test
    void theAnswerIsTheSameForAnAddressWithAnAccountAndOneWithout() throws Exception {
        site.app.accounts().users().findOrCreate("known@example.org");
        var known = site.browser().post("/signin", "/signin", "email", "known@example.org");
        var unknown = site.browser().post("/signin", "/signin", "email", "nobody@example.org");

        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(withoutTokens(known.body()).replace("known@", "X@"), withoutTokens(unknown.body()).replace("nobody@", "X@"));
        // Both got a link: asking never looks at accounts.
        site.linkMailedTo("known@example.org");
        site.linkMailedTo("nobody@example.org");
    }

    @Test
    void tooManyLinksForOneAddressAnswer429WithRetryAfter() throws Exception {
        for (int i = 0; i < AccountPages.LINKS_PER_ADDRESS; i++) {
            assertEquals(200, site.browser().post("/signin", "/signin", "email", "ada@example.org").statusCode());
        }
        var refused = site.browser().post("/signin", "/signin", "email", "ADA@example.org");

        assertEquals(429, refused.statusCode());
        assertEquals(Long.toString(AccountPages.LINK_WINDOW.toSeconds()), refused.headers().firstValue("Retry-After").orElseThrow());

        site.clock.advance(AccountPages.LINK_WINDOW.plusSeconds(1));
        assertEquals(200, site.browser().post("/signin", "/signin", "email", "ada@example.org").statusCode());
    }

    @Test
    void tooManyLinksFromOneClientAddressAnswer429WithRetryAfter() throws Exception {
        var browser = site.browser();
        for (int i = 0; i < AccountPages.LINKS_PER_IP; i++) {
            assertEquals(200, browser.post("/signin", "/signin", "email", "user" + i + "@example.org").statusCode());
        }
        site.clock.advance(Duration.ofMinutes(5));
        var refused = browser.post("/signin", "/signin", "email", "another@example.org");

        assertEquals(429, refused.statusCode());
        assertEquals(Long.toString(AccountPages.LINK_WINDOW.minusMinutes(5).toSeconds()),
                refused.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void aBlockedUserCannotSignInAndTheirSessionStopsWorking() throws Exception {
        var browser = site.browser();
        browser.signIn("ada@example.org");
        User ada = site.app.accounts().users().findByEmail("ada@example.org").orElseThrow();
        assertTrue(AccountSite.accountArea(browser.get("/").body()).contains("Sign out"));

        site.app.community().moderation().blockUser(Optional.empty(), ada.id(), "spam");

        assertEquals("Sign in", AccountSite.accountArea(browser.get("/").body()));
        assertEquals(303, browser.get("/settings").statusCode());
        var again = site.browser().signIn("ada@example.org");
        assertEquals(403, again.statusCode());
        assertTrue(again.body().contains("blocked"), again.body());
    }

    @Test
    void nextGoesOnlyToAPathOfThisSite() throws Exception {
        for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "/\tevil", " /x")) {
            var browser = site.browser();
            String email = "ada" + Math.abs(next.hashCode()) + "@example.org";
            browser.post("/signin?next=x", "/signin", "email", email, "next", next);
            String link = site.linkMailedTo(email);
            var answer = browser.post(link, AccountSite.pathOf(link), "next", next);
            assertEquals(303, answer.statusCode(), next);
            assertEquals("/", answer.headers().firstValue("Location").orElseThrow(), next);
        }
        var browser = site.browser();
        var form = browser.get("/signin?next=%2Fpapers%2F2101.00001%3Fx%3D1");
        assertTrue(form.body().contains("value=\"/papers/2101.00001?x=1\""), form.body());
        browser.post("/signin?next=%2Fpapers%2F2101.00001", "/signin", "email", "ada@example.org",
                "next", "/papers/2101.00001");
        String link = site.linkMailedTo("ada@example.org");
        assertTrue(link.endsWith("?next=%2Fpapers%2F2101.00001"), link);
        String nextField = org.jsoup.Jsoup.parse(browser.get(link).body()).selectFirst("input[name=next]").attr("value");
        var answer = browser.post(link, AccountSite.pathOf(link), "next", nextField);
        assertEquals("/papers/2101.00001", answer.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void pagesThatNeedASignInSendToTheSignInPageAndBack() throws Exception {
        var answer = site.browser().get("/settings");
        assertEquals(303, answer.statusCode());
        assertEquals("/signin?next=%2Fsettings", answer.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var browser = site.browser();
        browser.signIn("ada@example.org");
        String id = browser.cookie("pb_session").orElseThrow();

        var out = browser.post("/", "/signout");

        assertEquals(303, out.statusCode());
        assertTrue(site.app.accounts().sessions().find(id).isEmpty());
        assertEquals("Sign in", AccountSite.accountArea(browser.get("/").body()));
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheUser() throws Exception {
        var laptop = site.browser();
        var phone = site.browser();
        laptop.signIn("ada@example.org");
        phone.signIn("ada@example.org");

        assertEquals(200, laptop.post("/settings", "/signout/everywhere").statusCode());

        assertEquals("Sign in", AccountSite.accountArea(phone.get("/").body()));
        assertEquals("Sign in", AccountSite.accountArea(laptop.get("/").body()));
    }

    @Test
    void aNonAddressIsRefusedWithTheFormAgain() throws Exception {
        var answer = site.browser().post("/signin", "/signin", "email", "not an address");
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("does not look like an email address"), answer.body());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    /** The Set-Cookie header that sets {@code prefix…}. */
    static String setCookie(HttpResponse<String> r, String prefix) {
        return r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + prefix + " in " + r.headers().allValues("Set-Cookie")));
    }

    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"csrf\" value=\"[^\"]*\"", "");
    }

    /** Requests with a Cookie header written by hand. */
    record PlainClient(String base) {
        HttpResponse<String> post(String path, String cookie, String... fields) throws Exception {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                if (!body.isEmpty()) body.append('&');
                body.append(java.net.URLEncoder.encode(fields[i], java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + path)).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
