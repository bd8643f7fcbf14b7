package dev.paperboy.paper.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperRevision;
import dev.paperboy.paper.PaperStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a store records of each newer version's changes to title, authors and abstract; one subclass per backend. */
abstract class PaperRevisionsContract {

    private static final Instant T0 = Instant.parse("2024-03-18T17:59:59Z");
    private static final String ID = "2403.12345";

    PaperStore store;

    abstract PaperStore openStore() throws Exception;

    abstract void closeStore() throws Exception;

    /** Makes every insert of the paper with this id fail inside the store. */
    abstract void refuseInsertsOf(String id);

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        closeStore();
    }

    private static final List<Author> AUTHORS = List.of(new Author("Ada Lovelace"), new Author("Alan Turing"));

    private static Paper version(int v, String title, List<Author> authors, String abstractText) {
        return Paper.builder(ID).version(v).title(title).authors(authors).abstractText(abstractText)
                .categories(List.of("cs.LG")).published(T0).updated(T0.plusSeconds(86_400L * v))
                .comments(v + " pages").source("arxiv-api").build();
    }

    private static Paper v1() {
        return version(1, "Attention is not all you need", AUTHORS, "We show attention is not enough.");
    }

    @Test
    void aNewerVersionThatChangesTheTitleIsRecordedWithTheTitleItReplaced() {
        store.upsert(v1());
        store.upsert(version(2, "Attention is mostly all you need", AUTHORS, "We show attention is not enough."));

        assertEquals(List.of(new PaperRevision(2, 1, "Attention is not all you need", null, null)), store.revisions(ID));
        PaperRevision r = store.revisions(ID).getFirst();
        assertTrue(r.titleChanged() && !r.authorsChanged() && !r.abstractChanged());
    }

    @Test
    void authorsAndAbstractChangesKeepThePreviousValuesAndLeaveTheRestNull() {
        store.upsert(v1());
        List<Author> three = List.of(new Author("Ada Lovelace"), new Author("Alan Turing"), new Author("Grace Hopper"));
        store.upsert(version(2, "Attention is not all you need", three, "We show attention is not enough."));
        store.upsert(version(3, "Attention is not all you need", three, "A new abstract."));

        assertEquals(List.of(new PaperRevision(2, 1, null, AUTHORS, null),
                new PaperRevision(3, 2, null, null, "We show attention is not enough.")), store.revisions(ID));
    }

    @Test
    void aNewerVersionThatChangesNeitherTitleAuthorsNorAbstractRecordsNothing() {
        store.upsert(v1());
        // Comments, dates and line breaks differ; the three fields do not.
        store.upsert(version(2, "Attention is not\n  all you need", AUTHORS, "We show attention\nis not enough."));

        assertEquals(2, store.find(ID).orElseThrow().version());
        assertEquals(List.of(), store.revisions(ID));
    }

    @Test
    void olderVersionsRepeatsAndSameVersionCorrectionsRecordNothing() {
        Paper v2 = version(2, "Second title", AUTHORS, "We show attention is not enough.");
        store.upsert(v2);
        store.upsert(v1()); // older, arriving later: fills gaps only
        store.upsert(v2);
        store.upsert(v2.toBuilder().title("Second title, corrected").updated(T0.plusSeconds(999_999)).build());

        assertEquals("Second title, corrected", store.find(ID).orElseThrow().title());
        assertEquals(List.of(), store.revisions(ID));
    }

    @Test
    void aSkippedVersionNamesTheVersionItReplaced() {
        store.upsert(v1());
        store.upsert(version(4, "Fourth", AUTHORS, "We show attention is not enough."));

        assertEquals(List.of(new PaperRevision(4, 1, "Attention is not all you need", null, null)), store.revisions(ID));
    }

    @Test
    void aRecordOfUnknownVersionIsNotComparedWith() {
        store.upsert(version(0, "A title from a list without versions", AUTHORS, ""));
        store.upsert(v1());

        assertEquals(List.of(), store.revisions(ID));
    }

    @Test
    void versionsInOneBatchAreEachRecorded() {
        store.upsertAll(List.of(v1(), version(2, "Two", AUTHORS, "We show attention is not enough."),
                version(3, "Three", AUTHORS, "We show attention is not enough.")));

        assertEquals(List.of(new PaperRevision(2, 1, "Attention is not all you need", null, null),
                new PaperRevision(3, 2, "Two", null, null)), store.revisions(ID));
        assertEquals(List.of(), store.revisions("2999.99999"));
    }

    @Test
    void aFailedBatchLeavesNoRevision() {
        store.upsert(v1());
        refuseInsertsOf("2403.99999");
        assertThrows(IllegalStateException.class, () -> store.upsertAll(List.of(
                version(2, "Two", AUTHORS, "We show attention is not enough."),
                Paper.builder("2403.99999").version(1).title("Refused").build())));

        assertEquals(List.of(), store.revisions(ID));
        assertEquals(1, store.find(ID).orElseThrow().version());
    }
}
