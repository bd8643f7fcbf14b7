package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.Config.Key;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10's walk, in one headless Chromium session with a real SMTP server (GreenMail) and a local replay of arXiv's
 * API, JavaScript on and off: sign in by the link read from the mail, upvote (without a reload when JavaScript runs),
 * comment, reply, edit, delete, submit an arXiv id and find it on today's list, make a public collection holding a
 * paper and read its Atom feed, sign out. Each step's details have their own tests (VoteBrowserTest,
 * CommentBrowserTest, CollectBrowserTest, AccountBrowserTest); this one checks they make one site.
 */
class CommunityWalkBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final String DAY = VotePagesTest.DAY;
    private static final String PAPER = VotePagesTest.QUIET;
    private static final String SUBMITTED = "2401.12345"; // what SubmitPagesTest.FIXTURE answers

    @TempDir
    Path data;

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void signInVoteDiscussSubmitCollectAndSignOut(boolean javascript) throws Exception {
        HeadlessChromium.unavailableReason().ifPresent(Assumptions::abort);
        try (ReplayServer arxiv = new ReplayServer();
             AccountSite site = new AccountSite(data, SMTP, Map.of(Key.ARXIV_API_URL, arxiv.url("/api/query"),
                     Key.HARVEST_INTERVAL_SECONDS, "0.05", Key.HARVEST_READ_TIMEOUT_SECONDS, "5"));
             HeadlessChromium chromium = HeadlessChromium.start(javascript)) {
            site.app.papers().upsertAll(List.of(CommunityListsTest.paper(VotePagesTest.LIKED, "Liked transformer", 5),
                    CommunityListsTest.paper(PAPER, "Quiet transformer", 3)));
            site.app.accounts().users().create("ada@example.org", "Ada Lovelace", false);
            arxiv.enqueue(Reply.xml(SubmitPagesTest.FIXTURE));
            var driver = chromium.driver();

            // 1. Sign in by the link read from the mail, coming back to the day list.
            chromium.open(site.base + "/signin?next=" + URLEncoder.encode(DAY, StandardCharsets.UTF_8));
            driver.findElement(By.id("signin-email")).sendKeys("ada@example.org");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            chromium.open(site.base + site.linkMailedTo("ada@example.org"));
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertEquals(site.base + DAY, driver.getCurrentUrl());
            assertTrue(driver.findElement(By.cssSelector("header nav.account")).getText().contains("Sign out"));

            // 2. Upvote a paper on the day list and see its count change.
            String control = "#vote-" + PAPER.replace(".", "\\.");
            By button = By.cssSelector(control + " button.vote-button");
            By count = By.cssSelector(control + " .votes");
            assertEquals("0 votes", driver.findElement(count).getText());
            if (javascript) {
                driver.executeScript("window.paperboyWalk = 'same page';");
                driver.findElement(button).click();
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> textOf(d, count).equals("1 vote"));
                assertEquals("same page", driver.executeScript("return window.paperboyWalk;"), "no reload");
            } else {
                chromium.follow(button);
                assertEquals(site.base + DAY + "#vote-" + PAPER, driver.getCurrentUrl());
                assertEquals("1 vote", driver.findElement(count).getText());
            }
            assertEquals("true", driver.findElement(button).getAttribute("aria-pressed"));

            // 3. Comment on the paper's page, reply, edit the comment, delete the reply.
            chromium.follow(driver.findElement(By.cssSelector(control)).findElement(
                    By.xpath("ancestor::article//a[contains(@class, 'title')]")));
            assertEquals(site.base + "/papers/" + PAPER, driver.getCurrentUrl());
            driver.findElement(By.id("comment-new")).sendKeys("Does it *hold* on long inputs?");
            chromium.follow(By.cssSelector("#comments > form.comment-form button[type=submit]"));
            WebElement top = driver.findElement(By.cssSelector("#comments ol.comments > li.thread > article"));
            String topId = top.getAttribute("id");
            assertEquals("hold", top.findElement(By.cssSelector(".comment-body em")).getText());
            top.findElement(By.cssSelector("details.reply-box summary")).click();
            top.findElement(By.cssSelector("details.reply-box textarea")).sendKeys("Table 3 says yes.");
            chromium.follow(top.findElement(By.cssSelector("details.reply-box button[type=submit]")));
            WebElement reply = driver.findElement(By.cssSelector("#" + topId + " + ol.replies article"));
            assertEquals("Table 3 says yes.", reply.findElement(By.cssSelector(".comment-body")).getText());

            chromium.follow(By.cssSelector("#" + topId + " a.edit-comment"));
            WebElement text = driver.findElement(By.cssSelector("main textarea[name=body]"));
            text.clear();
            text.sendKeys("Does it hold on **long** inputs?");
            chromium.follow(By.cssSelector("main form.comment-form button[type=submit]"));
            assertEquals("long", driver.findElement(By.cssSelector("#" + topId + " .comment-body strong")).getText());
            assertEquals("edited", driver.findElement(By.cssSelector("#" + topId + " .edited")).getText());

            reply = driver.findElement(By.cssSelector("#" + topId + " + ol.replies article"));
            reply.findElement(By.cssSelector("details.delete-box summary")).click();
            chromium.follow(reply.findElement(By.cssSelector("details.delete-box button[type=submit]")));
            assertTrue(driver.findElements(By.cssSelector("ol.replies article")).isEmpty(), "the reply is gone");
            assertTrue(driver.findElement(By.id("comments-h")).getText().contains("1 comment"),
                    driver.findElement(By.id("comments-h")).getText());

            // 4. Submit an arXiv id (arXiv's API is the local replay) and find it on today's list.
            chromium.follow(By.cssSelector("header a.submit-paper"));
            driver.findElement(By.id("submit-paper")).sendKeys("arXiv:" + SUBMITTED + "v1");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertEquals(site.base + SubmitPagesTest.TODAY + "#card-" + SUBMITTED, driver.getCurrentUrl());
            WebElement card = driver.findElement(By.id("card-" + SUBMITTED)).findElement(By.xpath("ancestor::article"));
            assertEquals("Submitted Papers Deserve Tests", card.findElement(By.cssSelector("a.title")).getText());
            assertEquals("Ada Lovelace", card.findElement(By.cssSelector(".submitter")).getText());

            // 5. A public collection made from the submitted paper's page, then its page and its Atom feed.
            chromium.follow(card.findElement(By.cssSelector("a.title")));
            chromium.follow(By.cssSelector("main a.new-collection"));
            driver.findElement(By.id("collection-name")).sendKeys("Walk reading");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertEquals("Remove", driver.findElement(By.cssSelector("main section.paper-collections form button")).getText());
            chromium.follow(By.cssSelector("main section.paper-collections li a"));
            assertEquals("Walk reading", driver.findElement(By.cssSelector("main h1")).getText());
            assertEquals(List.of("Submitted Papers Deserve Tests"),
                    driver.findElements(By.cssSelector("main ol.papers a.title")).stream().map(WebElement::getText).toList());
            String feedUrl = driver.findElement(By.cssSelector("main a.feed")).getAttribute("href");
            var atom = site.browser().get(AccountSite.pathOf(feedUrl.substring(site.base.length())));
            assertEquals(200, atom.statusCode(), atom.body());
            List<SyndEntry> entries = new SyndFeedInput().build(new StringReader(atom.body())).getEntries();
            assertEquals(List.of("Submitted Papers Deserve Tests"), entries.stream().map(SyndEntry::getTitle).toList());

            // 6. Sign out: the header offers sign-in again and the settings page asks for it.
            chromium.follow(By.cssSelector("header form.signout button"));
            assertEquals("Sign in", driver.findElement(By.cssSelector("header nav.account a")).getText());
            chromium.open(site.base + "/settings");
            assertTrue(driver.getCurrentUrl().startsWith(site.base + "/signin"), driver.getCurrentUrl());

            assertEquals(List.of(), chromium.drainConsoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList());
        }
    }

    /** The element's text, or "" while htmx is replacing it. */
    private static String textOf(WebDriver d, By by) {
        try {
            return d.findElement(by).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }
}
