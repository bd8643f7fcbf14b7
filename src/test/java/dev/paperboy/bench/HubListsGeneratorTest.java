package dev.paperboy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.bench.HubListsGenerator.Candidate;
import dev.paperboy.db.Database;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubListsGeneratorTest {
    static final Path FIXTURES = Path.of("../shared/data/fixtures");
    static final LocalDate LAST = LocalDate.of(2026, 7, 31);

    /** 60 papers a day for 400 days up to LAST, every other one in cs.LG, the rest in astro-ph.GA. */
    static List<Candidate> papers() {
        List<Candidate> out = new ArrayList<>();
        for (LocalDate d = LAST.minusDays(399); !d.isAfter(LAST); d = d.plusDays(1)) {
            for (int i = 0; i < 60; i++) {
                out.add(new Candidate(d + "-" + i, d, List.of(i % 2 == 0 ? "cs.LG" : "astro-ph.GA")));
            }
        }
        return out;
    }

    @Test
    void readsEveryRecordedHuggingFaceItem() throws Exception {
        List<HubEntry> recorded = HubListsGenerator.recordedEntries(FIXTURES);
        assertEquals(35, recorded.size()); // 30 + 5 items in the two recorded lists
        assertTrue(recorded.stream().anyMatch(e -> e.upvotes() == 118 && e.comments() == 3));
    }

    @Test
    void featuresAboutThirtyRecentHfLikePapersEachWeekdayOfTheYear() throws Exception {
        List<HubEntry> recorded = HubListsGenerator.recordedEntries(FIXTURES);
        List<Candidate> papers = papers();
        Map<String, HubEntry> plan = HubListsGenerator.plan(papers, recorded, 7);
        Map<String, Candidate> byId = new TreeMap<>();
        for (Candidate c : papers) byId.put(c.id(), c);
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        Set<String> values = new HashSet<>();
        for (HubEntry r : recorded) values.add(r.upvotes() + "/" + r.comments() + "/" + r.githubStars());
        plan.forEach((id, e) -> {
            perDay.merge(e.listDate(), 1, Integer::sum);
            long before = ChronoUnit.DAYS.between(byId.get(id).published(), e.listDate());
            assertTrue(before >= 1 && before <= 4, id + " published " + before + " days before " + e.listDate());
            assertTrue(byId.get(id).hfLike(), id);
            assertEquals(HubEntry.HUGGING_FACE, e.hub());
            assertTrue(values.contains(e.upvotes() + "/" + e.comments() + "/" + e.githubStars()));
        });
        long weekdays = LAST.minusDays(364).datesUntil(LAST.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        assertEquals(weekdays, perDay.size());
        perDay.forEach((d, n) -> {
            assertFalse(d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY, d.toString());
            assertTrue(n >= HubListsGenerator.MIN_PER_DAY && n <= HubListsGenerator.MAX_PER_DAY, d + ": " + n);
        });
        double mean = plan.size() / (double) perDay.size();
        assertTrue(mean > 28 && mean < 32, "mean " + mean);
        assertEquals(plan, HubListsGenerator.plan(papers, recorded, 7));
        assertFalse(plan.equals(HubListsGenerator.plan(papers, recorded, 8)));
    }

    @Test
    void writesEntriesThroughTheStoreOnceAndTheUrlLists(@TempDir Path dir) throws Exception {
        List<Paper> papers = new ArrayList<>();
        for (LocalDate d = LAST.minusDays(20); !d.isAfter(LAST); d = d.plusDays(1)) {
            for (int i = 0; i < 40; i++) {
                papers.add(Paper.builder(String.format("2607.%05d", papers.size() + 1)).version(1).title("T " + i)
                        .abstractText("A").categories(List.of(i % 4 == 0 ? "math.CO" : "cs.CL"))
                        .published(d.atStartOfDay(ZoneOffset.UTC).plusHours(10).toInstant()).source("test").build());
            }
        }
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            new JdbiPaperStore(db).upsertAll(papers);
        }
        HubListsGenerator.main(new String[] {dir.toString(), FIXTURES.toString(), dir.resolve("urls").toString(), "3"});
        List<PaperStoreRows> first = rows(dir);
        HubListsGenerator.main(new String[] {dir.toString(), FIXTURES.toString(), dir.resolve("urls2").toString(), "3"});
        List<PaperStoreRows> second = rows(dir);
        assertTrue(first.equals(second), "the second run changed the entries: " + first.size() + " → " + second.size());
        assertEquals(Files.readAllLines(dir.resolve("urls/pages-paper.txt")),
                Files.readAllLines(dir.resolve("urls2/pages-paper.txt")));
        assertTrue(first.size() > 300, "entries: " + first.size());

        List<String> days = Files.readAllLines(dir.resolve("urls/pages-day.txt"));
        long featuredDays = first.stream().map(PaperStoreRows::day).distinct().count();
        assertEquals(featuredDays * 3, days.size());
        assertTrue(days.stream().allMatch(u -> u.startsWith("/papers/date/2026-07-")));
        List<String> ids = Files.readAllLines(dir.resolve("urls/api-paper.txt"));
        assertTrue(ids.containsAll(first.stream().map(r -> "/api/papers/" + r.id()).toList()));
        assertTrue(Files.readAllLines(dir.resolve("urls/pages-category.txt")).contains("/list/cs?day=" + LAST));
    }

    record PaperStoreRows(String id, LocalDate day, int upvotes) {}

    private static List<PaperStoreRows> rows(Path dir) {
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            List<PaperStoreRows> out = new ArrayList<>();
            var page = new JdbiPaperStore(db).featured(HubEntry.HUGGING_FACE, LAST.minusDays(400), LAST,
                    Optional.empty(), 10_000);
            for (var f : page.items()) {
                HubEntry e = f.paper().hubEntries().getFirst();
                out.add(new PaperStoreRows(f.paper().id(), f.day(), e.upvotes()));
            }
            return out;
        }
    }
}
