package dev.paperboy.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.MovableClock;
import dev.paperboy.db.Database;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.PageKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's lists over a real SQLite store and a fixed clock. */
class HubListsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-25T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Database db;
    private PaperStore store;
    private HubLists lists;

    static Paper paper(String id, String published, List<String> cats, HubEntry... entries) {
        return Paper.builder(id).version(1).title("Paper " + id).categories(cats)
                .published(Instant.parse(published)).hubEntries(List.of(entries)).build();
    }

    static HubEntry hf(String day, int upvotes, int comments, Integer stars) {
        return new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse(day), "ak", upvotes, comments, stars);
    }

    @BeforeEach
    void open() {
        db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
        store = new JdbiPaperStore(db);
        store.upsertAll(List.of(
                paper("2312.00001", "2023-12-27T10:00:00Z", List.of("cs.LG"), hf("2023-12-29", 3, 0, null)),
                paper("2401.00001", "2023-12-30T10:00:00Z", List.of("cs.LG"), hf("2024-01-01", 4, 0, null)),
                paper("2403.00001", "2024-03-15T10:00:00Z", List.of("cs.LG"), hf("2024-03-18", 40, 2, 100)),
                paper("2403.00002", "2024-03-15T11:00:00Z", List.of("cs.CV"), hf("2024-03-19", 10, 0, null)),
                paper("2403.00003", "2024-03-17T11:00:00Z", List.of("cs.CL", "cs.LG"), hf("2024-03-19", 25, 1, null)),
                paper("2403.00004", "2024-03-18T11:00:00Z", List.of("stat.ML", "cs.LG"), hf("2024-03-19", 5, 0, 65535),
                        new HubEntry(HubEntry.LOCAL, LocalDate.parse("2024-03-19"), "local-reader", 0, 0, null)),
                paper("2403.00005", "2024-03-21T09:00:00Z", List.of("cs.CV"), hf("2024-03-22", 12, 0, null)),
                paper("2403.00006", "2024-03-21T10:00:00Z", List.of("math.CO"))));
        // This instance's votes: 2403.00002 has 20 of them.
        Community community = ids -> ids.contains("2403.00002") ? Map.of("2403.00002", new Community.Counts(20, 3)) : Map.of();
        lists = new HubLists(store, community, CLOCK, 2, Duration.ZERO, Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> ids(ListPage page) {
        return page.cards().stream().map(c -> c.paper().id()).toList();
    }

    private static Period day(String d) {
        return Period.parseDay(d).orElseThrow();
    }

    @Test
    void aDayListsItsFeaturedPapersAndLinksToTheNearestDaysWithPapers() {
        ListPage p = lists.featured(day("2024-03-19"), Sort.VOTES, CategoryFilter.NONE, 1);
        // Votes: 2403.00002 has 10 upvotes + 20 votes here; 2403.00003 25; 2403.00004 5.
        assertEquals(List.of("2403.00002", "2403.00003"), ids(p));
        assertEquals(3, p.total());
        assertEquals(2, p.pages());
        assertEquals(List.of("2403.00004"), ids(lists.featured(day("2024-03-19"), Sort.VOTES, CategoryFilter.NONE, 2)));
        assertEquals("/papers/date/2024-03-18", p.previous().orElseThrow().path());
        // 20 and 21 March have nothing: skipped.
        assertEquals("/papers/date/2024-03-22", p.next().orElseThrow().path());
        assertTrue(p.empty().isEmpty());
        Card local = lists.featured(day("2024-03-19"), Sort.VOTES, CategoryFilter.NONE, 2).cards().getFirst();
        assertEquals("local-reader", local.submitter());
        assertEquals(65535, local.githubStars());
        Card ours = p.cards().getFirst();
        assertEquals(20, ours.signals().votes());
        assertEquals(10, ours.signals().hubUpvotes());
        assertEquals(3, ours.signals().comments());
        assertEquals(LocalDate.parse("2024-03-19"), ours.featuredOn());
    }

    @Test
    void trendingOrdersTheDayByPoints() {
        // Points: 00002 = 20 + 10 = 30 (+6 comments = 36); 00003 = 25 + 2 = 27; 00004 = 5 + 16 = 21.
        ListPage p = lists.featured(day("2024-03-19"), Sort.TRENDING, CategoryFilter.NONE, 1);
        assertEquals(List.of("2403.00002", "2403.00003"), ids(p));
        ListPage newest = lists.featured(day("2024-03-19"), Sort.NEWEST, CategoryFilter.NONE, 1);
        assertEquals(List.of("2403.00004", "2403.00003"), ids(newest));
    }

    @Test
    void anEmptyDaySaysSoAndPointsToTheNearestDayWithPapers() {
        ListPage p = lists.featured(day("2024-03-20"), Sort.TRENDING, CategoryFilter.NONE, 1);
        assertEquals(List.of(), p.cards());
        assertEquals(Optional.of("No papers were featured on Wednesday 20 March 2024."), p.empty());
        assertEquals("/papers/date/2024-03-19", p.nearest().orElseThrow().path());
        ListPage saturday = lists.featured(day("2024-03-23"), Sort.TRENDING, CategoryFilter.NONE, 1);
        assertEquals("/papers/date/2024-03-22", saturday.nearest().orElseThrow().path());
    }

    @Test
    void aFutureDaySaysSoAndHasNoNextLink() {
        ListPage p = lists.featured(day("2024-04-02"), Sort.TRENDING, CategoryFilter.NONE, 1);
        assertEquals(Optional.of("Tuesday 2 April 2024 is in the future: nothing is featured yet."), p.empty());
        assertEquals("/papers/date/2024-03-22", p.nearest().orElseThrow().path());
        assertTrue(p.next().isEmpty());
        assertEquals(LocalDate.parse("2024-03-22"), lists.latestFeaturedDay().orElseThrow());
    }

    @Test
    void weeksAndMonthsSkipEmptyOnesAcrossTheYearEnd() {
        ListPage w12 = lists.featured(Period.parseWeek("2024-W12").orElseThrow(), Sort.NEWEST, CategoryFilter.NONE, 1);
        assertEquals(5, w12.total());
        assertEquals("/papers/week/2024-W01", w12.previous().orElseThrow().path());
        assertTrue(w12.next().isEmpty());
        ListPage w1 = lists.featured(Period.parseWeek("2024-W01").orElseThrow(), Sort.NEWEST, CategoryFilter.NONE, 1);
        assertEquals(List.of("2401.00001"), ids(w1));
        // 29 December 2023 is in week 52 of 2023.
        assertEquals("/papers/week/2023-W52", w1.previous().orElseThrow().path());
        assertEquals("/papers/week/2024-W12", w1.next().orElseThrow().path());
        ListPage jan = lists.featured(Period.parseMonth("2024-01").orElseThrow(), Sort.NEWEST, CategoryFilter.NONE, 1);
        assertEquals("/papers/month/2023-12", jan.previous().orElseThrow().path());
        assertEquals("/papers/month/2024-03", jan.next().orElseThrow().path());
        ListPage feb = lists.featured(Period.parseMonth("2024-02").orElseThrow(), Sort.NEWEST, CategoryFilter.NONE, 1);
        assertEquals(Optional.of("No papers were featured in February 2024."), feb.empty());
    }

    @Test
    void categoryFiltersIncludeArchivesAndExclude() {
        var filter = ((CategoryFilter.Ok) CategoryFilter.parse("cs,-cs.CV")).filter();
        ListPage p = lists.featured(Period.parseWeek("2024-W12").orElseThrow(), Sort.NEWEST, filter, 1);
        assertEquals(3, p.total());
        assertEquals(List.of("2403.00004", "2403.00003"), ids(p));
        var onlyStat = ((CategoryFilter.Ok) CategoryFilter.parse("-cs.LG")).filter();
        ListPage none = lists.featured(day("2024-03-18"), Sort.NEWEST, onlyStat, 1);
        assertEquals(Optional.of("None of the papers featured on Monday 18 March 2024 is in not cs.LG."), none.empty());
        assertTrue(CategoryFilter.parse("cs.LG,<script>") instanceof CategoryFilter.Invalid);
    }

    @Test
    void trendingLooksAtTheWindowEndingWithTheLatestFeaturedDay() {
        ListPage day = lists.trending(TrendingWindow.DAY, Sort.TRENDING, CategoryFilter.NONE, 1);
        assertEquals(List.of("2403.00005"), ids(day));
        ListPage week = lists.trending(TrendingWindow.WEEK, Sort.TRENDING, CategoryFilter.NONE, 1);
        // Half-life 42 h, at 2024-03-25T08:00Z: 00005 (22nd, 12 points, 80 h) 3.21; 00002 (19th, 36 points, 152 h)
        // 2.93; 00001 (18th, 40 + 4 + log2(101) = 50.66 points, 176 h) 2.78; 00003 (19th, 27) 2.20; 00004 (19th, 21) 1.71.
        assertEquals(5, week.total());
        assertEquals(List.of("2403.00005", "2403.00002"), ids(week));
        assertEquals(List.of("2403.00001", "2403.00003"),
                ids(lists.trending(TrendingWindow.WEEK, Sort.TRENDING, CategoryFilter.NONE, 2)));
    }

    @Test
    void aCategoryListsOneAnnouncementDayAtATimeNewestFirst() {
        ListPage lg = lists.category("cs.LG", Optional.empty(), Optional.empty(), Sort.NEWEST, CategoryFilter.NONE);
        assertEquals(List.of("2403.00004"), ids(lg));
        assertEquals("/list/cs.LG?day=2024-03-17", lg.previous().orElseThrow().path());
        assertTrue(lg.next().isEmpty());
        ListPage d15 = lists.category("cs", Optional.of(LocalDate.parse("2024-03-15")), Optional.empty(), Sort.NEWEST,
                CategoryFilter.NONE);
        assertEquals(List.of("2403.00002", "2403.00001"), ids(d15));
        assertEquals("/list/cs?day=2024-03-17", d15.next().orElseThrow().path());
        ListPage noCv = lists.category("cs", Optional.of(LocalDate.parse("2024-03-15")), Optional.empty(), Sort.NEWEST,
                ((CategoryFilter.Ok) CategoryFilter.parse("-cs.CV")).filter());
        assertEquals(List.of("2403.00001"), ids(noCv));
        ListPage empty = lists.category("cs", Optional.of(LocalDate.parse("2024-03-16")), Optional.empty(), Sort.NEWEST,
                CategoryFilter.NONE);
        assertEquals(Optional.of("Nothing in cs was announced on Saturday 16 March 2024."), empty.empty());
        assertEquals("/list/cs?day=2024-03-15", empty.nearest().orElseThrow().path());
    }

    @Test
    void aLongCategoryDayContinuesByKeyset() {
        store.upsertAll(List.of(
                paper("2403.00011", "2024-03-15T12:00:00Z", List.of("cs.LG")),
                paper("2403.00012", "2024-03-15T13:00:00Z", List.of("cs.LG"))));
        ListPage first = lists.category("cs.LG", Optional.of(LocalDate.parse("2024-03-15")), Optional.empty(),
                Sort.NEWEST, CategoryFilter.NONE);
        assertEquals(List.of("2403.00012", "2403.00011"), ids(first));
        String more = first.more().orElseThrow().path();
        assertTrue(more.startsWith("/list/cs.LG?day=2024-03-15&after="), more);
        String token = java.net.URLDecoder.decode(more.substring(more.indexOf("after=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        ListPage second = lists.category("cs.LG", Optional.of(LocalDate.parse("2024-03-15")), PageKey.parse(token),
                Sort.NEWEST, CategoryFilter.NONE);
        assertEquals(List.of("2403.00001"), ids(second));
        assertTrue(second.more().isEmpty());
    }

    @Test
    void aCachedRangeIsReusedBrieflyAfterAWriteAndRebuiltAfterThat() {
        MovableClock clock = new MovableClock(CLOCK.instant());
        HubLists cached = new HubLists(store, Community.NONE, clock, 10, Duration.ofSeconds(10), Duration.ofMinutes(1));
        Period friday = day("2024-03-22");
        assertEquals(List.of("2403.00005"), ids(cached.featured(friday, Sort.NEWEST, CategoryFilter.NONE, 1)));
        store.upsert(paper("2403.00007", "2024-03-21T12:00:00Z", List.of("cs.LG"), hf("2024-03-22", 1, 0, null)));
        // Within 10 s of building, the range is reused even though the store changed.
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of("2403.00005"), ids(cached.featured(friday, Sort.NEWEST, CategoryFilter.NONE, 1)));
        clock.advance(Duration.ofSeconds(6));
        assertEquals(List.of("2403.00007", "2403.00005"),
                ids(cached.featured(friday, Sort.NEWEST, CategoryFilter.NONE, 1)));
    }
}
