package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.Config.Key;
import dev.paperboy.account.User;
import dev.paperboy.community.Comment;
import java.nio.file.Path;
import java.util.List;
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
 * Moderation on the web through the real server (SQLite, GreenMail): the admin page and its acts, the paper page's
 * hide/unhide for admins, hidden papers seen by admins only, blocked users, and that nobody else finds any of it.
 */
class AdminPagesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final String DAY = VotePagesTest.DAY;
    static final String QUIET = VotePagesTest.QUIET;

    @TempDir
    Path data;

    private AccountSite site;

    @BeforeEach
    void start() {
        site = new AccountSite(data, SMTP, Map.of(Key.ADMINS, "admin@example.org"));
        site.app.papers().upsertAll(List.of(CommunityListsTest.paper(VotePagesTest.LIKED, "Liked transformer", 5),
                CommunityListsTest.paper(QUIET, "Quiet transformer", 3)));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private AccountSite.Browser signedIn(String email) throws Exception {
        AccountSite.Browser b = site.browser();
        assertEquals(303, b.signIn(email).statusCode());
        return b;
    }

    private static String logText(String adminPage) {
        Element table = Jsoup.parse(adminPage).selectFirst("table.moderation-log");
        return table == null ? "" : table.text();
    }

    @Test
    void nobodyButAdminsFindsTheAdminPageOrItsActs() throws Exception {
        AccountSite.Browser bob = signedIn("bob@example.org");
        AccountSite.Browser anonymous = site.browser();
        assertEquals(404, bob.get("/admin").statusCode());
        assertEquals(404, anonymous.get("/admin").statusCode());
        assertFalse(bob.get(DAY).body().contains("/admin"), "no link to it either");
        String token = AccountSite.csrfOf(bob.get("/settings").body());
        for (String act : List.of("/admin/papers/hide", "/admin/papers/unhide", "/admin/comments/hide",
                "/admin/comments/unhide", "/admin/users/block", "/admin/users/unblock")) {
            assertEquals(404, bob.postRaw(act, "csrf", token, "paper", QUIET, "comment", "1", "email",
                    "admin@example.org", "reason", "x").statusCode(), act);
            assertEquals(403, bob.postRaw(act, "paper", QUIET).statusCode(), act + " without a CSRF token");
        }
        assertFalse(site.app.community().moderation().isHidden(QUIET));
        assertTrue(site.app.community().moderation().log(10, 0).isEmpty(), "nothing was recorded");
        // Nor the paper page's form.
        assertTrue(Jsoup.parse(bob.get("/papers/" + QUIET).body()).select("form[action^=/admin]").isEmpty());

        AccountSite.Browser admin = signedIn("admin@example.org");
        var page = admin.get("/admin");
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertNotNull(Jsoup.parse(page.body()).selectFirst("header a.admin-link[href=/admin]"));
        assertEquals(403, admin.postRaw("/admin/papers/hide", "paper", QUIET, "reason", "x").statusCode(),
                "admins need the CSRF token too");
    }

    @Test
    void anAdminHidesAPaperFromItsPageStillSeesItAndUnhidesIt() throws Exception {
        AccountSite.Browser admin = signedIn("admin@example.org");
        String paperPath = "/papers/" + QUIET;
        var page = admin.get(paperPath);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow(), "admin controls are personal");
        Document d = Jsoup.parse(page.body());
        Element form = d.selectFirst("form[action=/admin/papers/hide]");
        assertNotNull(form, page.body());
        var hidden = admin.postRaw("/admin/papers/hide", "csrf", form.selectFirst("input[name=csrf]").attr("value"),
                "paper", form.selectFirst("input[name=paper]").attr("value"), "reason", "Spam <b>ads</b>",
                "next", form.selectFirst("input[name=next]").attr("value"));
        assertEquals(303, hidden.statusCode(), hidden.body());
        assertEquals(paperPath, hidden.headers().firstValue("Location").orElseThrow());

        // The admin still sees it, with a banner and an Unhide form; everyone else gets 404 and lists leave it out.
        var seen = admin.get(paperPath);
        assertEquals(200, seen.statusCode());
        Document s = Jsoup.parse(seen.body());
        assertTrue(s.selectFirst(".hidden-by-moderators").text().contains("Hidden by moderators"));
        assertNotNull(s.selectFirst("form[action=/admin/papers/unhide]"));
        assertEquals(404, site.browser().get(paperPath).statusCode());
        assertEquals(404, signedIn("bob@example.org").get(paperPath).statusCode());
        assertFalse(admin.get(DAY).body().contains("Quiet transformer"), "lists leave it out for admins too");

        String log = logText(admin.get("/admin").body());
        assertTrue(log.contains("admin@example.org"), log);
        assertTrue(log.contains("hide-paper"), log);
        assertTrue(log.contains("paper " + QUIET), log);
        assertTrue(log.contains("Spam <b>ads</b>"), "the reason, as text: " + log);
        assertFalse(admin.get("/admin").body().contains("<b>ads</b>"), "escaped");

        String token = AccountSite.csrfOf(seen.body());
        assertEquals(303, admin.postRaw("/admin/papers/unhide", "csrf", token, "paper", QUIET + "v1", "reason",
                "appeal").statusCode());
        assertEquals(200, site.browser().get(paperPath).statusCode());
        assertTrue(site.browser().get(DAY).body().contains("Quiet transformer"));
        assertTrue(logText(admin.get("/admin").body()).contains("unhide-paper"));
    }

    @Test
    void blockingAUserEndsTheirSessionAndTheirVotesThenUnblocking() throws Exception {
        AccountSite.Browser bob = signedIn("bob@example.org");
        String bobsToken = AccountSite.csrfOf(bob.get(DAY).body());
        AccountSite.Browser admin = signedIn("admin@example.org");
        String token = AccountSite.csrfOf(admin.get("/admin").body());

        var r = admin.postRaw("/admin/users/block", "csrf", token, "email", " Bob@Example.org ", "reason", "spam");
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/admin", r.headers().firstValue("Location").orElseThrow());
        String log = logText(admin.get("/admin").body());
        assertTrue(log.contains("block-user"), log);
        assertTrue(log.contains("bob@example.org"), log);
        assertTrue(log.contains("spam"), log);

        // Bob's session ended: he is signed out, his vote goes to sign-in and counts nothing, and he cannot sign in.
        assertEquals(303, bob.get("/settings").statusCode());
        var vote = bob.postRaw("/papers/" + QUIET + "/vote", "csrf", bobsToken, "vote", "on", "next", DAY);
        assertEquals(303, vote.statusCode());
        assertTrue(vote.headers().firstValue("Location").orElseThrow().startsWith("/signin"));
        assertEquals(0, site.app.community().counts().of(QUIET).votes());
        assertEquals(403, site.browser().signIn("bob@example.org").statusCode());

        assertEquals(400, admin.postRaw("/admin/users/block", "csrf", token, "email", "nobody@example.org").statusCode());
        assertEquals(400, admin.postRaw("/admin/users/block", "csrf", token, "email", "admin@example.org").statusCode(),
                "not oneself");
        assertEquals(303, admin.postRaw("/admin/users/unblock", "csrf", token, "email", "bob@example.org", "reason",
                "apologised").statusCode());
        assertEquals(303, site.browser().signIn("bob@example.org").statusCode());
    }

    @Test
    void anAdminHidesAndUnhidesACommentByItsNumber() throws Exception {
        User ada = site.app.accounts().users().findOrCreate("ada@example.org");
        Comment c = site.app.community().comments().add(ada.id(), QUIET, Optional.empty(), "Buy my course")
                .result().orElseThrow();
        AccountSite.Browser admin = signedIn("admin@example.org");
        assertTrue(admin.get(DAY).body().contains("1 comment"));
        String token = AccountSite.csrfOf(admin.get("/admin").body());
        assertEquals(303, admin.postRaw("/admin/comments/hide", "csrf", token, "comment", Long.toString(c.id()),
                "reason", "advert").statusCode());
        assertTrue(site.app.community().comments().find(c.id()).orElseThrow().hidden());
        assertTrue(admin.get(DAY).body().contains("0 comments"), "the count on lists is exact at once");
        String log = logText(admin.get("/admin").body());
        assertTrue(log.contains("hide-comment") && log.contains("comment " + c.id()) && log.contains("advert"), log);
        assertEquals(404, admin.postRaw("/admin/comments/hide", "csrf", token, "comment", "999999").statusCode());
        assertEquals(400, admin.postRaw("/admin/comments/hide", "csrf", token, "comment", "first").statusCode());
        assertEquals(303, admin.postRaw("/admin/comments/unhide", "csrf", token, "comment", Long.toString(c.id()))
                .statusCode());
        assertFalse(site.app.community().comments().find(c.id()).orElseThrow().hidden());
    }

    @Test
    void theLogIsPaginated() throws Exception {
        for (int i = 0; i < AdminPages.PAGE_SIZE + 3; i++) {
            site.app.community().moderation().hidePaper(Optional.empty(), QUIET, "act " + i);
        }
        AccountSite.Browser admin = signedIn("admin@example.org");
        Document first = Jsoup.parse(admin.get("/admin").body());
        assertEquals(AdminPages.PAGE_SIZE, first.select("table.moderation-log tbody tr").size());
        assertTrue(first.selectFirst("table.moderation-log tbody tr").text().contains("act " + (AdminPages.PAGE_SIZE + 2)),
                "newest first");
        assertEquals("/admin?page=2", first.selectFirst("nav.pager a[rel=next]").attr("href"));
        Document second = Jsoup.parse(admin.get("/admin?page=2").body());
        assertEquals(3, second.select("table.moderation-log tbody tr").size());
        assertTrue(second.selectFirst("table.moderation-log").text().contains("operator"));
        assertEquals(404, admin.get("/admin?page=9").statusCode());
        assertEquals(400, admin.get("/admin?page=x").statusCode());
    }
}
