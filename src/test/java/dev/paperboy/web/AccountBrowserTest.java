package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * Signing in and out in a real headless Chromium, with the link read from the mail a real SMTP server received;
 * with JavaScript on and off (every step is a link or a plain form).
 */
class AccountBrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path data;

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void signInByTheMailedLinkSeeTheNameInTheHeaderThenSignOut(boolean javascript) throws Exception {
        HeadlessChromium.unavailableReason().ifPresent(Assumptions::abort);
        try (AccountSite site = new AccountSite(data, SMTP, Map.of());
             HeadlessChromium chromium = HeadlessChromium.start(javascript)) {
            site.app.accounts().users().create("ada@example.org", "Ada Lovelace", false);
            var driver = chromium.driver();
            chromium.open(site.base + "/");
            chromium.follow(By.cssSelector("header nav.account a"));
            assertEquals(site.base + "/signin", driver.getCurrentUrl());

            driver.findElement(By.id("signin-email")).sendKeys("ada@example.org");
            chromium.follow(By.cssSelector("main form button[type=submit]"));
            assertTrue(driver.findElement(By.cssSelector("main .notice")).getText().contains("Check your inbox"));

            chromium.open(site.base + site.linkMailedTo("ada@example.org"));
            assertFalse(driver.findElements(By.cssSelector("main form button[type=submit]")).isEmpty(),
                    () -> "the link's page has no sign-in button: " + driver.findElement(By.tagName("main")).getText());
            chromium.follow(By.cssSelector("main form button[type=submit]"));

            assertEquals(site.base + "/", driver.getCurrentUrl());
            assertEquals("Ada Lovelace", driver.findElement(By.cssSelector("header .account-name")).getText());

            chromium.follow(By.cssSelector("header form.signout button"));
            assertEquals("Sign in", driver.findElement(By.cssSelector("header nav.account a")).getText());
            assertEquals(List.of(), chromium.drainConsoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList());
        }
    }
}
