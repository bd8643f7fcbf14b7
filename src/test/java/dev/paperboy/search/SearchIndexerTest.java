package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.db.Database;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index kept derived from the store: rebuilds, catch-up, background refresh and embedding. */
class SearchIndexerTest {

    @TempDir
    Path dir;

    private final FakeEmbedder embedder = new FakeEmbedder();
    private final InMemoryPaperStore store = new InMemoryPaperStore();
    private Database db;
    private EmbeddingStore embeddings;
    private Path indexDir;

    @BeforeEach
    void setUp() {
        db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
        embeddings = new EmbeddingStore(db.jdbi(), embedder.modelId());
        store.upsertAll(TestPapers.load());
        indexDir = dir.resolve("index");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private LuceneIndex open(String modelId) {
        return LuceneIndex.open(indexDir, modelId, SearchDefaults.fusion());
    }

    private static List<String> ids(PaperIndex index, String q) {
        SearchRequest r = new SearchRequest(((SearchQuery.Ok) SearchQuery.parse(q)).query(), SearchMode.BM25,
                SearchOrder.RELEVANCE, 0, 20);
        return index.search(r, null).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void aNewIndexAsksToBeBuiltAndIsBuiltFromTheStore() {
        try (LuceneIndex index = open(embedder.modelId())) {
            assertTrue(index.rebuildReason().orElseThrow().contains("no index"));
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            assertTrue(indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE));
            assertEquals(14, index.count());
            assertEquals(store.lastSequence(), index.committedSequence());
            assertFalse(indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE));
        }
    }

    @Test
    void deletingTheIndexDirectoryThenStartingRebuildsIt() throws IOException {
        try (LuceneIndex index = open(embedder.modelId())) {
            new SearchIndexer(store, index, embeddings).rebuildIfNeeded(SearchIndexer.Progress.NONE);
        }
        deleteTree(indexDir);
        try (LuceneIndex index = open(embedder.modelId())) {
            assertTrue(index.rebuildReason().isPresent());
            assertEquals(0, index.count());
            new SearchIndexer(store, index, embeddings).rebuildIfNeeded(SearchIndexer.Progress.NONE);
            assertEquals(14, index.count());
            assertEquals(List.of("2409.00009"), ids(index, "surface codes"));
        }
    }

    @Test
    void aReopenedIndexNeedsNoRebuild() {
        try (LuceneIndex index = open(embedder.modelId())) {
            new SearchIndexer(store, index, embeddings).rebuildIfNeeded(SearchIndexer.Progress.NONE);
        }
        try (LuceneIndex index = open(embedder.modelId())) {
            assertTrue(index.rebuildReason().isEmpty());
            assertEquals(14, index.count());
            assertEquals(store.lastSequence(), index.committedSequence());
        }
    }

    @Test
    void anotherModelMakesTheIndexOutdated() {
        try (LuceneIndex index = open(embedder.modelId())) {
            new SearchIndexer(store, index, embeddings).rebuildIfNeeded(SearchIndexer.Progress.NONE);
        }
        try (LuceneIndex index = open("another-model")) {
            assertTrue(index.rebuildReason().orElseThrow().contains("outdated"), index.rebuildReason().toString());
        }
    }

    @Test
    void aCorruptIndexIsRebuilt() throws IOException {
        try (LuceneIndex index = open(embedder.modelId())) {
            new SearchIndexer(store, index, embeddings).rebuildIfNeeded(SearchIndexer.Progress.NONE);
        }
        Path gen = indexDir.resolve(Files.readString(indexDir.resolve(LuceneIndex.CURRENT)).strip());
        try (Stream<Path> files = Files.list(gen)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith("segments_") || n.endsWith(".si")) Files.write(f, "garbage".getBytes());
            }
        }
        try (LuceneIndex index = open(embedder.modelId())) {
            assertTrue(index.rebuildReason().orElseThrow().contains("unreadable"), index.rebuildReason().toString());
            new SearchIndexer(store, index, embeddings).rebuildIfNeeded(SearchIndexer.Progress.NONE);
            assertEquals(14, index.count());
        }
    }

    @Test
    void aRebuildLeftHalfDoneByACrashIsIgnoredAndCleanedUp() throws IOException {
        try (LuceneIndex index = open(embedder.modelId())) {
            new SearchIndexer(store, index, embeddings).rebuildIfNeeded(SearchIndexer.Progress.NONE);
        }
        Path junk = Files.createDirectories(indexDir.resolve("gen-999999"));
        Files.writeString(junk.resolve("_0.cfs"), "half written");
        try (LuceneIndex index = open(embedder.modelId())) {
            assertTrue(index.rebuildReason().isEmpty());
            assertEquals(14, index.count());
        }
        assertFalse(Files.exists(junk));
    }

    @Test
    void catchUpAppliesOnlyNewChanges() {
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            assertEquals(0, indexer.catchUp());
            store.upsert(extra("2503.00099", "Zebra stripes as thermal regulation"));
            assertEquals(1, indexer.catchUp());
            index.refresh();
            assertEquals(List.of("2503.00099"), ids(index, "zebra"));
        }
    }

    @Test
    void aPaperStoredWhileServingIsFoundWithoutAnyCall() throws InterruptedException {
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            try (SearchBackground bg = new SearchBackground(indexer, null, null, Duration.ofMillis(500))) {
                bg.start();
                long start = System.nanoTime();
                store.upsert(extra("2503.00098", "Okapi camouflage in rainforest canopies"));
                List<String> found = List.of();
                while (found.isEmpty() && System.nanoTime() - start < 60_000_000_000L) {
                    Thread.sleep(100);
                    found = ids(index, "okapi");
                }
                assertEquals(List.of("2503.00098"), found, "not searchable within 60 s");
            }
        }
    }

    @Test
    void embeddingStoresVectorsAndPutsThemInTheIndex() {
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            assertEquals(14, indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true));
            assertEquals(14, embeddings.count());
            index.refresh();
            SearchRequest dense = new SearchRequest(SearchQuery.ofWords("galaxies rotation"), SearchMode.DENSE,
                    SearchOrder.RELEVANCE, 0, 20);
            SearchResults r = index.search(dense, embedder.embedQuery("galaxies rotation"));
            assertEquals(SearchMode.DENSE, r.mode());
            assertEquals(14, r.hits().size());
            assertEquals(0, indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true));
        }
    }

    @Test
    void anInterruptedEmbeddingRunResumesWithoutRedoingWork() {
        for (int i = 0; i < 40; i++) store.upsert(extra(String.format("2504.%05d", i), "Paper number " + i));
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            AtomicInteger checks = new AtomicInteger();
            // Stop after the first batch, as a killed process would.
            long first = indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> checks.incrementAndGet() <= 2);
            assertEquals(32, first);
            int before = embedder.passages.get();
            long second = indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true);
            assertEquals(54 - 32, second);
            assertEquals(54 - 32, embedder.passages.get() - before);
        }
    }

    @Test
    void aRebuildTakesVectorsFromTheDatabaseInsteadOfRecomputing() throws IOException {
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true);
        }
        deleteTree(indexDir);
        int before = embedder.passages.get();
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            assertEquals(0, indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true));
            assertEquals(before, embedder.passages.get());
            assertEquals(5, index.related("2405.00005", 5).size());
        }
    }

    @Test
    void aChangedAbstractIsEmbeddedAgain() {
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true);
            Paper p = store.find("2405.00005").orElseThrow();
            store.upsert(Paper.builder(p.id())
                    .version(2)
                    .title(p.title())
                    .authors(p.authors())
                    .abstractText(p.abstractText() + " Revised.")
                    .categories(p.categories())
                    .published(p.published())
                    .source("test")
                    .build());
            assertEquals(1, indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true));
        }
    }

    @Test
    void progressIsReported() {
        List<String> steps = new ArrayList<>();
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.rebuild((step, done, total) -> steps.add(step + " " + done + "/" + total));
        }
        assertEquals("index 14/14", steps.getLast());
    }

    private static Paper extra(String id, String title) {
        return TestPapers.paper(id, title, "An abstract about " + title.toLowerCase() + ".",
                List.of(new Author("Test Author")), List.of("q-bio.PE"), LocalDate.of(2025, 3, 1));
    }

    @Test
    void anIndexLeftEmptyByAKilledRebuildIsRebuiltWhenACommandOpensIt() {
        // What kill -9 during an import's first indexing leaves: CURRENT names an empty generation at sequence 0.
        try (LuceneIndex index = open(embedder.modelId())) {
            int[] fed = {0};
            assertThrows(IllegalStateException.class, () -> index.rebuild(sink -> store.forEach(p -> {
                if (++fed[0] == 6) throw new IllegalStateException("killed");
                sink.accept(new PaperIndex.Entry(p, null));
            }), store.lastSequence()));
        }
        try (LuceneIndex index = open(embedder.modelId())) {
            assertEquals(Optional.empty(), index.rebuildReason(), "nothing in the files says it is incomplete");
            assertEquals(0, index.count());
            List<String> steps = new ArrayList<>();
            new SearchIndexer(store, index, embeddings).bringUpToDate((step, done, total) -> steps.add(step));
            assertEquals(14, index.count());
            assertEquals(store.lastSequence(), index.committedSequence());
            assertTrue(steps.contains("index"), steps.toString());
        }
    }

    @Test
    void anIndexBehindTheStoreCatchesUpWhenACommandOpensIt() {
        try (LuceneIndex index = open(embedder.modelId())) {
            new SearchIndexer(store, index, embeddings).bringUpToDate(SearchIndexer.Progress.NONE);
        }
        // Stored after the index was last committed, as by an import killed between storing and indexing.
        store.upsert(zebra());
        try (LuceneIndex index = open(embedder.modelId())) {
            List<String> steps = new ArrayList<>();
            new SearchIndexer(store, index, embeddings).bringUpToDate((step, done, total) -> steps.add(step));
            index.refresh();
            assertEquals(List.of("2503.00099"), ids(index, "zebra"));
            assertEquals(List.of("catch-up"), steps.stream().distinct().toList(), "one change: caught up, not rebuilt");
        }
    }

    private static Paper zebra() {
        return TestPapers.paper("2503.00099", "Zebra stripes as camouflage", "Stripes confuse biting flies.",
                List.of(new Author("Tim Caro")), List.of("q-bio.PE"), LocalDate.of(2025, 3, 9));
    }

    /** How many papers an embedding run looked at (its last progress report). */
    private static long scanned(SearchIndexer indexer, Embedder e) {
        long[] last = {0};
        indexer.embedMissing(e, (step, done, total) -> last[0] = done, () -> true);
        return last[0];
    }

    @Test
    void embeddingFollowsTheChangeSequenceInsteadOfRescanningEveryPaper() {
        try (LuceneIndex index = open(embedder.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, embeddings);
            indexer.bringUpToDate(SearchIndexer.Progress.NONE);
            assertEquals(14, scanned(indexer, embedder), "the first run looks at every paper");
            assertEquals(0, scanned(indexer, embedder), "nothing changed since");
            store.upsert(zebra());
            indexer.catchUp();
            int before = embedder.passages.get();
            assertEquals(1, scanned(indexer, embedder));
            assertEquals(before + 1, embedder.passages.get());
        }
        try (LuceneIndex index = open(embedder.modelId())) {
            assertEquals(0, scanned(new SearchIndexer(store, index, embeddings), embedder),
                    "the cursor is durable: a new process does not rescan");
        }
        FakeEmbedder other = new FakeEmbedder("fake-other");
        try (LuceneIndex index = open(other.modelId())) {
            SearchIndexer indexer = new SearchIndexer(store, index, new EmbeddingStore(db.jdbi(), other.modelId()));
            indexer.bringUpToDate(SearchIndexer.Progress.NONE);
            assertEquals(15, scanned(indexer, other), "another model: every paper again");
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
        assertNotNull(p);
    }
}
