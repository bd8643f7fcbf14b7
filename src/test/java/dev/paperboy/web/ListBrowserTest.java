package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Browsing the featured lists in a real headless Chromium: days, the week, sorting, expanding an abstract. */
@Tag("browser")
class ListBrowserTest {

    // Featured on Monday 10, Tuesday 11 and Thursday 13 November 2025; the site's clock is Friday 14 at noon.
    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(10, "fixtures/web/featured-papers.jsonl");

    private WebDriver driver() {
        return site.browser().driver();
    }

    private List<String> titles() {
        return driver().findElements(By.cssSelector("ol.cards a.title")).stream().map(WebElement::getText).toList();
    }

    private String path() {
        return driver().getCurrentUrl().substring(site.app().baseUrl().length());
    }

    private void follow(String css) {
        site.browser().follow(driver().findElement(By.cssSelector(css)));
    }

    @Test
    void fromTheHomePageToThePreviousDayAndBackThenTheWeekSortedByVotes() {
        site.open("/");
        assertEquals("Papers of Thursday 13 November 2025", driver().findElement(By.tagName("h1")).getText());
        assertEquals(List.of("Thursday Systems Paper", "Thursday Graph Paper"), titles());
        follow("a[rel=prev]");
        // Wednesday 12 had nothing featured: skipped.
        assertEquals("/papers/date/2025-11-11", path());
        assertEquals(List.of("Tuesday Language Paper", "Tuesday Vision Paper"), titles());
        follow("a[rel=next]");
        assertEquals("/papers/date/2025-11-13", path());
        follow("nav.spans a[href^='/papers/week/']");
        assertEquals("/papers/week/2025-W46", path());
        assertEquals(5, titles().size());
        follow("nav.sorts a[href$='sort=votes']");
        assertEquals(List.of("Monday Routing Paper", "Tuesday Language Paper", "Tuesday Vision Paper",
                "Thursday Systems Paper", "Thursday Graph Paper"), titles());
        follow("nav.sorts a[href='/papers/week/2025-W46']");
        assertEquals("Trending", driver().findElement(By.cssSelector("nav.sorts a[aria-current]")).getText());
    }

    @Test
    void anAbstractExpandsInPlaceAtDesktopAndPhoneWidths() {
        for (boolean phone : List.of(false, true)) {
            Runnable expand = () -> {
                site.open("/papers/date/2025-11-10");
                WebElement card = driver().findElement(By.cssSelector("ol.cards article.card"));
                WebElement full = card.findElement(By.cssSelector("details.card-abstract p.abstract"));
                assertFalse(full.isDisplayed());
                assertTrue(card.getText().contains("… +2"), card.getText());
                card.findElement(By.cssSelector("details.card-abstract summary")).click();
                assertTrue(full.isDisplayed());
                assertTrue(full.getText().endsWith("Paper number 1."), full.getText());
                assertEquals("/papers/date/2025-11-10", path());
                long overflow = site.browser().evaluateLong(
                        "document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertTrue(overflow <= 0, "the page is " + overflow + " px wider than the window");
            };
            if (phone) site.browser().asPhone(390, 844, expand);
            else expand.run();
        }
    }
}
