package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.db.Database;
import dev.paperboy.jobs.JdbiJobStore;
import dev.paperboy.jobs.Jobs;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.lucene.LuceneIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexer against the real store on SQLite: rebuild, embedding and a paper stored while serving. */
class JdbiStoreIndexingTest {

    @TempDir
    Path dir;

    @Test
    void theIndexFollowsTheRealStore() throws InterruptedException {
        FakeEmbedder embedder = new FakeEmbedder();
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
                LuceneIndex index = LuceneIndex.open(dir.resolve("index"), embedder.modelId(), SearchDefaults.fusion())) {
            JdbiPaperStore store = new JdbiPaperStore(db);
            store.upsertAll(TestPapers.load());
            SearchIndexer indexer = new SearchIndexer(store, index, new EmbeddingStore(db.jdbi(), embedder.modelId()));
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            assertEquals(14, index.count());
            assertEquals(14, indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true));
            assertEquals(0, indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true));

            SearchService service = new SearchService(index, embedder);
            try (SearchBackground bg = new SearchBackground(indexer, embedder, jobs(db, "me"), Duration.ofMillis(500))) {
                bg.start();
                store.upsert(TestPapers.paper("2503.00097", "Pangolin scales as armour", "Keratin scales protect.",
                        List.of(new Author("Test Author")), List.of("q-bio.PE"), LocalDate.of(2025, 3, 1)));
                long start = System.nanoTime();
                List<String> found = List.of();
                // Hybrid lists every paper through the semantic leg; wait for the new one to lead.
                while (!found.contains("2503.00097") && System.nanoTime() - start < 60_000_000_000L) {
                    Thread.sleep(100);
                    found = ((SearchService.Found) service.search(SearchForm.of("pangolin"))).results().hits().stream()
                            .map(SearchHit::id).toList();
                }
                assertEquals("2503.00097", found.isEmpty() ? null : found.getFirst(), "not searchable within 60 s");
            }
        }
    }

    @Test
    void backgroundEmbeddingIsAJobThatOneProcessRunsAtATime() throws Exception {
        FakeEmbedder embedder = new FakeEmbedder();
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
                LuceneIndex index = LuceneIndex.open(dir.resolve("index"), embedder.modelId(), SearchDefaults.fusion())) {
            JdbiPaperStore store = new JdbiPaperStore(db);
            store.upsertAll(TestPapers.load());
            EmbeddingStore vectors = new EmbeddingStore(db.jdbi(), embedder.modelId());
            SearchIndexer indexer = new SearchIndexer(store, index, vectors);
            indexer.rebuildIfNeeded(SearchIndexer.Progress.NONE);
            JdbiJobStore leases = new JdbiJobStore(db);
            // Another serve process is embedding: its lease is held for the next ten minutes.
            assertTrue(leases.tryAcquire(SearchBackground.EMBED_JOB, "other", Duration.ofMinutes(10), Instant.now()));
            Jobs mine = jobs(db, "me");
            // An hour between scheduled runs: only the calls below embed.
            try (SearchBackground bg = new SearchBackground(indexer, embedder, mine, Duration.ofHours(1))) {
                bg.start();
                assertEquals(Optional.empty(), bg.embedOnce(), "ran although another process holds the lease");
                assertEquals(14, vectors.countMissing());
                leases.release(SearchBackground.EMBED_JOB, "other");
                assertEquals(Optional.of("embedded 14 papers"), bg.embedOnce());
            }
            assertEquals(0, vectors.countMissing());
            assertEquals(Optional.of("embedded 14 papers"), mine.status(SearchBackground.EMBED_JOB).lastSummary());
        }
    }

    private static Jobs jobs(Database db, String holder) {
        JdbiJobStore store = new JdbiJobStore(db);
        return new Jobs(store, store, Clock.systemUTC(), holder, Duration.ofMinutes(10));
    }
}
