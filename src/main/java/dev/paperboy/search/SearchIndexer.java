package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.EmbeddingStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
    /** While scanning pages that need no embedding, the cursor is committed every this many pages. */
    private static final int COMMIT_PAGES = 20;
    /** A long catch-up commits every this many papers (and at its end). */
    private static final int COMMIT_EVERY = 20_000;

    private final PaperStore store;
    private final PaperIndex index;
    private final EmbeddingStore embeddings;
    private final Object catchUpLock = new Object();
    /** Papers indexed by this process's last full rebuild; -1 before one. */
    private volatile long rebuiltPapers = -1;

    /** {@code embeddings} may be null: the index then carries no vectors. */
    public SearchIndexer(PaperStore store, PaperIndex index, EmbeddingStore embeddings) {
        this.store = store;
        this.index = index;
        this.embeddings = embeddings;
    }

    /**
     * Makes the index answer for the store as it is now, as every command that opens it must: a missing,
     * corrupt or outdated index is rebuilt; one behind the store's last change (a process died while
     * indexing: an import killed mid-rebuild leaves an empty index at sequence 0) catches up, or is rebuilt
     * when more changes are missing than papers are indexed (a parallel rebuild is then the faster way).
     */
    public void bringUpToDate(Progress progress) {
        if (rebuildIfNeeded(progress)) return;
        long have = index.committedSequence();
        long want = store.lastSequence();
        if (have >= want) return;
        long indexed = index.count();
        if (want - have > indexed) {
            log.info("index: behind the store, rebuilding, indexed_sequence={} store_sequence={} papers={}", have,
                    want, indexed);
            rebuild(progress);
        } else {
            catchUp(progress);
            // The command searches next: it must see the changes now, not at the next periodic refresh.
            index.refresh();
        }
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
        rebuiltPapers = done[0];
        return done[0];
    }

    /**
     * How many papers this process's last full rebuild indexed, if it made one: {@code reindex} on an index that
     * was missing or outdated finds it rebuilt on open and does not rebuild it a second time.
     */
    public OptionalLong rebuiltPapers() {
        long n = rebuiltPapers;
        return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** Applies every store change after the index's committed sequence; returns how many papers. */
    public int catchUp() {
        return catchUp(Progress.NONE);
    }

    /** {@link #catchUp()}, reporting the changes applied against those missing when it started. */
    public int catchUp(Progress progress) {
        synchronized (catchUpLock) {
            int applied = 0, uncommitted = 0;
            long seq = index.committedSequence();
            long missing = Math.max(0, store.lastSequence() - seq);
            while (true) {
                List<PaperStore.Change> changes = store.changedSince(seq, PAGE);
                if (changes.isEmpty()) break;
                List<Paper> papers = new ArrayList<>(changes.size());
                for (PaperStore.Change c : changes) papers.add(c.paper());
                index.upsert(entries(papers));
                seq = changes.getLast().sequence();
                applied += changes.size();
                progress.report("catch-up", applied, Math.max(missing, applied));
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
     * Finds the related papers of indexed papers ahead of their pages' first views (PaperIndex.prepareRelated, as
     * many as pages show); the number found.
     */
    public int prepareRelated(BooleanSupplier keepGoing) {
        return index.prepareRelated(SearchDefaults.RELATED, keepGoing);
    }

    /**
     * Embeds the papers without an up-to-date vector, saving each batch before the next, and updates the
     * index; returns how many papers were embedded. Follows the store's change sequence from the index's
     * embedding cursor, so a run looks only at papers changed since the last one; the first run (or the
     * first after a model change, which rebuilds the index) scans every paper. Stops early when
     * {@code keepGoing} turns false; the cursor then stays before the unfinished page.
     */
    public long embedMissing(Embedder embedder, Progress progress, BooleanSupplier keepGoing) {
        if (embeddings == null) throw new IllegalStateException("embeddings: no embedding store configured");
        if (!embedder.modelId().equals(embeddings.modelId())) {
            throw new IllegalStateException("embeddings: embedder " + embedder.modelId() + " does not match store "
                    + embeddings.modelId());
        }
        long cursor = index.embeddedSequence();
        long committed = cursor;
        // A full scan counts papers; following changes, their number is only bounded by the sequence gap.
        long total = cursor == 0 ? store.count() : -1;
        long scanned = 0, embedded = 0;
        int pages = 0;
        while (keepGoing.getAsBoolean()) {
            List<PaperStore.Change> page = store.changedSince(cursor, PAGE);
            if (page.isEmpty()) break;
            Map<String, Paper> byId = new LinkedHashMap<>();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (PaperStore.Change c : page) {
                byId.put(c.paper().id(), c.paper());
                hashes.put(c.paper().id(), embeddings.contentHash(c.paper().title(), c.paper().abstractText()));
            }
            List<String> missing = embeddings.missing(hashes);
            int done = 0;
            for (; done < missing.size() && keepGoing.getAsBoolean(); done += EMBED_BATCH) {
                List<Paper> batch = missing.subList(done, Math.min(missing.size(), done + EMBED_BATCH)).stream()
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
                progress.report("embed", scanned + done + batch.size(), total);
            }
            if (done < missing.size()) break; // stopped mid-page: the cursor stays before it
            cursor = page.getLast().sequence();
            scanned += page.size();
            progress.report("embed", scanned, total);
            // Durable now and then, so a long first scan killed halfway does not start over.
            if (!missing.isEmpty() || ++pages % COMMIT_PAGES == 0) {
                index.commitEmbedded(cursor);
                committed = cursor;
            }
        }
        if (cursor != committed || embedded > 0) index.commitEmbedded(cursor);
        return embedded;
    }
}
