package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Upvoting on the day list in a real headless Chromium: with JavaScript, htmx swaps the control in place (the page
 * is not reloaded: a window variable set before the click survives); without, the plain form posts and the
 * redirect lands on the same card.
 */
class VoteBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path data;

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void upvoteOnTheDayListAndSeeTheCountChange(boolean javascript) throws Exception {
        HeadlessChromium.unavailableReason().ifPresent(Assumptions::abort);
        try (AccountSite site = new AccountSite(data, SMTP, Map.of());
             HeadlessChromium chromium = HeadlessChromium.start(javascript)) {
            site.app.papers().upsertAll(List.of(CommunityListsTest.paper(VotePagesTest.LIKED, "Liked transformer", 5),
                    CommunityListsTest.paper(VotePagesTest.QUIET, "Quiet transformer", 3)));
            var driver = chromium.driver();
            // Sign in with an unbound link (as `paperboy user login-link` prints), pressing its button.
            chromium.open(site.base + "/signin/" + site.app.accounts().loginTokens().issue("ada@example.org", false).token()
                    + "?next=" + VotePagesTest.DAY.replace("/", "%2F"));
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertEquals(site.base + VotePagesTest.DAY, driver.getCurrentUrl());

            String control = "#vote-" + VotePagesTest.QUIET.replace(".", "\\.");
            By button = By.cssSelector(control + " button.vote-button");
            By count = By.cssSelector(control + " .votes");
            assertEquals("0 votes", driver.findElement(count).getText());
            assertEquals("false", driver.findElement(button).getAttribute("aria-pressed"));

            if (javascript) {
                driver.executeScript("window.paperboyBeforeVote = 'still here';");
                driver.findElement(button).click();
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> textOf(d, count).equals("1 vote"));
                assertEquals("still here", driver.executeScript("return window.paperboyBeforeVote;"), "no reload");
                assertEquals(site.base + VotePagesTest.DAY, driver.getCurrentUrl());
                assertEquals("true", driver.findElement(button).getAttribute("aria-pressed"));
                // And back, with the swapped-in form.
                driver.findElement(button).click();
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> textOf(d, count).equals("0 votes"));
                assertEquals("still here", driver.executeScript("return window.paperboyBeforeVote;"));
                assertEquals(0, site.app.community().counts().of(VotePagesTest.QUIET).votes());
            } else {
                chromium.follow(button);
                assertEquals(site.base + VotePagesTest.DAY + "#vote-" + VotePagesTest.QUIET, driver.getCurrentUrl());
                assertEquals("1 vote", driver.findElement(count).getText());
                assertEquals("true", driver.findElement(button).getAttribute("aria-pressed"));
                assertEquals(1, site.app.community().counts().of(VotePagesTest.QUIET).votes());
            }
            assertEquals(List.of(), chromium.drainConsoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList());
        }
    }

    /** The element's text, or "" while htmx is replacing it. */
    private static String textOf(org.openqa.selenium.WebDriver d, By by) {
        try {
            return d.findElement(by).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }
}
