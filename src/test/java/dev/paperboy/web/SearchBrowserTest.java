package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Searching as a person does: the box in the header, Enter, the results page, in a real headless Chromium. */
@Tag("browser")
class SearchBrowserTest {

    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml");

    private WebDriver driver() {
        return site.browser().driver();
    }

    @Test
    void typingAQueryInTheHeaderBoxShowsTheBestMatchFirstWithItsWordsMarked() {
        site.open("/");
        WebElement box = driver().findElement(By.cssSelector("header.site input[name=q]"));
        box.sendKeys("claim verification");
        WebElement page = driver().findElement(By.tagName("html"));
        box.sendKeys(Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));

        String path = driver().getCurrentUrl().substring(site.app().baseUrl().length());
        assertEquals("/search?q=claim+verification", path);
        assertEquals("Search: claim verification · Paperboy", driver().getTitle());
        List<WebElement> results = driver().findElements(By.cssSelector("ol.results > li"));
        assertFalse(results.isEmpty(), driver().getPageSource());
        WebElement first = results.getFirst();
        assertEquals("Calibrated Retrieval for Scientific Claim Verification",
                first.findElement(By.cssSelector("a.title")).getText());
        List<String> marked = first.findElements(By.cssSelector(".snippet mark")).stream()
                .map(e -> e.getText().toLowerCase(java.util.Locale.ROOT)).toList();
        assertTrue(marked.contains("claim") || marked.contains("verification"), marked.toString());
        // The box on the results page keeps what was typed.
        assertEquals("claim verification",
                driver().findElement(By.cssSelector("form.search-form input[name=q]")).getDomProperty("value"));
        assertTrue(site.browser().screenshot("search").toFile().length() > 1_000);
    }
}
