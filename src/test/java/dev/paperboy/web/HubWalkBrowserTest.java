package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9's reader's walk through the hub, in every {@link SiteWalk#MODES mode} (JavaScript on and off, desktop and
 * 390 px): home, the previous day and back, the week, sorted by trending, an abstract expanded in place, a paper, its
 * BibTeX copied (with JavaScript; shown to select without), a related paper, then a search's Atom feed.
 */
@Tag("browser")
class HubWalkBrowserTest {

    // Featured on Monday 10, Tuesday 11 and Thursday 13 November 2025; the site's clock is Friday 14 at noon
    // (the fixture ListBrowserTest uses).
    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(10, "fixtures/web/featured-papers.jsonl");

    private static final List<String> THURSDAY = List.of("Thursday Systems Paper", "Thursday Graph Paper");
    private static final List<String> TUESDAY = List.of("Tuesday Language Paper", "Tuesday Vision Paper");

    static Stream<SiteWalk.Mode> modes() {
        return SiteWalk.MODES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void throughTheDaysAndTheWeekToAPaperItsCitationARelatedPaperAndASearchFeed(SiteWalk.Mode mode) {
        SiteWalk.run(site, mode, walk -> {
            walk.openHome().expectHeading("Papers of Thursday 13 November 2025").expectCards(THURSDAY)
                    .previousDay().expectPath("/papers/date/2025-11-11").expectCards(TUESDAY)
                    .back().expectPath("/").expectCards(THURSDAY)
                    .openWeek().expectPath("/papers/week/2025-W46")
                    .sortBy("Votes")
                    .expectCards(List.of("Monday Routing Paper", "Tuesday Language Paper", "Tuesday Vision Paper",
                            "Thursday Systems Paper", "Thursday Graph Paper"))
                    .sortBy("Trending").expectPath("/papers/week/2025-W46");
            assertEquals(5, walk.cardTitles().size(), "the whole week, trending first");
            String first = walk.cardTitles().getFirst();
            walk.expandAbstract(0)
                    .openPaper(first)
                    .copyBibtex()
                    .followRelated()
                    .searchFromHeader("sparse expert")
                    .subscribeToSearchFeed()
                    .back();
        });
    }
}
