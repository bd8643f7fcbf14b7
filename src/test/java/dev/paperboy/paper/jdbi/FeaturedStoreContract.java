package dev.paperboy.paper.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperQuery;
import dev.paperboy.paper.PaperStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store queries behind day, week, month and category lists; one subclass per database. */
abstract class FeaturedStoreContract {

    PaperStore store;

    abstract PaperStore openStore() throws Exception;

    abstract void closeStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        closeStore();
    }

    static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    static Paper paper(String id, String published, List<String> categories, HubEntry... entries) {
        return Paper.builder(id).version(1).title("Paper " + id).categories(categories)
                .published(published == null ? null : Instant.parse(published)).hubEntries(List.of(entries)).build();
    }

    static HubEntry hf(String day, int upvotes) {
        return new HubEntry(HubEntry.HUGGING_FACE, day(day), "ak", upvotes, 1, 10);
    }

    static HubEntry local(String day) {
        return new HubEntry(HubEntry.LOCAL, day(day), "someone", 0, 0, null);
    }

    @Test
    void featuredEntriesOfARangeComeFromEveryHubNewestDayFirst() {
        store.upsertAll(List.of(
                paper("2401.00001", "2024-01-01T10:00:00Z", List.of("cs.LG"), hf("2024-01-02", 5)),
                paper("2401.00002", "2024-01-01T11:00:00Z", List.of("cs.CV"), hf("2024-01-03", 7), local("2024-01-03")),
                paper("2401.00003", "2024-01-02T11:00:00Z", List.of("cs.CL"), local("2024-01-05")),
                paper("2401.00004", "2024-01-02T12:00:00Z", List.of("cs.CL"))));
        var entries = store.featuredEntries(day("2024-01-02"), day("2024-01-03"));
        assertEquals(List.of("2401.00002/hf/2024-01-03", "2401.00002/local/2024-01-03", "2401.00001/hf/2024-01-02"),
                entries.stream().map(l -> l.paperId() + "/" + l.entry().hub() + "/" + l.entry().listDate()).toList());
        assertEquals(7, entries.getFirst().entry().upvotes());
        assertEquals(List.of(), store.featuredEntries(day("2024-01-06"), day("2024-02-01")));
    }

    @Test
    void theNearestFeaturedDaySkipsEmptyDaysBothWays() {
        store.upsertAll(List.of(
                paper("2401.00001", "2024-01-01T10:00:00Z", List.of("cs.LG"), hf("2024-01-05", 5)),
                paper("2401.00002", "2024-01-01T11:00:00Z", List.of("cs.CV"), local("2024-01-08")),
                paper("2401.00003", "2024-01-01T11:00:00Z", List.of("cs.CV"), hf("2024-01-08", 1))));
        assertEquals(Optional.of(day("2024-01-05")), store.featuredDayNear(day("2024-01-08"), false));
        assertEquals(Optional.of(day("2024-01-08")), store.featuredDayNear(day("2024-01-05"), true));
        assertEquals(Optional.of(day("2024-01-08")), store.featuredDayNear(day("2024-01-06"), true));
        assertEquals(Optional.empty(), store.featuredDayNear(day("2024-01-05"), false));
        assertEquals(Optional.empty(), store.featuredDayNear(day("2024-01-08"), true));
        assertEquals(Optional.of(day("2024-01-08")), store.featuredDayNear(day("2030-01-01"), false));
    }

    @Test
    void theNearestPublicationDayOfACategoryHonoursArchivesAndExclusions() {
        store.upsertAll(List.of(
                paper("2401.00001", "2024-01-01T10:00:00Z", List.of("cs.LG")),
                paper("2401.00002", "2024-01-03T23:59:00Z", List.of("cs.CV", "cs.LG")),
                paper("2401.00003", "2024-01-06T00:00:00Z", List.of("cs.LG")),
                paper("2401.00004", "2024-01-09T00:00:00Z", List.of("math.CO")),
                paper("2401.00005", null, List.of("cs.LG"))));
        PaperQuery lg = PaperQuery.ALL.in("cs.LG");
        assertEquals(Optional.of(day("2024-01-03")), store.publishedDayNear(lg, day("2024-01-06"), false));
        assertEquals(Optional.of(day("2024-01-06")), store.publishedDayNear(lg, day("2024-01-03"), true));
        assertEquals(Optional.of(day("2024-01-01")),
                store.publishedDayNear(lg.excluding("cs.CV"), day("2024-01-06"), false));
        assertEquals(Optional.of(day("2024-01-06")),
                store.publishedDayNear(lg.excluding("cs.CV"), day("2024-01-01"), true));
        assertEquals(Optional.empty(), store.publishedDayNear(lg, day("2024-01-06"), true));
        // Several names: the nearest day of any of them.
        PaperQuery two = PaperQuery.ALL.in("math.CO", "cs.CV");
        assertEquals(Optional.of(day("2024-01-03")), store.publishedDayNear(two, day("2024-01-06"), false));
        assertEquals(Optional.of(day("2024-01-09")), store.publishedDayNear(two, day("2024-01-03"), true));
        assertEquals(Optional.of(day("2024-01-03")), store.publishedDayNear(two.excluding("math"), day("2024-01-12"), false));
        assertEquals(Optional.of(day("2024-01-06")), store.publishedDayNear(PaperQuery.ALL.in("cs"),
                day("2024-01-09"), false));
        assertEquals(Optional.of(day("2024-01-09")), store.publishedDayNear(PaperQuery.ALL, day("2024-01-06"), true));
        assertEquals(Optional.of(day("2024-01-06")),
                store.publishedDayNear(PaperQuery.ALL.excluding("math"), day("2024-01-09"), false));
    }

    @Test
    void aSubmissionHereSurvivesLaterHarvestsOfTheSamePaper() {
        store.upsert(paper("2401.00001", "2024-01-01T10:00:00Z", List.of("cs.LG"), local("2024-01-03")));
        // Hugging Face lists it the same day and again later, with growing upvotes: the submission stays.
        store.upsert(paper("2401.00001", "2024-01-01T10:00:00Z", List.of("cs.LG"), hf("2024-01-03", 5)));
        store.upsert(paper("2401.00001", "2024-01-01T10:00:00Z", List.of("cs.LG"), hf("2024-01-03", 9)));
        var entries = store.featuredEntries(day("2024-01-03"), day("2024-01-03"));
        assertEquals(List.of("hf/9", "local/0"),
                entries.stream().map(l -> l.entry().hub() + "/" + l.entry().upvotes()).toList());
        assertEquals("someone", entries.get(1).entry().submitter());
    }
}
