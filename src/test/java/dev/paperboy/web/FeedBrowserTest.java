package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Subscribing to a search in a real headless Chromium: the page names its feed, and its link opens the Atom XML. */
class FeedBrowserTest {

    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml");

    @Test
    void aSearchPageNamesItsFeedAndItsVisibleLinkOpensTheAtomFeedOfThatSearch() {
        site.open("/search?q=claim+verification");
        var driver = site.browser().driver();
        String firstTitle = driver.findElement(By.cssSelector("ol.results > li a.title")).getText();
        List<WebElement> alternates = driver.findElements(By.cssSelector("head link[rel=alternate][type='application/atom+xml']"));
        assertEquals(1, alternates.size());
        String advertised = alternates.getFirst().getDomProperty("href");
        assertEquals(site.url("/search.atom?q=claim+verification"), advertised);

        WebElement link = driver.findElement(By.cssSelector("a.feed"));
        assertEquals(advertised, link.getDomProperty("href"));
        site.browser().follow(link);
        assertEquals(advertised, driver.getCurrentUrl());
        String source = driver.getPageSource();
        assertTrue(source.contains("http://www.w3.org/2005/Atom"), source);
        assertTrue(source.contains(firstTitle), "the newest match is in the feed: " + source);
        // The favicon is another part's (the site shell's); nothing else may fail to load or be refused by the CSP.
        assertEquals(List.of(), site.browser().drainConsoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList());
    }
}
