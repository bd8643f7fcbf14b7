package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.paperboy.web.HeadlessChromium.Viewport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core's rules (WCAG 2.x A and AA plus best practices), run in the real Chromium on every kind of page, at desktop
 * and phone width, in the light and the dark colour scheme: no serious or critical violation anywhere. Moderate and
 * minor findings are printed, not failed.
 */
@Tag("browser")
class AccessibilityBrowserTest {

    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml",
            "fixtures/web/featured-papers.jsonl");

    /**
     * One path of each kind of page, with the status it answers. Add new pages here: each is then checked at both
     * widths in both schemes. The featured fixture's days are 10, 11 and 13 November 2025 (week 46).
     */
    static final List<Page> PAGES = List.of(
            new Page("home", "/", 200),
            new Page("list, later page", "/papers/week/2025-W46?page=2", 200),
            new Page("featured day", "/papers/date/2025-11-11", 200),
            new Page("featured week", "/papers/week/2025-W46", 200),
            new Page("featured month", "/papers/month/2025-11", 200),
            new Page("trending", "/trending", 200),
            new Page("category list", "/list/cs.LG", 200),
            new Page("author", "/authors/Jonas%20Brandt", 200),
            new Page("API", "/api", 200),
            new Page("paper", "/papers/2511.04321", 200),
            new Page("paper with an old-style id", "/papers/hep-th/9901001", 200),
            new Page("search form", "/search", 200),
            new Page("search results", "/search?q=claim+verification", 200),
            new Page("search with no results", "/search?q=zzzqqqxxy", 200),
            new Page("sign in", "/signin", 200),
            new Page("sign-in link", "/signin/a-token-from-a-mail", 200),
            new Page("not found", "/papers/2501.99999", 404));

    record Page(String name, String path, int status) {}

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    static Stream<Arguments> pagesAtEveryWidthAndScheme() {
        List<Arguments> out = new ArrayList<>();
        for (Page page : PAGES) {
            for (Viewport viewport : Viewport.values()) {
                for (String scheme : List.of("light", "dark")) out.add(Arguments.of(page, viewport, scheme));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at {1} in {2}")
    @MethodSource("pagesAtEveryWidthAndScheme")
    void hasNoSeriousOrCriticalViolations(Page page, Viewport viewport, String scheme) {
        HeadlessChromium browser = site.browser();
        browser.colorScheme(scheme);
        try {
            browser.at(viewport, () -> {
                site.open(page.path());
                String title = browser.driver().getTitle();
                if (page.status() == 404) {
                    assertEquals("Not found · Paperboy", title);
                } else {
                    assertFalse(title.startsWith("Not found") || title.startsWith("Something went wrong"), title);
                }
                Results results = new AxeBuilder().analyze(browser.driver());
                assertTrue(results.getViolations() != null, "axe returned no result on " + page.path());
                List<Rule> failing = results.getViolations().stream()
                        .filter(r -> FAILING_IMPACTS.contains(r.getImpact())).toList();
                List<Rule> other = results.getViolations().stream()
                        .filter(r -> !FAILING_IMPACTS.contains(r.getImpact())).toList();
                if (!other.isEmpty()) {
                    System.err.println("axe, " + page.path() + " at " + viewport + " in " + scheme + ": " + describe(other));
                }
                assertTrue(failing.isEmpty(), page.path() + " at " + viewport + " in " + scheme + ": " + describe(failing));
            });
        } finally {
            browser.colorScheme("light");
        }
    }

    /** Guards the check itself: axe does run and does fail a page, and the dark scheme is the one being checked. */
    @Test
    void theCheckCatchesAnUnlabelledFieldAndSeesTheDarkScheme() {
        HeadlessChromium browser = site.browser();
        browser.colorScheme("dark");
        try {
            site.open("/");
            assertEquals("rgb(21, 25, 30)", browser.driver().executeScript(
                    "return getComputedStyle(document.body).backgroundColor;"));
            browser.driver().executeScript("document.querySelector('header.site input[name=q]').removeAttribute('aria-label'); "
                    + "document.querySelector('header.site input[name=q]').removeAttribute('placeholder');");
            List<String> failing = new AxeBuilder().analyze(browser.driver()).getViolations().stream()
                    .filter(r -> FAILING_IMPACTS.contains(r.getImpact())).map(Rule::getId).toList();
            assertTrue(failing.contains("label"), failing.toString());
        } finally {
            browser.colorScheme("light");
        }
    }

    /** Each violated rule with its impact, its help text and where it was found. */
    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                        + r.getNodes().stream().map(AccessibilityBrowserTest::where).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String where(CheckedNode n) {
        String html = n.getHtml() == null ? "" : n.getHtml();
        return n.getTarget() + " " + (html.length() > 120 ? html.substring(0, 120) + "…" : html)
                + (n.getFailureSummary() == null ? "" : " [" + n.getFailureSummary().replace('\n', ' ') + "]");
    }
}
