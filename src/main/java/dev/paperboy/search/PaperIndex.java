package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The search index, derived from the paper store: the search contract every backend implements (Lucene
 * in-process now, OpenSearch later; {@code SearchIndexContract} is the test suite each must pass). Writes
 * become visible to searches within a second; {@link #commit} makes them durable with the store sequence
 * they reach. Backends index {@link IndexDocument#of}'s fields, built from each entry.
 */
public interface PaperIndex extends AutoCloseable {

    /** Opens (or creates) an index of a backend in a directory, for a model and a fusion. */
    interface Opener {
        PaperIndex open(Path dir, String modelId, Fusion fusion);
    }

    /** A paper and its passage vector (null when it has not been embedded yet). */
    record Entry(Paper paper, float[] vector) {}

    /** Adds or replaces papers by id. */
    void upsert(List<Entry> entries);

    /** Removes papers by id (unknown ids are ignored). */
    void delete(List<String> paperIds);

    /** Makes writes durable and records the store change sequence they cover. */
    void commit(long storeSequence);

    /** The store change sequence of the last commit (0 for a new index). */
    long committedSequence();

    /**
     * Embedding catch-up's cursor: every paper changed up to this store sequence has had its vector checked
     * (0: never, so the next run scans every paper). Kept across rebuilds under the same model.
     */
    long embeddedSequence();

    /** Records the embedding cursor durably (with the writes made so far). */
    void commitEmbedded(long sequence);

    /** Why the index must be rebuilt from the store (missing, corrupt, outdated), or empty when it is fine. */
    Optional<String> rebuildReason();

    /**
     * Builds a fresh index from {@code feeder} (which calls the given sink once per paper) and swaps it in
     * atomically; searches keep using the old index until then.
     */
    void rebuild(Consumer<Consumer<Entry>> feeder, long storeSequence);

    /** Makes recent writes visible to searches now rather than at the next periodic refresh. */
    void refresh();

    /** Runs a search; {@code queryVector} is null when the semantic leg is unavailable. */
    SearchResults search(SearchRequest request, float[] queryVector);

    /** The {@code k} papers nearest to this one (itself excluded); BM25 more-like-this without a vector. */
    List<SearchHit> related(String paperId, int k);

    /**
     * Finds, ahead of any view, the {@code k} related papers of indexed papers whose answer is not kept yet (most
     * recently indexed first, as many as the backend keeps), so that a paper page's first view costs what later ones
     * do; asks {@code keepGoing} before each paper. The number of papers whose related papers were found. Backends
     * that keep nothing find nothing.
     */
    default int prepareRelated(int k, BooleanSupplier keepGoing) {
        return 0;
    }

    /** True when the paper is in the index. */
    boolean contains(String paperId);

    long count();

    @Override
    void close();
}
