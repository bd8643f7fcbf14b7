package dev.paperboy.search.lucene;

import dev.paperboy.lens.LensExtractor;
import dev.paperboy.search.Fusion;
import dev.paperboy.search.IndexDocument;
import dev.paperboy.search.IndexInUseException;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper index in Lucene. The root directory holds numbered generations and a {@code CURRENT} file
 * naming the live one ({@link Generations}); a rebuild writes a new generation and then replaces
 * {@code CURRENT} atomically, so a crash at any point leaves either the old index or the new one.
 */
public final class LuceneIndex implements PaperIndex {

    /**
     * Bumped whenever documents or analysis change; an index with another value is rebuilt (4: accent folding;
     * 5: snippets from the text field's offsets, no separate abstract postings).
     */
    public static final int SCHEMA_VERSION = 5;

    /** The file in the index root naming the live generation. */
    public static final String CURRENT = Generations.CURRENT;

    private static final long REFRESH_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    // Stateless and thread-safe: rebuild threads share it.
    private final LensExtractor lens = new LensExtractor();
    private final Generations generations;
    private final LuceneSearch searches;
    private final ScheduledExecutorService refresher;
    private final Object writeLock = new Object();
    private volatile Generations.Generation live;
    private volatile String rebuildReason;
    // The embedding cursor: kept across rebuilds unless the model changed (docs/search.md).
    private volatile long embeddedSequence;
    private final RelatedCache relatedCache = new RelatedCache();

    private LuceneIndex(Path root, String modelId, Fusion fusion, int lensVersion) {
        Analyzer text = Analyzers.text();
        Analyzer names = Analyzers.names();
        Analyzer analyzer = Analyzers.perField(text, names);
        this.generations = new Generations(root, modelId, lensVersion, analyzer);
        this.searches = new LuceneSearch(new LuceneQueries(text, names), fusion, analyzer, text);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the index under {@code root}, creating it when missing. A missing, corrupt or outdated index
     * opens empty with {@link #rebuildReason()} set: the caller rebuilds it from the store. Another process
     * holding the index is an {@link IndexInUseException}.
     */
    public static LuceneIndex open(Path root, String modelId, Fusion fusion) {
        return open(root, modelId, fusion, LensExtractor.VERSION);
    }

    /** Opens the index as if the lens extractor had version {@code lensVersion} (tests of version changes). */
    public static LuceneIndex open(Path root, String modelId, Fusion fusion, int lensVersion) {
        LuceneIndex index = new LuceneIndex(root, modelId, fusion, lensVersion);
        try {
            Files.createDirectories(root);
            index.openLive();
        } catch (IOException e) {
            index.close();
            throw new UncheckedIOException("index: unable to open " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        index.refresher.scheduleWithFixedDelay(index::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS,
                TimeUnit.MILLISECONDS);
        return index;
    }

    private void openLive() throws IOException {
        Generations.Usable current = generations.current();
        if (current.dir().isPresent()) {
            live = generations.open(current.dir().get());
            embeddedSequence = Generations.committed(live, Generations.KEY_EMBEDDED);
            generations.deleteAllBut(current.dir().get());
            return;
        }
        generations.checkNotHeld();
        rebuildReason = current.problem();
        embeddedSequence = current.embeddedSequence();
        log.info("index: will rebuild, reason=\"{}\"", rebuildReason);
        Path fresh = generations.newDir();
        Generations.Generation g = generations.open(fresh);
        generations.commit(g, 0, embeddedSequence);
        live = g;
        generations.makeCurrent(fresh);
        generations.deleteAllBut(fresh);
    }

    @Override
    public Optional<String> rebuildReason() {
        return Optional.ofNullable(rebuildReason);
    }

    private Document document(Entry e) {
        return LuceneDocuments.of(IndexDocument.of(e.paper(), e.vector(), lens));
    }

    @Override
    public void upsert(List<Entry> entries) {
        synchronized (writeLock) {
            IndexWriter w = live.writer();
            try {
                for (Entry e : entries) w.updateDocument(new Term(Fields.ID, e.paper().id()), document(e));
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to add papers: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void delete(List<String> paperIds) {
        synchronized (writeLock) {
            try {
                for (String id : paperIds) live.writer().deleteDocuments(new Term(Fields.ID, id));
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to delete papers: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void commit(long storeSequence) {
        synchronized (writeLock) {
            try {
                generations.commit(live, storeSequence, embeddedSequence);
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to commit: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public long committedSequence() {
        return Generations.committed(live, Generations.KEY_SEQUENCE);
    }

    @Override
    public long embeddedSequence() {
        return embeddedSequence;
    }

    @Override
    public void commitEmbedded(long sequence) {
        synchronized (writeLock) {
            embeddedSequence = sequence;
            commit(committedSequence());
        }
    }

    @Override
    public void rebuild(Consumer<Consumer<Entry>> feeder, long storeSequence) {
        Generations.Generation fresh = null;
        try {
            Path dir;
            synchronized (writeLock) {
                dir = generations.newDir();
            }
            fresh = generations.open(dir);
            IndexWriter w = fresh.writer();
            long vectors = addAll(w, feeder);
            // One segment: every query then walks the HNSW graph once instead of once per segment (five after
            // a parallel 86k rebuild); cheaper hybrid queries, docs/search.md. Without vectors the merge buys
            // keyword search little and cost a third of an 86k rebuild on one core; embedding adds them later.
            if (vectors > 0) w.forceMerge(1);
            generations.commit(fresh, storeSequence, embeddedSequence);
            fresh.searchers().maybeRefresh();
            Generations.Generation old;
            synchronized (writeLock) {
                generations.makeCurrent(dir);
                old = live;
                live = fresh;
                rebuildReason = null;
            }
            Generations.close(old);
            generations.deleteAllBut(dir);
        } catch (IOException | UncheckedIOException e) {
            Generations.close(fresh);
            throw new IllegalStateException("index: unable to rebuild: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Generations.close(fresh);
            throw e;
        }
    }

    /**
     * Adds every fed paper, documents built on every core (IndexWriter is thread-safe; the lens is the cost);
     * returns how many carried a vector.
     */
    private long addAll(IndexWriter w, Consumer<Consumer<Entry>> feeder) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "index-rebuild");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 64);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] vectors = {0};
        try {
            feeder.accept(e -> {
                if (failure.get() != null) throw new IllegalStateException(failure.get().getMessage(), failure.get());
                if (e.vector() != null) vectors[0]++;
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        // A fresh generation holds each id once (the store feeds each paper once).
                        w.addDocument(document(e));
                    } catch (IOException | RuntimeException ex) {
                        failure.compareAndSet(null, ex);
                    } finally {
                        inFlight.release();
                    }
                });
            });
            // The buffers still in memory are written at commit on one thread (a third of an 86k rebuild's
            // wall time on two cores); writing them here, one per core, spreads that over every core.
            inFlight.acquireUninterruptibly(threads * 64);
            inFlight.release(threads * 64);
            for (int i = 0; i < threads && failure.get() == null; i++) {
                pool.execute(() -> {
                    try {
                        while (w.flushNextBuffer()) {
                            // one buffer per call; another thread may take the next one
                        }
                    } catch (IOException | RuntimeException ex) {
                        failure.compareAndSet(null, ex);
                    }
                });
            }
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while rebuilding", ie);
            }
        }
        if (failure.get() != null) throw new IOException(failure.get().getMessage(), failure.get());
        return vectors[0];
    }

    @Override
    public void refresh() {
        try {
            live.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("index: unable to refresh: " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            // Swapped out by a rebuild; the new generation is already fresh.
        }
    }

    private void refreshQuietly() {
        try {
            live.searchers().maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("index: periodic refresh failed: {}", e.getMessage());
        }
    }

    @Override
    public long count() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public boolean contains(String paperId) {
        return withSearcher(s -> s.count(new TermQuery(new Term(Fields.ID, paperId))) > 0);
    }

    @Override
    public SearchResults search(SearchRequest request, float[] queryVector) {
        return withSearcher(s -> searches.search(s, request, queryVector));
    }

    @Override
    public List<SearchHit> related(String paperId, int k) {
        if (k < 1) return List.of();
        int n = Math.min(k, SearchRequest.MAX_LIMIT);
        return withSearcher(s -> {
            // A MoreLikeThis query over every paper (or a KNN walk) per paper page view would be most of the page's
            // cost: each paper's answer is kept as ids (RelatedCache) and only turned into hits per view.
            Object generation = ((DirectoryReader) s.getIndexReader()).directory();
            int papers = s.getIndexReader().numDocs();
            RelatedCache.Kept kept = relatedCache.get(generation, paperId, n, papers);
            if (kept != null && (kept.byVector() || !searches.hasVector(s, paperId))) {
                return searches.hitsOf(s, kept.ids(), kept.scores());
            }
            RelatedCache.Kept found = findRelated(s, generation, paperId, n, papers);
            return searches.hitsOf(s, found.ids(), found.scores());
        });
    }

    /**
     * Walks the papers from the most recently indexed back, finding the related papers of each one not kept yet, up
     * to {@link RelatedCache#PREPARED} papers (the rest of the cache is left to the papers people open).
     */
    @Override
    public int prepareRelated(int k, BooleanSupplier keepGoing) {
        if (k < 1) return 0;
        int n = Math.min(k, SearchRequest.MAX_LIMIT);
        return withSearcher(s -> {
            Object generation = ((DirectoryReader) s.getIndexReader()).directory();
            int papers = s.getIndexReader().numDocs();
            Bits live = MultiBits.getLiveDocs(s.getIndexReader());
            StoredFields stored = s.storedFields();
            int seen = 0;
            int found = 0;
            for (int doc = s.getIndexReader().maxDoc() - 1; doc >= 0 && seen < RelatedCache.PREPARED; doc--) {
                if (live != null && !live.get(doc)) continue;
                seen++;
                String id = stored.document(doc, ID_ONLY).get(Fields.ID);
                if (relatedCache.get(generation, id, n, papers) != null) continue;
                if (!keepGoing.getAsBoolean()) break;
                findRelated(s, generation, id, n, papers);
                found++;
            }
            return found;
        });
    }

    private static final Set<String> ID_ONLY = Set.of(Fields.ID);

    private RelatedCache.Kept findRelated(IndexSearcher s, Object generation, String paperId, int n, int papers)
            throws IOException {
        LuceneSearch.Related found = searches.related(s, paperId, n);
        RelatedCache.Kept kept = RelatedCache.Kept.of(found.ids(), found.scores(), found.byVector(), papers);
        relatedCache.put(generation, paperId, n, kept);
        return kept;
    }

    private interface SearcherFunction<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> f) {
        for (int attempt = 0; ; attempt++) {
            SearcherManager m = live.searchers();
            IndexSearcher s;
            try {
                s = m.acquire();
            } catch (AlreadyClosedException e) {
                // A rebuild swapped generations between reading `live` and acquiring: try the new one.
                if (attempt < 3) continue;
                throw new IllegalStateException("index: closed", e);
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to open a searcher: " + e.getMessage(), e);
            }
            try {
                return f.apply(s);
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to search: " + e.getMessage(), e);
            } finally {
                try {
                    m.release(s);
                } catch (IOException e) {
                    log.warn("index: unable to release searcher: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        synchronized (writeLock) {
            Generations.close(live);
            live = null;
        }
    }
}
