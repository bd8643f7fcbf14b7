package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.web.HeadlessChromium.Viewport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's walk through the site in one {@link Mode} (JavaScript on or off, desktop or phone): each step does what a
 * person does (opens, follows, types, presses a key) and checks what they then see, so a walk reads as the story it
 * tests and every step runs in every mode.
 * <pre>
 * SiteWalk.run(site, mode, walk -> walk.openHome().openPaper("A title").back());
 * </pre>
 * New pages add their steps here, written to pass both with and without JavaScript; steps that only make sense with
 * it say so with {@link #javascript()} (as {@link #copyBibtex()} does).
 */
final class SiteWalk {

    /** How the reader's browser is set up. */
    record Mode(boolean javascript, Viewport viewport) {
        @Override
        public String toString() {
            return "JavaScript " + (javascript ? "on" : "off") + ", " + viewport.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Every mode a walk runs in: JavaScript on and off, at desktop and at 390 px. */
    static final List<Mode> MODES = List.of(
            new Mode(true, Viewport.DESKTOP), new Mode(true, Viewport.PHONE),
            new Mode(false, Viewport.DESKTOP), new Mode(false, Viewport.PHONE));

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BrowserSite site;
    private final HeadlessChromium browser;
    private final Mode mode;
    private final List<String> visited = new ArrayList<>();
    private final List<String> everVisited = new ArrayList<>();

    private SiteWalk(BrowserSite site, HeadlessChromium browser, Mode mode) {
        this.site = site;
        this.browser = browser;
        this.mode = mode;
    }

    /**
     * Runs {@code steps} in {@code mode}, then checks what must hold after any walk: no console errors (a script error
     * or a Content-Security-Policy violation shows there) and no sideways scrolling on the last page.
     */
    static void run(BrowserSite site, Mode mode, Consumer<SiteWalk> steps) {
        HeadlessChromium browser = site.browser(mode.javascript());
        browser.drainConsoleErrors();
        SiteWalk walk = new SiteWalk(site, browser, mode);
        browser.at(mode.viewport(), () -> {
            steps.accept(walk);
            walk.expectNoSidewaysScrolling();
        });
        // A page the walk opened that answers an error status (the 404 page) is logged too: that is not a fault.
        List<String> errors = browser.drainConsoleErrors().stream()
                .filter(e -> walk.everVisited.stream().noneMatch(p -> e.startsWith(site.url(p) + " - Failed to load resource")))
                .toList();
        assertEquals(List.of(), errors, "console errors in " + mode);
    }

    boolean javascript() {
        return mode.javascript();
    }

    Mode mode() {
        return mode;
    }

    WebDriver driver() {
        return browser.driver();
    }

    /** The path and query of the current page. */
    String path() {
        return driver().getCurrentUrl().substring(site.app().baseUrl().length());
    }

    // ---- Steps: going places ----------------------------------------------------------------------------------------

    /** Opens a path as if typed into the address bar. */
    SiteWalk open(String path) {
        site.browser(mode.javascript()).open(site.url(path));
        arrived();
        return this;
    }

    /** Opens the home page: it lists papers. */
    SiteWalk openHome() {
        open("/");
        assertFalse(cardTitles().isEmpty(), "the home page lists no papers in " + mode);
        return this;
    }

    /** Follows the link titled {@code title} to its paper's page, whose heading is that title. */
    SiteWalk openPaper(String title) {
        follow(driver().findElement(By.linkText(title)));
        assertTrue(path().startsWith("/papers/"), path());
        expectHeading(title);
        return this;
    }

    /** Follows the link whose text is {@code text} (e.g. "Older →", a related paper's title) and waits for its page. */
    SiteWalk followLink(String text) {
        return follow(driver().findElement(By.linkText(text)));
    }

    /** Follows a link and waits for the next page. */
    SiteWalk follow(WebElement link) {
        browser.follow(link);
        arrived();
        return this;
    }

    /** The browser's back button: the page before is shown again. */
    SiteWalk back() {
        assertTrue(visited.size() >= 2, "nothing to go back to");
        WebElement page = driver().findElement(By.tagName("html"));
        driver().navigate().back();
        new WebDriverWait(driver(), WAIT).until(ExpectedConditions.stalenessOf(page));
        visited.removeLast();
        assertEquals(visited.getLast(), path(), "back in " + mode);
        return this;
    }

    /** Types {@code query} into the header's search box and presses Enter: the results page for it. */
    SiteWalk searchFromHeader(String query) {
        WebElement box = driver().findElement(By.cssSelector("header.site input[name=q]"));
        box.clear();
        box.sendKeys(query);
        WebElement page = driver().findElement(By.tagName("html"));
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(driver(), WAIT).until(ExpectedConditions.stalenessOf(page));
        arrived();
        assertTrue(path().startsWith("/search?q="), path());
        assertEquals("Search: " + query + " · Paperboy", driver().getTitle());
        return this;
    }

    /** Presses keys with the focus wherever it is (the page itself after loading), as a keyboard user does. */
    SiteWalk press(CharSequence keys) {
        new Actions(driver()).sendKeys(keys).perform();
        return this;
    }

    /** Presses {@code o}, which opens the marked card's paper when JavaScript runs; waits for that page. */
    SiteWalk pressOToOpen(String expectedTitle) {
        WebElement page = driver().findElement(By.tagName("html"));
        press("o");
        new WebDriverWait(driver(), WAIT).until(ExpectedConditions.stalenessOf(page));
        arrived();
        expectHeading(expectedTitle);
        return this;
    }

    // ---- Steps: the featured lists (hub) ----------------------------------------------------------------------------

    /** Follows the list's link to the previous featured day (days with nothing featured are skipped). */
    SiteWalk previousDay() {
        return follow(driver().findElement(By.cssSelector("a[rel=prev]")));
    }

    /** Follows the list's "week" span link to the week of the day shown. */
    SiteWalk openWeek() {
        follow(driver().findElement(By.cssSelector("nav.spans a[href^='/papers/week/']")));
        assertTrue(path().startsWith("/papers/week/"), path());
        return this;
    }

    /** Follows the sort link labelled {@code label} (e.g. "Trending", "Votes"); it is then the current sort. */
    SiteWalk sortBy(String label) {
        WebElement link = driver().findElements(By.cssSelector("nav.sorts a")).stream()
                .filter(a -> a.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no sort link " + label + " on " + path()));
        follow(link);
        assertEquals(label, driver().findElement(By.cssSelector("nav.sorts a[aria-current]")).getText(), mode.toString());
        return this;
    }

    /** Opens card {@code index}'s full abstract in place (a details element: no page load, no script needed). */
    SiteWalk expandAbstract(int index) {
        String before = path();
        WebElement card = cards().get(index);
        WebElement full = card.findElement(By.cssSelector("details.card-abstract p.abstract"));
        assertFalse(full.isDisplayed(), "the abstract is folded at first in " + mode);
        card.findElement(By.cssSelector("details.card-abstract summary")).click();
        assertTrue(full.isDisplayed(), "the abstract opened in place in " + mode);
        assertEquals(before, path(), "expanding stays on the page");
        return this;
    }

    // ---- Steps: the paper page --------------------------------------------------------------------------------------

    /**
     * With JavaScript: presses "Copy BibTeX" and checks the clipboard holds the BibTeX shown. Without it: no dead button
     * shows, and the BibTeX text is on the page to select.
     */
    SiteWalk copyBibtex() {
        WebElement bibtex = driver().findElement(By.id("bibtex"));
        assertTrue(bibtex.isDisplayed() && bibtex.getText().startsWith("@misc{"), bibtex.getText());
        WebElement button = driver().findElement(By.cssSelector("button[data-copy-target=bibtex]"));
        if (!javascript()) {
            assertFalse(button.isDisplayed(), "no copy button without JavaScript");
            return this;
        }
        ((org.openqa.selenium.chrome.ChromeDriver) driver()).executeCdpCommand("Browser.grantPermissions",
                java.util.Map.of("origin", site.url(""), "permissions",
                        List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        assertTrue(button.isDisplayed(), "copy.js shows the button");
        button.click();
        WebElement status = driver().findElement(By.id("copy-status"));
        new WebDriverWait(driver(), WAIT).until(d -> !status.getText().isEmpty());
        assertEquals("Copied.", status.getText(), mode.toString());
        Object clipboard = ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " navigator.clipboard.readText().then(done, e => done('ERR ' + e));");
        assertEquals(bibtex.getAttribute("textContent").strip(), String.valueOf(clipboard).strip(), mode.toString());
        return this;
    }

    /** Follows the first of the paper page's related papers; its page is headed by its title. */
    SiteWalk followRelated() {
        List<WebElement> related = driver().findElements(By.cssSelector("section.related a.title"));
        assertFalse(related.isEmpty(), path() + " lists no related papers in " + mode);
        String title = related.getFirst().getText();
        follow(related.getFirst());
        expectHeading(title);
        return this;
    }

    // ---- Steps: feeds -----------------------------------------------------------------------------------------------

    /**
     * On a search page: the feed the page names in its head is the one its visible "Atom feed" link opens, and what
     * that opens is an Atom document.
     */
    SiteWalk subscribeToSearchFeed() {
        List<WebElement> alternates = driver().findElements(
                By.cssSelector("head link[rel=alternate][type='application/atom+xml']"));
        assertEquals(1, alternates.size(), "one feed named in the head of " + path());
        String advertised = alternates.getFirst().getDomProperty("href");
        WebElement link = driver().findElement(By.cssSelector("a.feed"));
        assertEquals(advertised, link.getDomProperty("href"));
        follow(link);
        assertEquals(advertised, driver().getCurrentUrl(), mode.toString());
        assertTrue(path().startsWith("/search.atom?"), path());
        // Chromium shows a feed as its XML text.
        String text = driver().findElement(By.tagName("body")).getText();
        assertTrue(text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
                "not an Atom feed: " + text.substring(0, Math.min(300, text.length())));
        return this;
    }

    /** Records the page now shown, for {@link #back()}; every step that loads a page calls it. */
    SiteWalk arrived() {
        visited.add(path());
        everVisited.add(path());
        return this;
    }

    // ---- Checks -----------------------------------------------------------------------------------------------------

    /** The titles of the cards listed on this page, in order. */
    List<String> cardTitles() {
        return cards().stream().map(c -> c.findElement(By.cssSelector("a.title")).getText()).toList();
    }

    SiteWalk expectCards(List<String> titles) {
        assertEquals(titles, cardTitles(), path() + " in " + mode);
        return this;
    }

    SiteWalk expectHeading(String text) {
        assertEquals(text, driver().findElement(By.cssSelector("main h1")).getText(), path() + " in " + mode);
        return this;
    }

    /** The browser tab's title: the page's own title and " · Paperboy". */
    SiteWalk expectTitle(String pageTitle) {
        assertEquals(pageTitle + " · Paperboy", driver().getTitle(), path() + " in " + mode);
        return this;
    }

    SiteWalk expectPath(String expected) {
        assertEquals(expected, path(), mode.toString());
        return this;
    }

    /** The cards as site.js finds them: elements of class "card", or else the items of ol.papers. */
    List<WebElement> cards() {
        List<WebElement> cards = driver().findElements(By.cssSelector(".card"));
        return cards.isEmpty() ? driver().findElements(By.cssSelector("ol.papers > li")) : cards;
    }

    /** Which card j/k marked (0-based), or -1 when none is. */
    int currentCard() {
        List<WebElement> cards = cards();
        for (int i = 0; i < cards.size(); i++) {
            String cls = cards.get(i).getAttribute("class");
            if (cls != null && List.of(cls.split("\\s+")).contains("is-current")) return i;
        }
        return -1;
    }

    /** Card {@code index} is marked and holds the keyboard focus. */
    SiteWalk expectCurrentCard(int index) {
        assertEquals(index, currentCard(), "marked card in " + mode);
        WebElement card = cards().get(index);
        assertEquals(card, driver().switchTo().activeElement(), "focused card in " + mode);
        return this;
    }

    /** The keyboard focus is in the search box named {@code css}, which holds {@code value}. */
    SiteWalk expectFocusIn(String css, String value) {
        WebElement box = driver().findElement(By.cssSelector(css));
        assertEquals(box, driver().switchTo().activeElement(), "focus in " + mode);
        assertEquals(value, box.getDomProperty("value"));
        return this;
    }

    /** The page is no wider than the window: nothing to scroll sideways to. */
    SiteWalk expectNoSidewaysScrolling() {
        // WebDriver's scripts run even where the page's own may not (JavaScript off is a setting for pages).
        long content = browser.evaluateLong("document.documentElement.scrollWidth");
        long window = browser.evaluateLong("window.innerWidth");
        assertTrue(content <= window, path() + " is " + content + " px wide in a " + window + " px window, " + mode);
        if (mode.viewport() == Viewport.PHONE) assertEquals(mode.viewport().width, window, "phone width");
        return this;
    }

}
