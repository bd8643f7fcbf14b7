package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.Config.Key;
import dev.paperboy.account.User;
import dev.paperboy.community.Comment;
import dev.paperboy.hub.CachedCommunity;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper page's Discussion section and its forms, through the real server over SQLite with GreenMail for
 * signing in: threads, edit and delete, hostile text, others' comments, CSRF, limits, blocking and moderation.
 */
class CommentPagesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final String PAPER = "2403.00001";
    static final String PAGE = "/papers/" + PAPER;

    @TempDir
    Path data;

    private AccountSite site;

    @BeforeEach
    void start() {
        site = new AccountSite(data, SMTP, Map.of(Key.ADMINS, "root@example.org"));
        site.app.papers().upsertAll(List.of(CommunityListsTest.paper(PAPER, "Liked transformer", 5),
                CommunityListsTest.paper("2403.00002", "Quiet transformer", 3)));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private AccountSite.Browser signedIn(String email) throws Exception {
        var b = site.browser();
        assertEquals(303, b.signIn(email).statusCode());
        return b;
    }

    private User user(String email) {
        return site.app.accounts().users().findByEmail(email).orElseThrow();
    }

    /** Posts a comment from the paper page; returns the new comment's id (from the 303 to its anchor). */
    static long comment(AccountSite.Browser b, String body, String... more) throws Exception {
        String[] fields = new String[more.length + 2];
        fields[0] = "body";
        fields[1] = body;
        System.arraycopy(more, 0, fields, 2, more.length);
        HttpResponse<String> r = b.post(PAGE, PAGE + "/comments", fields);
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith(PAGE + "#comment-"), location);
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    private static Element discussion(String html) {
        Element section = Jsoup.parse(html).getElementById("comments");
        assertNotNull(section, "no Discussion section");
        return section;
    }

    private Comment stored(long id) {
        return site.app.community().comments().find(id).orElseThrow();
    }

    @Test
    void aCommentAReplyAndAReplyToTheReplyMakeOneThreadInOrder() throws Exception {
        var ada = signedIn("ada@example.org");
        assertEquals(303, ada.post("/settings", "/settings/name", "name", "Ada").statusCode());
        var bob = signedIn("bob@example.org");

        long top = comment(ada, "Is the *speed-up* real?");
        long reply = comment(bob, "Yes, see table 2.", "replyTo", Long.toString(top));
        long replyToReply = comment(ada, "Thanks!", "replyTo", Long.toString(reply));

        assertEquals(Optional.of(top), stored(replyToReply).parentId(), "a reply to a reply joins the thread");
        Element d = discussion(site.browser().get(PAGE).body());
        assertTrue(d.selectFirst("h2").text().contains("3 comments"), d.selectFirst("h2").text());
        Elements threads = d.select("ol.comments > li.thread");
        assertEquals(1, threads.size());
        Element first = threads.first().selectFirst("article#comment-" + top);
        assertEquals("Ada", first.selectFirst(".comment-author").text());
        assertEquals("<p>Is the <em>speed-up</em> real?</p>", first.selectFirst(".comment-body").html());
        assertNotNull(first.selectFirst("time[datetime]"));
        assertEquals(List.of("comment-" + reply, "comment-" + replyToReply),
                threads.first().select("ol.replies > li > article").eachAttr("id"), "replies, oldest first, one level");
        assertEquals("user " + user("bob@example.org").id(),
                threads.first().selectFirst("#comment-" + reply + " .comment-author").text(), "never the address");
        assertFalse(d.html().contains("@example.org"));
    }

    @Test
    void signedOutVisitorsSeeTheThreadAndASignInLinkButNoForms() throws Exception {
        var ada = signedIn("ada@example.org");
        comment(ada, "First!");
        var anonymous = site.browser();
        HttpResponse<String> page = anonymous.get(PAGE);

        Element d = discussion(page.body());
        assertEquals(1, d.select("article.comment").size());
        assertTrue(d.select("form").isEmpty(), d.html());
        Element signIn = d.selectFirst("a[href^=/signin]");
        assertEquals("Sign in to comment", signIn.text());
        assertEquals("/signin?next=%2Fpapers%2F2403.00001%23comments", signIn.attr("href"));
        assertTrue(anonymous.cookie("pb_csrf").isEmpty(), "no form, so no CSRF cookie for anonymous readers");
        String cache = page.headers().firstValue("cache-control").orElse("");
        assertFalse(cache.contains("private") || cache.contains("public"), cache);

        // Signed in, the page holds the user's own forms: never kept by a shared cache, nor at all.
        HttpResponse<String> own = ada.get(PAGE);
        String ownCache = own.headers().firstValue("cache-control").orElse("");
        assertTrue(ownCache.contains("private") && ownCache.contains("no-store"), ownCache);
        assertNotNull(discussion(own.body()).selectFirst("form.comment-form textarea[name=body][maxlength=10000]"));

        // A signed-out post (with the anonymous visitor's own valid token) goes to sign in and back to the page.
        String token = AccountSite.csrfOf(anonymous.get("/signin").body());
        var r = anonymous.postRaw(PAGE + "/comments", "body", "hi", "csrf", token);
        assertEquals(303, r.statusCode());
        assertEquals("/signin?next=%2Fpapers%2F2403.00001", r.headers().firstValue("location").orElseThrow());
        assertEquals(1, site.app.community().comments().ofPaper(PAPER).size());
    }

    @Test
    void editingMarksTheCommentEditedAndDeletingRemovesItOrLeavesAPlaceholder() throws Exception {
        var ada = signedIn("ada@example.org");
        var bob = signedIn("bob@example.org");
        long lonely = comment(ada, "Typo heer.");
        long answered = comment(ada, "A question.");
        comment(bob, "An answer.", "replyTo", Long.toString(answered));

        Document form = Jsoup.parse(ada.get("/comments/" + lonely + "/edit").body());
        assertEquals("Typo heer.", form.selectFirst("textarea[name=body]").text(), "the edit form is prefilled");
        var edited = ada.post("/comments/" + lonely + "/edit", "/comments/" + lonely + "/edit", "body", "Typo here.");
        assertEquals(303, edited.statusCode());
        assertEquals(PAGE + "#comment-" + lonely, edited.headers().firstValue("location").orElseThrow());
        Element c = discussion(bob.get(PAGE).body()).getElementById("comment-" + lonely);
        assertEquals("Typo here.", c.selectFirst(".comment-body").text());
        assertEquals("edited", c.selectFirst(".edited").text());

        // Delete asks first (a post without confirm), then deletes.
        var ask = ada.post(PAGE, "/comments/" + lonely + "/delete");
        assertEquals(200, ask.statusCode());
        assertNotNull(Jsoup.parse(ask.body()).selectFirst("form[action=/comments/" + lonely + "/delete] input[name=confirm][value=yes]"));
        assertTrue(site.app.community().comments().find(lonely).isPresent(), "not deleted before confirming");
        assertEquals(303, ada.post(PAGE, "/comments/" + lonely + "/delete", "confirm", "yes").statusCode());
        assertTrue(site.app.community().comments().find(lonely).isEmpty());
        assertEquals(303, ada.post(PAGE, "/comments/" + answered + "/delete", "confirm", "yes").statusCode());

        Element d = discussion(bob.get(PAGE).body());
        assertNull(d.getElementById("comment-" + lonely));
        Element placeholder = d.getElementById("comment-" + answered);
        assertEquals("[deleted]", placeholder.text());
        assertTrue(placeholder.select(".comment-author").isEmpty());
        assertFalse(d.text().contains("A question."));
        assertTrue(d.text().contains("An answer."));
        assertTrue(d.selectFirst("h2").text().contains("1 comment"));
        // Deleting the placeholder's last reply takes the placeholder with it.
        long bobs = d.select("ol.replies article").first().id().transform(s -> Long.parseLong(s.substring(8)));
        assertEquals(303, bob.post(PAGE, "/comments/" + bobs + "/delete", "confirm", "yes").statusCode());
        assertTrue(discussion(bob.get(PAGE).body()).select("article").isEmpty());
    }

    @Test
    void hostileCommentsAndNamesRenderInert() throws Exception {
        var mallory = signedIn("mallory@example.org");
        assertEquals(303, mallory.post("/settings", "/settings/name", "name",
                "<script>alert('name')</script><img src=x onerror=alert(1)>").statusCode());
        List<String> payloads = List.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(2)>",
                "<a href=\"#\" onclick=\"alert(3)\">click</a> <div onmouseover=alert(4)>hover</div>",
                "[x](javascript:alert(5))",
                "[y](JaVaScRiPt&#58;alert(6))",
                "[z](data:text/html,<script>alert(7)</script>)",
                "![i](javascript:alert(8)) <svg onload=alert(9)>",
                "<https://example.org/ok> and [fine](https://example.org/fine)");
        long first = 0;
        for (String p : payloads) {
            long id = comment(mallory, p);
            if (first == 0) first = id;
        }
        comment(mallory, "a reply <iframe src=javascript:alert(10)>", "replyTo", Long.toString(first));

        for (var viewer : List.of(site.browser(), mallory)) {
            Element d = discussion(viewer.get(PAGE).body());
            assertEquals(payloads.size() + 1, d.select("article.comment").size());
            assertTrue(d.select("script, img, iframe, svg, object, embed").isEmpty(), d.html());
            for (Element e : d.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), e.outerHtml());
                }
            }
            for (Element a : d.select("a[href]")) {
                String href = a.attr("href").strip().toLowerCase(Locale.ROOT);
                assertFalse(href.startsWith("javascript:") || href.startsWith("data:"), a.outerHtml());
            }
            // The two good links stay, marked as user content.
            assertEquals(2, d.select(".comment-body a[href^=https://example.org/][rel~=ugc]").size());
            // The name is shown as text, everywhere it appears.
            for (Element name : d.select(".comment-author")) {
                assertEquals("<script>alert('name')</script><img src=x onerror=alert(1)>", name.text());
            }
            assertTrue(d.text().contains("<script>alert(1)</script>"), "raw HTML is shown as typed");
        }
    }

    @Test
    void nobodyEditsOrDeletesAnotherUsersCommentAndUnknownOnesAre404() throws Exception {
        var ada = signedIn("ada@example.org");
        var eve = signedIn("eve@example.org");
        long id = comment(ada, "Mine.");

        assertEquals(403, eve.get("/comments/" + id + "/edit").statusCode());
        assertEquals(403, eve.post(PAGE, "/comments/" + id + "/edit", "body", "Eve's now.").statusCode());
        assertEquals(403, eve.post(PAGE, "/comments/" + id + "/delete", "confirm", "yes").statusCode());
        assertEquals(403, eve.post(PAGE, "/comments/" + id + "/delete").statusCode(), "not even the confirmation");
        assertEquals(403, eve.post(PAGE, "/comments/" + id + "/hide", "reason", "I'm no admin").statusCode());
        Comment after = stored(id);
        assertEquals("Mine.", after.body());
        assertFalse(after.edited() || after.deleted() || after.hidden());
        assertTrue(discussion(eve.get(PAGE).body()).getElementById("comment-" + id).select("a.edit-comment, .delete-box")
                .isEmpty(), "no edit or delete controls on others' comments");
        assertEquals(1, discussion(ada.get(PAGE).body()).select("#comment-" + id + " a.edit-comment").size());

        for (String path : List.of("/comments/999999/edit", "/comments/x/edit")) {
            assertEquals(404, eve.get(path).statusCode(), path);
        }
        assertEquals(404, eve.post(PAGE, "/comments/999999/delete", "confirm", "yes").statusCode());
        assertEquals(404, eve.post(PAGE, "/comments/999999/edit", "body", "x").statusCode());
        assertEquals(404, eve.post(PAGE, "/papers/0000.00000/comments", "body", "x").statusCode());
        assertEquals(404, eve.post(PAGE, PAGE + "/comments", "body", "x", "replyTo", "999999").statusCode(),
                "a reply to nothing");
    }

    @Test
    void everyCommentRouteRefusesAMissingOrWrongCsrfToken() throws Exception {
        var ada = signedIn("ada@example.org");
        var root = signedIn("root@example.org");
        long id = comment(ada, "Original.");
        List<String[]> routes = List.of(
                new String[] {ada.toString(), PAGE + "/comments", "body", "forged"},
                new String[] {ada.toString(), "/comments/" + id + "/edit", "body", "forged"},
                new String[] {ada.toString(), "/comments/" + id + "/delete", "confirm", "yes"},
                new String[] {root.toString(), "/comments/" + id + "/hide", "reason", "forged"});
        for (String[] r : routes) {
            var who = r[0].equals(ada.toString()) ? ada : root;
            String[] fields = java.util.Arrays.copyOfRange(r, 2, r.length);
            assertEquals(403, who.postRaw(r[1], fields).statusCode(), "no token: " + r[1]);
            String[] wrong = java.util.Arrays.copyOf(fields, fields.length + 2);
            wrong[fields.length] = "csrf";
            wrong[fields.length + 1] = Csrf.tokenFor("another-session");
            assertEquals(403, who.postRaw(r[1], wrong).statusCode(), "wrong token: " + r[1]);
        }
        Comment after = stored(id);
        assertEquals("Original.", after.body());
        assertFalse(after.hidden());
        assertEquals(1, site.app.community().comments().ofPaper(PAPER).size());
    }

    @Test
    void anOverLongOrBlankCommentIsRefusedWithItsTextKept() throws Exception {
        var ada = signedIn("ada@example.org");
        String tooLong = "word ".repeat(2_000) + "end";
        var r = ada.post(PAGE, PAGE + "/comments", "body", tooLong);
        assertEquals(400, r.statusCode());
        Document page = Jsoup.parse(r.body());
        assertTrue(page.selectFirst(".problem").text().contains("at most 10,000 characters"), page.text());
        assertEquals(tooLong, page.selectFirst("textarea[name=body]").wholeText(), "the text is kept");
        assertNotNull(page.selectFirst("form[action=" + PAGE + "/comments] input[name=csrf]"));
        // Emoji are two UTF-16 units in the store's count: refused here, not a 500 there.
        assertEquals(400, ada.post(PAGE, PAGE + "/comments", "body", "😀".repeat(6_000)).statusCode());
        assertEquals(400, ada.post(PAGE, PAGE + "/comments", "body", " \n\u200b ").statusCode());

        long id = comment(ada, "Short.");
        var edit = ada.post(PAGE, "/comments/" + id + "/edit", "body", tooLong + " edited");
        assertEquals(400, edit.statusCode());
        assertEquals(tooLong + " edited", Jsoup.parse(edit.body()).selectFirst("textarea[name=body]").wholeText());
        assertEquals("Short.", stored(id).body());
        assertEquals(1, site.app.community().comments().ofPaper(PAPER).size());
    }

    @Test
    void theEleventhCommentInTenMinutesIs429WithRetryAfter() throws Exception {
        var ada = signedIn("ada@example.org");
        for (int i = 0; i < CommentPages.RATE_LIMIT; i++) comment(ada, "Comment " + i);
        var r = ada.post(PAGE, PAGE + "/comments", "body", "One too many");
        assertEquals(429, r.statusCode());
        long retry = Long.parseLong(r.headers().firstValue("retry-after").orElseThrow());
        assertTrue(retry > 0 && retry <= CommentPages.RATE_WINDOW.toSeconds(), "Retry-After " + retry);
        assertEquals(CommentPages.RATE_LIMIT, site.app.community().comments().ofPaper(PAPER).size());

        // Another user is not limited by Ada's comments, and Ada may post again after the window.
        comment(signedIn("bob@example.org"), "Mine counts apart.");
        site.clock.advance(CommentPages.RATE_WINDOW);
        comment(ada, "Later.");
    }

    @Test
    void aBlockedUserCannotComment() throws Exception {
        var ada = signedIn("ada@example.org");
        long id = comment(ada, "Before the block.");
        String token = AccountSite.csrfOf(ada.get(PAGE).body());
        assertTrue(site.app.community().moderation().blockUser(Optional.empty(), user("ada@example.org").id(), "spam")
                .isDone());

        // The block ended the session: the post acts for nobody and goes to sign in, which a blocked user cannot.
        var r = ada.postRaw(PAGE + "/comments", "body", "After the block.", "csrf", token);
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("location").orElseThrow().startsWith("/signin"));
        assertEquals(303, ada.postRaw("/comments/" + id + "/edit", "body", "changed", "csrf", token).statusCode());
        assertEquals(List.of("Before the block."),
                site.app.community().comments().ofPaper(PAPER).stream().map(Comment::body).toList());
        // And the store refuses a blocked author outright, whatever the web believed (403 in CommentPages.done).
        assertEquals(Optional.of(dev.paperboy.community.Outcome.Refusal.BLOCKED), site.app.community().comments()
                .add(user("ada@example.org").id(), PAPER, Optional.empty(), "x").whyRefused());
        assertEquals(403, assertThrowsStatus(() -> CommentPages.done(site.app.community().comments()
                .add(user("ada@example.org").id(), PAPER, Optional.empty(), "x"))));
    }

    private static int assertThrowsStatus(Runnable r) {
        try {
            r.run();
        } catch (io.javalin.http.HttpResponseException e) {
            return e.getStatus();
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void anAdminHidesACommentFromEveryoneElseAndItLeavesTheCardsCount() throws Exception {
        var ada = signedIn("ada@example.org");
        var root = signedIn("root@example.org");
        long kept = comment(ada, "Fine comment.");
        long spam = comment(ada, "Buy my course.");
        String day = "/papers/date/2024-03-19";
        site.clock.advance(CachedCommunity.FRESHNESS);
        assertEquals("2 comments", cardComments(site.browser().get(day).body()));

        // Every comment carries the admin's Hide form (with a reason); nobody else's page has one.
        Element adminView = discussion(root.get(PAGE).body());
        assertEquals(2, adminView.select("form[action$=/hide] input[name=reason]").size());
        assertTrue(discussion(ada.get(PAGE).body()).select("form[action$=/hide]").isEmpty());

        var hidden = root.post(PAGE, "/comments/" + spam + "/hide", "reason", "advertising");
        assertEquals(303, hidden.statusCode());
        assertTrue(stored(spam).hidden());
        assertEquals("advertising", site.app.community().moderation().log(1, 0).getFirst().reason());

        // At once on this process's lists (CachedCommunity.forget), without waiting out their freshness.
        assertEquals("1 comment", cardComments(site.browser().get(day).body()));
        Element others = discussion(site.browser().get(PAGE).body());
        assertNull(others.getElementById("comment-" + spam));
        assertFalse(others.text().contains("Buy my course."));
        assertNotNull(others.getElementById("comment-" + kept));
        assertTrue(others.selectFirst("h2").text().contains("1 comment"));
        Element mark = discussion(root.get(PAGE).body()).getElementById("comment-" + spam);
        assertEquals("hidden by moderators", mark.selectFirst(".hidden-mark").text());
        assertNotNull(mark.selectFirst("form[action=/comments/" + spam + "/unhide]"));
        // Its author sees it marked, may delete it but no longer edit it.
        Element own = discussion(ada.get(PAGE).body()).getElementById("comment-" + spam);
        assertNotNull(own.selectFirst(".hidden-mark"));
        assertTrue(own.select("a.edit-comment").isEmpty());
        assertEquals(403, ada.get("/comments/" + spam + "/edit").statusCode());

        assertEquals(303, root.post(PAGE, "/comments/" + spam + "/unhide", "reason", "appeal").statusCode());
        assertFalse(stored(spam).hidden());
        assertEquals("2 comments", cardComments(site.browser().get(day).body()));
        assertEquals(404, root.post(PAGE, "/comments/999999/hide", "reason", "x").statusCode());
    }

    private static String cardComments(String html) {
        for (Element card : Jsoup.parse(html).select("article")) {
            if (card.text().contains("Liked transformer")) return card.selectFirst(".comments").text();
        }
        throw new AssertionError("no card for the paper: " + html);
    }

    @Test
    void aHiddenPapersDiscussionIsGone() throws Exception {
        var ada = signedIn("ada@example.org");
        long id = comment(ada, "Before.");
        site.app.community().moderation().hidePaper(Optional.empty(), PAPER, "withdrawn");
        assertEquals(404, ada.post("/", PAGE + "/comments", "body", "After.").statusCode());
        assertEquals(404, ada.get("/comments/" + id + "/edit").statusCode());
        assertEquals(404, ada.post("/", "/comments/" + id + "/delete", "confirm", "yes").statusCode());
        assertEquals(1, site.app.community().comments().ofPaper(PAPER).size());
    }
}
