package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What a person sees and does on the site, in a real headless Chromium against the real app. */
@Tag("browser")
class SiteBrowserTest {

    // Five papers, two per page: pages 1 and 2 are full, page 3 holds the 1999 paper with an old-style id.
    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml");

    private static final List<String> PAGE_1 = List.of(
            "Sparse Mixture-of-Experts Routing Under a Reading Budget",
            "Calibrated Retrieval for Scientific Claim Verification");
    private static final List<String> PAGE_2 = List.of(
            "Thermodynamically-Consistent-Neural-Operators-for-Multiscale-Turbulence-Closure",
            "A Note on Proper Colourings of Sparse Graphs");

    private WebDriver driver() {
        return site.browser().driver();
    }

    private List<String> listedTitles() {
        return driver().findElements(By.cssSelector("ol.papers li a.title")).stream().map(WebElement::getText).toList();
    }

    private String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    private String path() {
        String url = driver().getCurrentUrl();
        return url.substring(site.app().baseUrl().length());
    }

    @Test
    void theHomePageListsTheNewestPapersFirstInAReadableColumn() {
        site.open("/");
        assertEquals("Newest papers · Paperboy", driver().getTitle());
        assertEquals(PAGE_1, listedTitles());
        assertEquals("5 papers · page 1 of 3", text("main > p.meta"));
        String firstRow = text("ol.papers li:first-child");
        assertTrue(firstRow.contains("Maryam Okonkwo, Jonas Brandt, Li Wei"), firstRow);
        assertTrue(firstRow.contains("2511.04321 · cs.LG · 2025-11-12"), firstRow);
        // The stylesheet arrived and applies: at desktop width the text stays in a column, not edge to edge.
        long mainWidth = site.browser().evaluateLong("Math.round(document.querySelector('main').getBoundingClientRect().width)");
        assertTrue(mainWidth > 300 && mainWidth <= 900, "main is " + mainWidth + " px wide");
        assertScreenshot(site.browser().screenshot("home"));
    }

    @Test
    void anEmptyStoreExplainsHowToAddPapers() {
        try (var empty = site.startApp(List.of())) {
            site.browser().open(empty.url("/"));
            assertEquals("No papers yet", text("main h1"));
            String help = text("main");
            assertTrue(help.contains("./paperboy import FILE…"), help);
            assertTrue(help.contains("./paperboy harvest"), help);
            assertTrue(driver().findElements(By.cssSelector("ol.papers li")).isEmpty());
            assertScreenshot(site.browser().screenshot("home-empty"));
        }
    }

    @Test
    void followingATitleOpensThePaperWithAuthorsAbstractCategoriesAndArxivLinks() {
        site.open("/");
        site.browser().follow(driver().findElement(By.linkText(PAGE_1.get(0))));

        assertEquals("/papers/2511.04321", path());
        assertEquals(PAGE_1.get(0), text("article.paper h1"));
        assertEquals(PAGE_1.get(0) + " · Paperboy", driver().getTitle());
        List<String> authors = driver().findElements(By.cssSelector(".authors .author")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Maryam Okonkwo (University of Lagos)", "Jonas Brandt (TU Delft)", "Li Wei"), authors);
        String facts = text("dl.facts");
        assertTrue(facts.contains("2511.04321v2"), facts);
        assertTrue(facts.contains("cs.LG, cs.CL, stat.ML"), facts);
        assertTrue(facts.contains("2025-11-12"), facts);
        assertTrue(facts.contains("10.1000/paperboy.budget.2025"), facts);
        assertTrue(text("p.abstract").startsWith("We study how a reader with a fixed weekly budget"), text("p.abstract"));
        assertEquals("https://arxiv.org/abs/2511.04321v2", linkHref("arXiv abstract"));
        assertEquals("https://arxiv.org/pdf/2511.04321v2", linkHref("PDF on arXiv"));
        assertEquals(BrowserSite.BASE_URL + "/papers/2511.04321", linkHref("Permalink"));
        assertScreenshot(site.browser().screenshot("paper"));
    }

    @Test
    void olderAndNewerLinksPageThroughTheListAndBackWorksToo() {
        site.open("/");
        site.browser().follow(driver().findElement(By.cssSelector("nav.pager a[rel=next]")));
        assertEquals("/?page=2", path());
        assertEquals(PAGE_2, listedTitles());
        assertEquals("5 papers · page 2 of 3", text("main > p.meta"));

        site.browser().follow(driver().findElement(By.cssSelector("nav.pager a[rel=prev]")));
        assertEquals("/?page=1", path());
        assertEquals(PAGE_1, listedTitles());
        assertTrue(driver().findElements(By.cssSelector("nav.pager a[rel=prev]")).isEmpty(), "page 1 has no newer link");

        driver().navigate().back();
        assertEquals("/?page=2", path());
        assertEquals(PAGE_2, listedTitles());
    }

    @Test
    void aPaperWithAnOldStyleIdHasAWorkingPage() {
        site.open("/?page=3");
        assertTrue(driver().findElements(By.cssSelector("nav.pager a[rel=next]")).isEmpty(), "the last page has no older link");
        site.browser().follow(driver().findElement(By.linkText("Branes and Dualities in a Toy Model")));

        assertEquals("/papers/hep-th/9901001", path());
        assertEquals("Branes and Dualities in a Toy Model", text("article.paper h1"));
        assertTrue(text("dl.facts").contains("hep-th/9901001"), text("dl.facts"));
        assertEquals("http://arxiv.org/abs/hep-th/9901001v1", linkHref("arXiv abstract"));
    }

    @Test
    void aVersionedIdLandsOnThePapersOwnPage() {
        site.open("/papers/2511.03210v1");
        assertEquals("/papers/2511.03210", path());
        assertEquals(PAGE_1.get(1), text("article.paper h1"));
    }

    @Test
    void anUnknownPaperShowsTheNotFoundPageWithAWayBack() {
        site.open("/papers/2099.99999");
        assertEquals("Not found · Paperboy", driver().getTitle());
        assertEquals("Not found", text("main h1"));
        assertTrue(text("main").contains("2099.99999"), text("main"));
        assertScreenshot(site.browser().screenshot("not-found"));

        site.browser().follow(driver().findElement(By.linkText("Back to the newest papers")));
        assertEquals(PAGE_1, listedTitles());
    }

    @Test
    void pagesLogNoErrorsToTheConsole() {
        site.open("/");
        // The log is really read: an error logged on purpose comes back, and reading clears it.
        site.browser().driver().executeScript("console.error('paperboy console probe')");
        assertTrue(site.browser().drainConsoleErrors().stream().anyMatch(m -> m.contains("paperboy console probe")));
        for (String page : List.of("/", "/?page=2", "/?page=3", "/papers/2511.04321", "/papers/hep-th/9901001")) {
            site.open(page);
            assertEquals(List.of(), site.browser().drainConsoleErrors(), page);
        }
    }

    @Test
    void pagesFitAPhoneScreenWithoutSidewaysScrolling() {
        site.browser().asPhone(390, 844, () -> {
            for (String page : List.of("/", "/?page=2", "/papers/2511.04321", "/papers/2510.11111",
                    "/papers/hep-th/9901001", "/papers/2099.99999")) {
                site.open(page);
                long innerWidth = site.browser().evaluateLong("window.innerWidth");
                long scrollWidth = site.browser().evaluateLong("document.documentElement.scrollWidth");
                // A phone zooms out to fit content that is too wide, so a wider layout viewport means overflow too.
                assertEquals(390, innerWidth, page + " is laid out " + innerWidth + " px wide on a 390 px phone");
                assertTrue(scrollWidth <= innerWidth, page + " scrolls sideways: " + scrollWidth + " px of content");
            }
            site.open("/");
            assertScreenshot(site.browser().screenshot("home-phone"));
            site.open("/papers/2510.11111");
            assertScreenshot(site.browser().screenshot("paper-phone"));
        });
    }

    private String linkHref(String label) {
        return driver().findElement(By.cssSelector("article.paper .links")).findElement(By.linkText(label))
                .getDomProperty("href");
    }

    private static void assertScreenshot(Path png) {
        assertTrue(png.toFile().length() > 1_000, png + " is missing or suspiciously small");
    }
}
