package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The frame around every page, in the real Chromium: skip link, focus ring, htmx under the CSP, the narrowest phones. */
@Tag("browser")
class ShellBrowserTest {

    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml");

    private org.openqa.selenium.chrome.ChromeDriver driver() {
        return site.browser().driver();
    }

    private void tab() {
        new Actions(driver()).sendKeys(Keys.TAB).perform();
    }

    @Test
    void theFirstTabStopIsTheSkipLinkWhichShowsAndMovesTheFocusToTheMainContent() {
        site.open("/");
        tab();
        WebElement skip = driver().switchTo().activeElement();
        assertEquals("Skip to main content", skip.getText());
        assertTrue(skip.getRect().getY() >= 0, "the skip link is on screen once focused: " + skip.getRect());
        skip.sendKeys(Keys.ENTER);
        assertTrue(driver().getCurrentUrl().endsWith("/#main"), driver().getCurrentUrl());
        assertEquals(driver().findElement(By.id("main")), driver().switchTo().activeElement());
        // The next Tab lands on the first link of the content, not back in the header.
        tab();
        WebElement first = driver().switchTo().activeElement();
        assertEquals(driver().findElement(By.cssSelector("main a[href]")), first, first.getText());
        assertTrue(first.findElements(By.xpath("ancestor::header")).isEmpty(), "not in the header");
        assertEquals(List.of(), site.browser().drainConsoleErrors());
    }

    @Test
    void whatTheKeyboardFocusesHasAVisibleRing() {
        site.open("/");
        tab();
        tab(); // the skip link, then the brand link
        WebElement brand = driver().switchTo().activeElement();
        assertEquals("Paperboy", brand.getText());
        assertEquals("solid", brand.getCssValue("outline-style"));
        assertTrue(brand.getCssValue("outline-width").startsWith("3"), brand.getCssValue("outline-width"));
    }

    @Test
    void htmxLoadsFromTheJarAndSwapsContentWithoutBreakingTheContentSecurityPolicy() {
        site.open("/");
        assertEquals(StaticAssets.HTMX_VERSION, driver().executeScript("return window.htmx && htmx.version;"));
        driver().executeScript("htmx.ajax('GET', '" + StaticAssets.href("htmx-LICENSE.txt") + "', "
                + "{target: '#main', swap: 'innerHTML'});");
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("main")).getText().contains("Zero-Clause BSD"));
        // A blocked inline style or eval would be logged as a console error.
        assertEquals(List.of(), site.browser().drainConsoleErrors());
    }

    @Test
    void noPageScrollsSidewaysOnA360PixelPhone() {
        site.browser().asPhone(360, 740, () -> {
            for (AccessibilityBrowserTest.Page page : AccessibilityBrowserTest.PAGES) {
                site.open(page.path());
                long content = site.browser().evaluateLong("document.documentElement.scrollWidth");
                long window = site.browser().evaluateLong("window.innerWidth");
                assertEquals(360, window);
                assertTrue(content <= window, page.path() + " is " + content + " px wide at 360 px");
            }
        });
    }
}
