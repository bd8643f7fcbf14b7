package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks through the site as readers do, with JavaScript on and off, at desktop and at 390 px ({@link SiteWalk#MODES}):
 * every page must work without JavaScript; the keyboard shortcuts are what JavaScript adds.
 */
@Tag("browser")
class WalkBrowserTest {

    // Five papers, two per page (see SiteBrowserTest).
    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml");

    private static final List<String> PAGE_1 = List.of(
            "Sparse Mixture-of-Experts Routing Under a Reading Budget",
            "Calibrated Retrieval for Scientific Claim Verification");

    static Stream<SiteWalk.Mode> modes() {
        return SiteWalk.MODES.stream();
    }

    static Stream<SiteWalk.Mode> modesWithJavaScript() {
        return SiteWalk.MODES.stream().filter(SiteWalk.Mode::javascript);
    }

    static Stream<SiteWalk.Mode> modesWithoutJavaScript() {
        return SiteWalk.MODES.stream().filter(m -> !m.javascript());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void fromTheHomePageToAPaperAndBack(SiteWalk.Mode mode) {
        SiteWalk.run(site, mode, walk -> walk
                .openHome().expectCards(PAGE_1).expectTitle("Newest papers")
                .openPaper(PAGE_1.get(1)).expectPath("/papers/2511.03210").expectTitle(PAGE_1.get(1))
                .back().expectPath("/").expectCards(PAGE_1)
                .followLink("Older →").expectPath("/?page=2")
                .followLink("← Newer").expectPath("/?page=1").expectCards(PAGE_1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void searchingFromTheHeaderThenOpeningTheFirstResult(SiteWalk.Mode mode) {
        SiteWalk.run(site, mode, walk -> {
            walk.openHome().searchFromHeader("claim verification");
            assertEquals(PAGE_1.get(1), walk.cardTitles().getFirst());
            walk.openPaper(PAGE_1.get(1)).back();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theNotFoundPageLeadsHome(SiteWalk.Mode mode) {
        SiteWalk.run(site, mode, walk -> walk
                .open("/papers/2501.99999").expectHeading("Not found")
                .followLink("Back to the newest papers")
                .expectPath("/").expectCards(PAGE_1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modesWithJavaScript")
    void jAndKMoveBetweenCardsAndOOpensTheMarkedOne(SiteWalk.Mode mode) {
        SiteWalk.run(site, mode, walk -> walk
                .openHome()
                .press("j").expectCurrentCard(0)
                .press("j").expectCurrentCard(1)
                .press("j").expectCurrentCard(1) // the last card stays marked
                .press("k").expectCurrentCard(0)
                .press("j")
                .pressOToOpen(PAGE_1.get(1)).expectPath("/papers/2511.03210"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modesWithJavaScript")
    void slashFocusesTheSearchBoxAndIsNotTyped(SiteWalk.Mode mode) {
        SiteWalk.run(site, mode, walk -> walk
                .openHome()
                .press("/").expectFocusIn("header.site input[name=q]", "")
                // Typing in the box types: j and / are letters there, not shortcuts.
                .press("j/k").expectFocusIn("header.site input[name=q]", "j/k"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modesWithoutJavaScript")
    void withoutJavaScriptTheShortcutsDoNothingAndNothingBreaks(SiteWalk.Mode mode) {
        SiteWalk.run(site, mode, walk -> {
            walk.openHome().press("jjo/");
            assertEquals(-1, walk.currentCard());
            walk.expectPath("/").expectCards(PAGE_1);
        });
    }
}
