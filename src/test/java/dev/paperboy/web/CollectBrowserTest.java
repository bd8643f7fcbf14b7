package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.Config.Key;
import dev.paperboy.TestPapers;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * In a real headless Chromium, JavaScript on and off: sign in by the mailed link, submit an arXiv id that a local
 * replay of arXiv's API serves and find it on today's list, make a public collection, add a paper from its page,
 * open the collection and its Atom feed.
 */
class CollectBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path data;

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void submitAPaperThenCollectOneAndReadTheFeed(boolean javascript) throws Exception {
        HeadlessChromium.unavailableReason().ifPresent(Assumptions::abort);
        try (ReplayServer arxiv = new ReplayServer();
             AccountSite site = new AccountSite(data, SMTP, Map.of(Key.ARXIV_API_URL, arxiv.url("/api/query"),
                     Key.HARVEST_INTERVAL_SECONDS, "0.05", Key.HARVEST_READ_TIMEOUT_SECONDS, "5"));
             HeadlessChromium chromium = HeadlessChromium.start(javascript)) {
            site.app.accounts().users().create("ada@example.org", "Ada Lovelace", false);
            site.app.papers().upsert(TestPapers.simple("2405.00001", "A Stored Paper", "2026-05-01T00:00:00Z"));
            arxiv.enqueue(Reply.xml(SubmitPagesTest.FIXTURE));
            var driver = chromium.driver();

            // Submitting while signed out leads through sign-in and back to the form.
            chromium.open(site.base + "/submit");
            driver.findElement(By.id("signin-email")).sendKeys("ada@example.org");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            chromium.open(site.base + site.linkMailedTo("ada@example.org"));
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertEquals(site.base + "/submit", driver.getCurrentUrl());

            driver.findElement(By.id("submit-paper")).sendKeys("https://arxiv.org/abs/2401.12345v2");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertEquals(site.base + SubmitPagesTest.TODAY + "#card-2401.12345", driver.getCurrentUrl());
            var card = driver.findElement(By.id("card-2401.12345")).findElement(By.xpath("ancestor::article"));
            assertEquals("Submitted Papers Deserve Tests", card.findElement(By.cssSelector("a.title")).getText());
            assertEquals("Ada Lovelace", card.findElement(By.cssSelector(".submitter")).getText());

            // A public collection, made from a paper's page, which then holds the paper.
            chromium.open(site.base + "/papers/2405.00001");
            chromium.follow(By.cssSelector("main a.new-collection"));
            driver.findElement(By.id("collection-name")).sendKeys("Tuesday reading");
            driver.findElement(By.id("collection-description")).sendKeys("For the group");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertTrue(driver.getCurrentUrl().startsWith(site.base + "/papers/2405.00001"), driver.getCurrentUrl());
            assertEquals("Remove", driver.findElement(By.cssSelector("main section.paper-collections form button")).getText());

            // Add the submitted paper from its page too, a minute later (the newest added is listed first).
            site.clock.advance(java.time.Duration.ofMinutes(1));
            chromium.open(site.base + "/papers/2401.12345");
            chromium.follow(By.cssSelector("main section.paper-collections form button"));
            assertEquals("Remove", driver.findElement(By.cssSelector("main section.paper-collections form button")).getText());

            chromium.follow(By.cssSelector("main section.paper-collections li a"));
            assertEquals("Tuesday reading", driver.findElement(By.cssSelector("main h1")).getText());
            assertEquals(List.of("Submitted Papers Deserve Tests", "A Stored Paper"),
                    driver.findElements(By.cssSelector("main ol.papers a.title")).stream().map(e -> e.getText()).toList());
            String feed = driver.findElement(By.cssSelector("main a.feed")).getAttribute("href");
            var atom = site.browser().get(AccountSite.pathOf(feed.substring(site.base.length())));
            assertEquals(200, atom.statusCode());
            assertTrue(atom.body().contains("<title type=\"text\">Submitted Papers Deserve Tests</title>")
                    || atom.body().contains("<title>Submitted Papers Deserve Tests</title>"), atom.body());
            assertEquals(List.of(), chromium.drainConsoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList());
        }
    }
}
