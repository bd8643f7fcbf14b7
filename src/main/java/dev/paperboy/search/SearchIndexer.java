package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index derived from the store: full rebuilds, incremental catch-up from the store's change
 * sequence, and embedding of papers that lack an up-to-date vector (saved to the database as it goes,
 * so an interrupted run resumes where it stopped).
 */
public final class SearchIndexer {

    /** Receives progress of a long step; {@code total} is -1 when unknown. */
    public interface Progress {
        void report(String step, long done, long total);

        Progress NONE = (step, done, total) -> {};
    }

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int PAGE = 500;
    private static final int EMBED_BATCH = 32;
    private static final int COMMIT_EVERY = 20_000;

    private final PaperStore store;
    private final PaperIndex index;
    private final EmbeddingStore embeddings;
    private final Object catchUpLock = new Object();

    /** {@code embeddings} may be null: the index then carries no vectors. */
    public SearchIndexer(PaperStore store, PaperIndex index, EmbeddingStore embeddings) {
        this.store = store;
        this.index = index;
        this.embeddings = embeddings;
    }

    /** Rebuilds the index when it is missing, corrupt or outdated; true when it did. */
    public boolean rebuildIfNeeded(Progress progress) {
        var reason = index.rebuildReason();
        if (reason.isEmpty()) return false;
        log.info("index: rebuilding, reason=\"{}\"", reason.get());
        rebuild(progress);
        return true;
    }

    /** Rebuilds the whole index from the store, with stored vectors; returns the number of papers. */
    public long rebuild(Progress progress) {
        long sequence = store.lastSequence();
        long total = store.count();
        long[] done = {0};
        index.rebuild(sink -> {
            List<Paper> buffer = new ArrayList<>(PAGE);
            store.forEach(p -> {
                buffer.add(p);
                if (buffer.size() == PAGE) {
                    entries(buffer).forEach(sink);
                    done[0] += buffer.size();
                    buffer.clear();
                    progress.report("index", done[0], total);
                }
            });
            entries(buffer).forEach(sink);
            done[0] += buffer.size();
            progress.report("index", done[0], total);
        }, sequence);
        // Papers stored while rebuilding are picked up from the sequence taken before it started.
        catchUp();
        return done[0];
    }

    /** Applies every store change after the index's committed sequence; returns how many papers. */
    public int catchUp() {
        synchronized (catchUpLock) {
            int applied = 0, uncommitted = 0;
            long seq = index.committedSequence();
            while (true) {
                List<PaperStore.Change> changes = store.changedSince(seq, PAGE);
                if (changes.isEmpty()) break;
                List<Paper> papers = new ArrayList<>(changes.size());
                for (PaperStore.Change c : changes) papers.add(c.paper());
                index.upsert(entries(papers));
                seq = changes.getLast().sequence();
                applied += changes.size();
                uncommitted += changes.size();
                // A commit per page made a big catch-up (an import into an existing index) flush a tiny
                // segment and fsync every 500 papers, and then merge them all; searchers see uncommitted
                // papers anyway, and an interrupted catch-up re-applies at most this many.
                if (uncommitted >= COMMIT_EVERY) {
                    index.commit(seq);
                    uncommitted = 0;
                }
            }
            if (uncommitted > 0) index.commit(seq);
            return applied;
        }
    }

    /** Index entries of these papers, each with its stored vector when that still matches its text. */
    private List<PaperIndex.Entry> entries(List<Paper> papers) {
        if (papers.isEmpty()) return List.of();
        Map<String, EmbeddingStore.Stored> vectors = embeddings == null
                ? Map.of()
                : embeddings.findAll(papers.stream().map(Paper::id).toList());
        List<PaperIndex.Entry> out = new ArrayList<>(papers.size());
        for (Paper p : papers) {
            EmbeddingStore.Stored s = vectors.get(p.id());
            boolean current = s != null && s.contentHash().equals(embeddings.contentHash(p.title(), p.abstractText()));
            out.add(new PaperIndex.Entry(p, current ? s.vector() : null));
        }
        return out;
    }

    /**
     * Embeds every paper without an up-to-date vector, saving each batch before the next, and updates
     * the index; returns how many papers were embedded. Stops early when {@code keepGoing} turns false.
     */
    public long embedMissing(Embedder embedder, Progress progress, BooleanSupplier keepGoing) {
        if (embeddings == null) throw new IllegalStateException("embeddings: no embedding store configured");
        if (!embedder.modelId().equals(embeddings.modelId())) {
            throw new IllegalStateException("embeddings: embedder " + embedder.modelId() + " does not match store "
                    + embeddings.modelId());
        }
        long total = store.count();
        long scanned = 0, embedded = 0, cursor = 0;
        while (keepGoing.getAsBoolean()) {
            List<PaperStore.Change> page = store.changedSince(cursor, PAGE);
            if (page.isEmpty()) break;
            cursor = page.getLast().sequence();
            Map<String, Paper> byId = new LinkedHashMap<>();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (PaperStore.Change c : page) {
                byId.put(c.paper().id(), c.paper());
                hashes.put(c.paper().id(), embeddings.contentHash(c.paper().title(), c.paper().abstractText()));
            }
            List<String> missing = embeddings.missing(hashes);
            for (int i = 0; i < missing.size() && keepGoing.getAsBoolean(); i += EMBED_BATCH) {
                List<Paper> batch = missing.subList(i, Math.min(missing.size(), i + EMBED_BATCH)).stream()
                        .map(byId::get).toList();
                List<float[]> vectors = embedder.embedPassages(batch.stream()
                        .map(p -> new Embedder.Passage(p.title(), p.abstractText())).toList());
                List<EmbeddingStore.Stored> rows = new ArrayList<>(batch.size());
                List<PaperIndex.Entry> entries = new ArrayList<>(batch.size());
                for (int j = 0; j < batch.size(); j++) {
                    Paper p = batch.get(j);
                    rows.add(new EmbeddingStore.Stored(p.id(), hashes.get(p.id()), vectors.get(j)));
                    entries.add(new PaperIndex.Entry(p, vectors.get(j)));
                }
                embeddings.saveAll(rows);
                index.upsert(entries);
                embedded += batch.size();
                progress.report("embed", scanned + i + batch.size(), total);
            }
            scanned += page.size();
            progress.report("embed", scanned, total);
        }
        if (embedded > 0) index.commit(index.committedSequence());
        return embedded;
    }
}
