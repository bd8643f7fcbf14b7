package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Discussing a paper in a real headless Chromium, signed in by the mailed link: comment, reply, edit, delete; with
 * JavaScript on and off (every step is a link, a {@code <details>} or a plain form).
 */
class CommentBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path data;

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void commentReplyEditAndDeleteOnAPaperPage(boolean javascript) throws Exception {
        HeadlessChromium.unavailableReason().ifPresent(Assumptions::abort);
        try (AccountSite site = new AccountSite(data, SMTP, Map.of());
             HeadlessChromium chromium = HeadlessChromium.start(javascript)) {
            site.app.papers().upsertAll(List.of(CommunityListsTest.paper(CommentPagesTest.PAPER, "Liked transformer", 5)));
            site.app.accounts().users().create("ada@example.org", "Ada Lovelace", false);
            String page = site.base + CommentPagesTest.PAGE;
            var driver = chromium.driver();

            // Signed out: the discussion offers a sign-in link that comes back here.
            chromium.open(page);
            chromium.follow(By.linkText("Sign in to comment"));
            driver.findElement(By.id("signin-email")).sendKeys("ada@example.org");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            chromium.open(site.base + site.linkMailedTo("ada@example.org"));
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertTrue(driver.getCurrentUrl().startsWith(page), driver.getCurrentUrl());

            // Comment.
            driver.findElement(By.id("comment-new")).sendKeys("Is the *speed-up* real?");
            chromium.follow(By.cssSelector("#comments > form.comment-form button[type=submit]"));
            WebElement top = driver.findElement(By.cssSelector("#comments ol.comments > li.thread > article"));
            String topId = top.getAttribute("id");
            assertEquals(page + "#" + topId, driver.getCurrentUrl());
            assertEquals("Ada Lovelace", top.findElement(By.cssSelector(".comment-author")).getText());
            assertEquals("speed-up", top.findElement(By.cssSelector(".comment-body em")).getText());

            // Reply (the form is inside a <details>, opened by its summary).
            top.findElement(By.cssSelector("details.reply-box summary")).click();
            top.findElement(By.cssSelector("details.reply-box textarea")).sendKeys("Yes: table 2.");
            chromium.follow(top.findElement(By.cssSelector("details.reply-box button[type=submit]")));
            WebElement reply = driver.findElement(By.cssSelector("#" + topId + " + ol.replies article"));
            assertEquals("Yes: table 2.", reply.findElement(By.cssSelector(".comment-body")).getText());

            if (javascript) {
                // The signed-in discussion (forms, an open reply box) passes axe like the other pages.
                driver.findElement(By.cssSelector("#" + topId + " details.reply-box summary")).click();
                List<String> failing = new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver).getViolations()
                        .stream().filter(r -> java.util.Set.of("serious", "critical").contains(r.getImpact()))
                        .map(r -> r.getId() + ": " + r.getHelp()).toList();
                assertEquals(List.of(), failing);
            }

            // Edit the top comment on its own page, prefilled.
            chromium.follow(By.cssSelector("#" + topId + " a.edit-comment"));
            WebElement text = driver.findElement(By.cssSelector("main textarea[name=body]"));
            assertEquals("Is the *speed-up* real?", text.getAttribute("value"));
            text.clear();
            text.sendKeys("Is the **speed-up** real?");
            chromium.follow(By.cssSelector("main form.comment-form button[type=submit]"));
            top = driver.findElement(By.id(topId));
            assertEquals("speed-up", top.findElement(By.cssSelector(".comment-body strong")).getText());
            assertEquals("edited", top.findElement(By.cssSelector(".edited")).getText());

            // Delete it: it has a reply, so a placeholder stays above the reply.
            top.findElement(By.cssSelector("details.delete-box summary")).click();
            chromium.follow(top.findElement(By.cssSelector("details.delete-box button[type=submit]")));
            assertEquals("[deleted]", driver.findElement(By.id(topId)).getText());
            assertEquals("Yes: table 2.", driver.findElement(By.cssSelector("ol.replies .comment-body")).getText());
            assertTrue(driver.findElement(By.id("comments-h")).getText().contains("1 comment"));

            assertEquals(List.of(), chromium.drainConsoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList());
        }
    }
}
