package dev.paperboy.paper.jdbi;

import static dev.paperboy.paper.UpsertResult.NEW;
import static dev.paperboy.paper.UpsertResult.UNCHANGED;
import static dev.paperboy.paper.UpsertResult.UPDATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.db.Database;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Page;
import dev.paperboy.paper.PageKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperQuery;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link PaperStore} backend must have; one subclass per database. */
abstract class PaperStoreContract {

    static final Instant T0 = Instant.parse("2024-03-18T17:59:59Z");

    PaperStore store;

    /** A fresh, empty store for one test. */
    abstract PaperStore openStore() throws Exception;

    /** Closes what {@link #openStore} opened. */
    abstract void closeStore() throws Exception;

    /** Makes every insert of the paper with this id fail inside the store. */
    abstract void refuseInsertsOf(String id);

    /** The JDBC URL of another fresh database, not yet migrated; empty for stores without one. */
    abstract Optional<String> unmigratedDatabaseUrl();

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        closeStore();
    }

    static Paper paper(String id, int version, String title) {
        return Paper.builder(id)
                .version(version)
                .title(title)
                .authors(List.of(new Author("Ada Lovelace", List.of("Analytical Engine Society")), new Author("Alan Turing")))
                .abstractText("An abstract about " + title + ".")
                .categories(List.of("cs.LG", "stat.ML"))
                .published(T0)
                .updated(T0.plusSeconds(86_400L * version))
                .source("arxiv-api")
                .build();
    }

    static Paper withDoi(Paper p, String doi) {
        return p.toBuilder().doi(doi).build();
    }

    static Paper withPublished(Paper p, Instant published) {
        return p.toBuilder().published(published).build();
    }

    static Paper withHub(Paper p, HubEntry... entries) {
        return p.toBuilder().hubEntries(List.of(entries)).build();
    }

    static HubEntry hf(String day, int upvotes) {
        return new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse(day), "akhaliq", upvotes, 3, null);
    }

    @Test
    void findAllReadsSeveralPapersAtOnceAndLeavesOutUnknownIds() {
        store.upsertAll(List.of(paper("2401.00001", 1, "One"), paper("2401.00002", 2, "Two"), paper("2401.00003", 1, "Three")));
        var found = store.findAll(List.of("2401.00003", "2401.00001", "2999.99999", "2401.00001"));
        assertEquals(java.util.Set.of("2401.00001", "2401.00003"), found.keySet());
        assertEquals(store.find("2401.00003").orElseThrow(), found.get("2401.00003"));
        assertTrue(store.findAll(List.of()).isEmpty());
    }

    @Test
    void aNewPaperIsStoredAndFoundAgain() {
        Paper p = paper("2403.12345", 1, "Attention is not all you need");

        assertEquals(NEW, store.upsert(p));

        assertEquals(Optional.of(p), store.find("2403.12345"));
        assertEquals(1, store.count());
    }

    @Test
    void anUnknownIdIsNotFound() {
        store.upsert(paper("2403.12345", 1, "Something"));

        assertEquals(Optional.empty(), store.find("2403.99999"));
    }

    @Test
    void everyFieldRoundTripsExactly() {
        Paper p = Paper.builder("hep-th/9901001")
                .version(3)
                .title("Strings, branes\nand \"quotes\"")
                .authors(List.of(new Author("Édouard Brézin", List.of("ENS Paris", "CNRS")), new Author("山田 太郎"), new Author("")))
                .abstractText("Line one.\n\nLine two with $\\alpha$ and <tags> & 'apostrophes'.")
                .categories(List.of("hep-th", "gr-qc", "math-ph"))
                .published(Instant.parse("1999-01-01T00:00:00.123456789Z"))
                .updated(Instant.parse("2001-06-30T23:59:59.000001Z"))
                .doi("10.1000/xyz")
                .journalRef("Phys. Rev. D 60 (1999) 1")
                .comments("12 pages, 3 figures")
                .license("")
                .links(new Links("https://arxiv.org/abs/hep-th/9901001v3", null, "https://github.com/x/y", "https://x.org"))
                .source("oai")
                .keywords(List.of("strings", "branes", "duality"))
                .versions(List.of(new PaperVersion(1, Instant.parse("1999-01-01T00:00:00.123456789Z")), new PaperVersion(2, null), new PaperVersion(3, Instant.parse("2001-06-30T23:59:59.000001Z"))))
                .hubEntries(List.of(new HubEntry("hf", LocalDate.parse("2024-01-02"), null, 0, 0, null), new HubEntry("hf", LocalDate.parse("2024-01-03"), "ak", 120, 7, 4321), new HubEntry("zz", LocalDate.parse("2024-01-03"), "bob", 1, 2, 0)))
                .build();

        store.upsert(p);

        assertEquals(Optional.of(p), store.find(p.id()));
        assertEquals(List.of(p), store.newest(10, 0));
        assertEquals(List.of(p), store.changedSince(0, 10).stream().map(PaperStore.Change::paper).toList());
    }

    @Test
    void jsonSpecialCharactersInListFieldsRoundTrip() {
        String nasty = "q\"uote \\back\\slash\\\" tab\t nl\n cr\r bell\u0007 bs\b ff\f us\u001f del\u007f"
                + " \u2028\u2029 é 😀 </script>";
        Paper p = Paper.builder("2401.00001")
                .version(1)
                .title("T")
                .authors(List.of(new Author(nasty, List.of(nasty, "")), new Author("{}")))
                .abstractText("")
                .categories(List.of("cs.LG", nasty))
                .keywords(List.of(nasty, "[", "]", ","))
                .build();

        store.upsert(p);

        assertEquals(Optional.of(p), store.find(p.id()));
        assertEquals(UNCHANGED, store.upsert(p));
    }

    @Test
    void aPaperWithOnlyTheRequiredFieldsRoundTrips() {
        Paper p = Paper.builder("beir-0123456789abcdef")
                .title("A title")
                .build();

        store.upsert(p);

        assertEquals(Optional.of(p), store.find(p.id()));
    }

    @Test
    void instantsFarFromTodayRoundTrip() {
        Paper p = Paper.builder("2401.00009")
                .version(1)
                .title("Old")
                .published(Instant.parse("-0044-03-15T12:00:00.5Z"))
                .updated(Instant.parse("+12024-01-01T00:00:00Z"))
                .versions(List.of(new PaperVersion(1, Instant.EPOCH)))
                .build();

        store.upsert(p);

        assertEquals(Optional.of(p), store.find(p.id()));
        assertEquals(UNCHANGED, store.upsert(p));
    }

    @Test
    void unicodeTextRoundTrips() {
        String title = "Émergence 🚀 of 量子 𝔽-modules — naïve Ωmega, עברית, العربية, e\u0301, \u200b, 𝟘";
        Paper p = paper("2401.00001", 1, title);

        store.upsert(p);

        assertEquals(title, store.find("2401.00001").orElseThrow().title());
        assertEquals(p, store.find("2401.00001").orElseThrow());
    }

    @Test
    void nulCharactersAreDroppedFromTextOnEveryBackend() {
        Paper p = Paper.builder("2401.00001")
                .version(1)
                .title("Nul\0 title")
                .authors(List.of(new Author("A\0da", List.of("U\0"))))
                .abstractText("abs\0tract")
                .categories(List.of("cs.LG"))
                .doi("10.1/\0x")
                .links(new Links("https://a\0", null, null, null))
                .source("s\0")
                .keywords(List.of("k\0w"))
                .hubEntries(List.of(new HubEntry("hf", LocalDate.parse("2024-01-01"), "su\0b", 1, 1, null)))
                .build();

        assertEquals(NEW, store.upsert(p));

        Paper stored = store.find(p.id()).orElseThrow();
        assertEquals("Nul title", stored.title());
        assertEquals(new Author("Ada", List.of("U")), stored.authors().getFirst());
        assertEquals("abstract", stored.abstractText());
        assertEquals("10.1/x", stored.doi());
        assertEquals("https://a", stored.links().abs());
        assertEquals(List.of("kw"), stored.keywords());
        assertEquals("sub", stored.hubEntries().getFirst().submitter());
        assertEquals(UNCHANGED, store.upsert(p));
    }

    @Test
    void anIdenticalRecordChangesNothing() {
        Paper p = withHub(paper("2403.12345", 2, "Same"), hf("2024-03-19", 10));
        store.upsert(p);
        long seq = store.lastSequence();

        assertEquals(UNCHANGED, store.upsert(p));
        assertEquals(List.of(UNCHANGED, UNCHANGED), store.upsertAll(List.of(p, p)));

        assertEquals(seq, store.lastSequence());
        assertEquals(List.of(), store.changedSince(seq, 10));
        assertEquals(Optional.of(p), store.find(p.id()));
    }

    @Test
    void aNewerVersionReplacesAnOlderOne() {
        store.upsert(withDoi(paper("2403.12345", 1, "First draft"), "10.1/one"));

        assertEquals(UPDATED, store.upsert(paper("2403.12345", 2, "Final title")));

        Paper stored = store.find("2403.12345").orElseThrow();
        assertEquals(2, stored.version());
        assertEquals("Final title", stored.title());
        assertEquals(T0.plusSeconds(86_400L * 2), stored.updated());
        // The newer record has no DOI: the older one fills that gap.
        assertEquals("10.1/one", stored.doi());
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOneButFillsItsGaps() {
        store.upsert(paper("2403.12345", 2, "Final title"));

        assertEquals(UPDATED, store.upsert(withDoi(paper("2403.12345", 1, "First draft"), "10.1/one")));

        Paper stored = store.find("2403.12345").orElseThrow();
        assertEquals(2, stored.version());
        assertEquals("Final title", stored.title());
        assertEquals("10.1/one", stored.doi());
        assertEquals(UNCHANGED, store.upsert(paper("2403.12345", 1, "First draft")));
    }

    @Test
    void theSameVersionWithCorrectionsReplacesTheStoredRecord() {
        store.upsert(paper("2403.12345", 1, "Tpyo"));

        assertEquals(UPDATED, store.upsert(paper("2403.12345", 1, "Typo")));

        assertEquals("Typo", store.find("2403.12345").orElseThrow().title());
    }

    @Test
    void theEarliestPublishedDateIsKept() {
        store.upsert(paper("2403.12345", 2, "T"));

        store.upsert(withPublished(paper("2403.12345", 2, "T"), T0.minusSeconds(60)));
        store.upsert(withPublished(paper("2403.12345", 3, "T"), T0.plusSeconds(60)));

        assertEquals(T0.minusSeconds(60), store.find("2403.12345").orElseThrow().published());
    }

    @Test
    void batchResultsComeInInputOrder() {
        store.upsertAll(List.of(paper("2401.00002", 1, "B"), paper("2401.00004", 1, "D")));

        List<?> results = store.upsertAll(List.of(
                paper("2401.00001", 1, "A"),
                paper("2401.00002", 1, "B"),
                paper("2401.00003", 1, "C"),
                paper("2401.00004", 2, "D2")));

        assertEquals(List.of(NEW, UNCHANGED, NEW, UPDATED), results);
        assertEquals(4, store.count());
        assertEquals("D2", store.find("2401.00004").orElseThrow().title());
    }

    @Test
    void duplicateIdsInOneBatchAreMergedInOrderAndWrittenOnce() {
        List<?> results = store.upsertAll(List.of(
                paper("2401.00001", 1, "v1"),
                paper("2401.00001", 2, "v2"),
                paper("2401.00001", 1, "v1"),
                withHub(paper("2401.00001", 1, "v1"), hf("2024-01-05", 4))));

        assertEquals(List.of(NEW, UPDATED, UNCHANGED, UPDATED), results);
        Paper stored = store.find("2401.00001").orElseThrow();
        assertEquals("v2", stored.title());
        assertEquals(List.of(hf("2024-01-05", 4)), stored.hubEntries());
        assertEquals(1, store.count());
        assertEquals(1, store.changedSince(0, 10).size());
    }

    @Test
    void hubEntriesAreUnitedAndTheNewestCopyOfADayWins() {
        Paper p = paper("2401.00001", 1, "Hubbed");
        store.upsert(withHub(p, hf("2024-01-05", 4)));

        assertEquals(UPDATED, store.upsert(withHub(p, hf("2024-01-06", 9))));
        assertEquals(UPDATED, store.upsert(withHub(p, hf("2024-01-05", 40))));
        assertEquals(UNCHANGED, store.upsert(p));

        assertEquals(List.of(hf("2024-01-05", 40), hf("2024-01-06", 9)),
                store.find("2401.00001").orElseThrow().hubEntries());
    }

    @Test
    void hubEntriesInAnyOrderAreStoredSortedByDayAndNotRewritten() {
        Paper p = withHub(paper("2401.00001", 1, "Hubbed"), hf("2024-01-06", 9), hf("2024-01-05", 4));

        store.upsert(p);

        assertEquals(List.of(hf("2024-01-05", 4), hf("2024-01-06", 9)),
                store.find(p.id()).orElseThrow().hubEntries());
        assertEquals(UNCHANGED, store.upsert(p));
    }

    @Test
    void aHubEntryWithoutADayIsRefusedAndNothingIsWritten() {
        Paper bad = withHub(paper("2401.00002", 1, "B"), new HubEntry("hf", null, null, 1, 1, null));

        assertThrows(IllegalArgumentException.class,
                () -> store.upsertAll(List.of(paper("2401.00001", 1, "A"), bad)));

        assertEquals(0, store.count());
    }

    @Test
    void newestListsByPublishedDateThenIdWithUndatedPapersLast() {
        store.upsertAll(List.of(
                withPublished(paper("2401.00001", 1, "old"), T0.minusSeconds(3600)),
                withPublished(paper("2401.00002", 1, "undated"), null),
                withPublished(paper("2401.00003", 1, "new"), T0),
                withPublished(paper("2401.00004", 1, "new too"), T0),
                withPublished(paper("2401.00005", 1, "sub-second newer"), T0.plusNanos(1))));

        assertEquals(List.of("2401.00005", "2401.00004", "2401.00003", "2401.00001", "2401.00002"),
                store.newest(10, 0).stream().map(Paper::id).toList());
        assertEquals(List.of("2401.00003", "2401.00001"), store.newest(2, 2).stream().map(Paper::id).toList());
        assertEquals(List.of(), store.newest(2, 5));
    }

    @Test
    void forEachVisitsEveryPaperOnceInIdOrderAcrossPages() {
        List<Paper> batch = new ArrayList<>();
        for (int i = 1_234; i >= 1; i--) batch.add(paper(String.format("2401.%05d", i), 1, "P" + i));
        store.upsertAll(batch);
        store.upsert(withHub(paper("2401.00777", 1, "P777"), hf("2024-01-01", 1)));

        List<Paper> seen = new ArrayList<>();
        store.forEach(seen::add);

        assertEquals(1_234, seen.size());
        for (int i = 0; i < seen.size(); i++) assertEquals(String.format("2401.%05d", i + 1), seen.get(i).id());
        assertEquals(List.of(hf("2024-01-01", 1)), seen.get(776).hubEntries());
        assertEquals(1_234, store.count());
    }

    @Test
    void changesAreListedInSequenceOrderAndAnUpdateMovesAPaperToTheEnd() {
        assertEquals(0, store.lastSequence());
        store.upsertAll(List.of(paper("2401.00001", 1, "A"), paper("2401.00002", 1, "B")));
        store.upsert(paper("2401.00003", 1, "C"));
        long before = store.lastSequence();

        store.upsert(paper("2401.00001", 2, "A2"));

        List<PaperStore.Change> all = store.changedSince(0, 10);
        assertEquals(List.of("2401.00002", "2401.00003", "2401.00001"),
                all.stream().map(c -> c.paper().id()).toList());
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1).sequence() < all.get(i).sequence());
        assertTrue(store.lastSequence() > before);
        assertEquals(store.lastSequence(), all.getLast().sequence());
        assertEquals("A2", all.getLast().paper().title());
        assertEquals(List.of(all.getLast()), store.changedSince(before, 10));
        assertEquals(all.subList(0, 2), store.changedSince(0, 2));
    }

    @Test
    void concurrentWritersOfOverlappingPapersAllSucceedWithDistinctSequences() throws Exception {
        int writers = 3, batches = 15, size = 40;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        List<Paper> batch = new ArrayList<>();
                        // Every writer touches the same ids with its own version: inserts and updates race.
                        for (int i = 0; i < size; i++) {
                            batch.add(paper(String.format("2401.%05d", b * size + i + 1), writer + 1, "W" + writer));
                        }
                        store.upsertAll(batch);
                    }
                    return null;
                }));
            }
            for (var f : done) f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(batches * size, store.count());
        List<PaperStore.Change> changes = store.changedSince(0, 10_000);
        assertEquals(batches * size, changes.size());
        for (PaperStore.Change c : changes) assertEquals(writers, c.paper().version());
        assertEquals(changes.getLast().sequence(), store.lastSequence());
    }

    @Test
    void anEmptyBatchDoesNothing() {
        assertEquals(List.of(), store.upsertAll(List.of()));
        assertEquals(0, store.count());
    }

    @Test
    void aBatchFailingHalfWayLeavesNothingWrittenAndRerunningCompletesIt() {
        store.upsert(paper("2401.00001", 1, "A"));
        long seq = store.lastSequence();
        refuseInsertsOf("2401.00003");

        List<Paper> batch = List.of(
                paper("2401.00001", 2, "A2"),
                withHub(paper("2401.00002", 1, "B"), hf("2024-01-02", 5)),
                paper("2401.00003", 1, "C"),
                paper("2401.00004", 1, "D"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.upsertAll(batch));

        assertTrue(e.getMessage().startsWith("store: unable to upsert 4 papers"), e.getMessage());
        assertEquals(1, store.count());
        assertEquals("A", store.find("2401.00001").orElseThrow().title());
        assertEquals(Optional.empty(), store.find("2401.00002"));
        assertEquals(seq, store.lastSequence());

        List<Paper> rest = List.of(batch.get(0), batch.get(1), batch.get(3));
        assertEquals(List.of(UPDATED, NEW, NEW), store.upsertAll(rest));
        assertEquals(List.of(hf("2024-01-02", 5)), store.find("2401.00002").orElseThrow().hubEntries());
    }

    // ---- listings ------------------------------------------------------------------------------

    static Paper listed(String id, String published, String... categories) {
        return paper(id, 1, "P " + id).toBuilder()
                .published(published == null ? null : Instant.parse(published))
                .categories(List.of(categories))
                .build();
    }

    /** Every page of a listing, {@code size} at a time, following the keys. */
    List<String> allPages(PaperQuery query, int size) {
        List<String> ids = new ArrayList<>();
        Optional<PageKey> after = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            Page<Paper> page = store.newest(query, after, size);
            assertTrue(page.items().size() <= size);
            page.items().forEach(p -> ids.add(p.id()));
            if (page.next().isEmpty()) return ids;
            after = page.next();
        }
        throw new AssertionError("no last page");
    }

    List<String> ids(Page<Paper> page) {
        return page.items().stream().map(Paper::id).toList();
    }

    void storeListingSample() {
        store.upsertAll(List.of(
                listed("2403.00001", "2024-03-01T10:00:00Z", "cs.LG", "stat.ML"),
                listed("2403.00002", "2024-03-02T10:00:00Z", "cs.AI", "cs.LG"),
                listed("2403.00003", "2024-03-02T10:00:00Z", "hep-th"),
                listed("2403.00004", "2024-03-03T23:59:59.999Z", "cs.CL"),
                listed("2403.00005", "2024-03-04T00:00:00Z", "stat.ML", "cs.LG"),
                listed("2403.00006", null, "cs.LG"),
                listed("2403.00007", "2024-03-05T08:00:00Z", "math.ST", "cs.NA")));
    }

    @Test
    void aCategoryListsItsPapersAndCrossListsNewestFirst() {
        storeListingSample();

        Page<Paper> page = store.newest(PaperQuery.ALL.in("cs.LG"), Optional.empty(), 10);

        assertEquals(List.of("2403.00005", "2403.00002", "2403.00001"), ids(page));
        assertEquals(Optional.empty(), page.next());
        assertEquals(List.of("2403.00003"), ids(store.newest(PaperQuery.ALL.in("hep-th"), Optional.empty(), 10)));
    }

    @Test
    void anArchiveListsEachPaperOfAnyOfItsCategoriesOnce() {
        storeListingSample();

        assertEquals(List.of("2403.00005", "2403.00004", "2403.00002", "2403.00001"),
                ids(store.newest(PaperQuery.ALL.in("cs"), Optional.empty(), 10)));
        // cs.NA is an alias of math.NA: it counts under math.
        assertEquals(List.of("2403.00007"), ids(store.newest(PaperQuery.ALL.in("math"), Optional.empty(), 10)));
        assertEquals(List.of("2403.00005", "2403.00004", "2403.00003", "2403.00001"),
                ids(store.newest(PaperQuery.ALL.in("hep-th", "cs.CL", "stat"), Optional.empty(), 10)));
    }

    @Test
    void everyDatedPaperIsListedWithoutCategoriesAndUndatedOnesNever() {
        storeListingSample();

        assertEquals(List.of("2403.00007", "2403.00005", "2403.00004", "2403.00003", "2403.00002", "2403.00001"),
                allPages(PaperQuery.ALL, 4));
    }

    @Test
    void keysetPagesContinueExactlyWhereThePreviousPageEnded() {
        List<Paper> many = new ArrayList<>();
        for (int i = 1; i <= 57; i++) {
            // Groups of papers share an instant, so pages split ties that only the id orders.
            many.add(listed(String.format("2401.%05d", i), "2024-01-%02dT12:00:00Z".formatted(1 + i / 5),
                    i % 3 == 0 ? "cs.AI" : "cs.LG", "stat.ML"));
        }
        store.upsertAll(many);
        List<String> expected = many.stream()
                .sorted(java.util.Comparator.comparing(Paper::published).thenComparing(Paper::id).reversed())
                .map(Paper::id).toList();

        for (int size : new int[] {1, 4, 5, 56, 57, 100}) {
            assertEquals(expected, allPages(PaperQuery.ALL, size), "all, pages of " + size);
            assertEquals(expected, allPages(PaperQuery.ALL.in("stat.ML"), size), "stat.ML, pages of " + size);
            assertEquals(expected, allPages(PaperQuery.ALL.in("cs"), size), "cs, pages of " + size);
            // Several names are merged from one index range each: papers in both are listed once, in order.
            assertEquals(expected, allPages(PaperQuery.ALL.in("cs.AI", "stat.ML", "cs.LG"), size), "three, pages of " + size);
            assertEquals(expected, allPages(PaperQuery.ALL.in("cs.AI", "cs.LG"), size), "two, pages of " + size);
        }
        Page<Paper> first = store.newest(PaperQuery.ALL.in("cs.LG"), Optional.empty(), 3);
        assertEquals(Optional.of(new PageKey(first.items().getLast().published(), first.items().getLast().id())),
                first.next());
        assertEquals(first.next(), PageKey.parse(first.next().orElseThrow().token()));
    }

    @Test
    void excludedCategoriesAndArchivesLeaveTheirPapersOut() {
        storeListingSample();

        assertEquals(List.of("2403.00004", "2403.00002"),
                ids(store.newest(PaperQuery.ALL.in("cs").excluding("stat.ML"), Optional.empty(), 10)));
        assertEquals(List.of("2403.00007", "2403.00003"),
                ids(store.newest(PaperQuery.ALL.excluding("cs"), Optional.empty(), 10)));
        assertEquals(List.of("2403.00003"),
                ids(store.newest(PaperQuery.ALL.excluding("cs", "stat", "math"), Optional.empty(), 10)));
    }

    @Test
    void aDateRangeListsThePapersPublishedOnThoseUtcDays() {
        storeListingSample();

        PaperQuery march2to3 = PaperQuery.ALL.between(LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-03"));
        assertEquals(List.of("2403.00004", "2403.00003", "2403.00002"), allPages(march2to3, 2));
        assertEquals(List.of("2403.00002"), ids(store.newest(march2to3.in("cs.LG"), Optional.empty(), 10)));
        PaperQuery oneDay = PaperQuery.ALL.between(LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-04"));
        assertEquals(List.of("2403.00005"), ids(store.newest(oneDay, Optional.empty(), 10)));
    }

    @Test
    void listingsFollowChangesOfCategoriesAndPublishedDate() {
        storeListingSample();

        // A newer version moves the paper out of cs.LG into cs.CV; an earlier date moves it down the list.
        store.upsert(listed("2403.00005", "2024-03-04T00:00:00Z", "cs.CV").toBuilder().version(2).build());
        store.upsert(listed("2403.00002", "2024-02-01T00:00:00Z", "cs.AI", "cs.LG"));

        assertEquals(List.of("2403.00001", "2403.00002"),
                ids(store.newest(PaperQuery.ALL.in("cs.LG"), Optional.empty(), 10)));
        assertEquals(List.of("2403.00005"), ids(store.newest(PaperQuery.ALL.in("cs.CV"), Optional.empty(), 10)));
        assertEquals(List.of("2403.00005", "2403.00004", "2403.00001", "2403.00002"),
                ids(store.newest(PaperQuery.ALL.in("cs"), Optional.empty(), 10)));
    }

    @Test
    void featuredListsEachPaperOnEachDayOfItsHubNewestDayFirst() {
        store.upsertAll(List.of(
                withHub(paper("2401.00001", 1, "A"), hf("2024-01-05", 4), hf("2024-01-07", 1)),
                withHub(paper("2401.00002", 1, "B"), hf("2024-01-05", 9)),
                withHub(paper("2401.00003", 1, "C"), hf("2024-01-06", 2),
                        new HubEntry("other", LocalDate.parse("2024-01-06"), null, 1, 0, null)),
                withHub(paper("2401.00004", 1, "D"), hf("2024-01-09", 2)),
                paper("2401.00005", 1, "not featured")));
        LocalDate from = LocalDate.parse("2024-01-05"), to = LocalDate.parse("2024-01-07");

        List<String> seen = new ArrayList<>();
        Optional<PageKey> after = Optional.empty();
        do {
            Page<PaperStore.Featured> page = store.featured(HubEntry.HUGGING_FACE, from, to, after, 2);
            page.items().forEach(f -> seen.add(f.day() + " " + f.paper().id()));
            after = page.next();
        } while (after.isPresent());

        assertEquals(List.of("2024-01-07 2401.00001", "2024-01-06 2401.00003", "2024-01-05 2401.00002",
                "2024-01-05 2401.00001"), seen);
        Page<PaperStore.Featured> day = store.featured(HubEntry.HUGGING_FACE, from, from, Optional.empty(), 10);
        assertEquals(9, day.items().getFirst().paper().hubEntries().getFirst().upvotes());
        assertEquals(List.of("2401.00003"), store.featured("other", from, to, Optional.empty(), 10).items().stream()
                .map(f -> f.paper().id()).toList());
    }

    @Test
    void aDatabaseOfAnEarlierVersionGainsTheCategoryListingWhenMigrated() throws Exception {
        Optional<String> url = unmigratedDatabaseUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(url.isPresent(), "the store has no database");
        String folder = Database.dialectOf(url.get()).name().toLowerCase(java.util.Locale.ROOT);
        org.flywaydb.core.Flyway.configure()
                .dataSource(url.get(), null, null)
                .locations("classpath:db/migration/" + folder)
                .target("3")
                .load()
                .migrate();
        try (var c = java.sql.DriverManager.getConnection(url.get()); var s = c.createStatement()) {
            // A row as the store wrote it before V4.
            s.execute("INSERT INTO papers (id, version, title, authors, abstract, categories, primary_category,"
                    + " published, keywords, versions, seq) VALUES ('2403.00001', 1, 'Old', '[]', '', "
                    + "'[\"cs.LG\",\"stat.ML\"]', 'cs.LG', '2024-03-01T10:00:00.000000000Z', '[]', '[]', 1)");
        }

        try (Database migrated = Database.open(url.get())) {
            PaperStore old = new JdbiPaperStore(migrated);
            assertEquals(List.of("2403.00001"), ids(old.newest(PaperQuery.ALL.in("stat"), Optional.empty(), 10)));
            assertEquals(List.of("2403.00001"), ids(old.newest(PaperQuery.ALL.in("cs.LG"), Optional.empty(), 10)));
            assertEquals(List.of(), ids(old.newest(PaperQuery.ALL.in("cs.AI"), Optional.empty(), 10)));
        }
    }
}
