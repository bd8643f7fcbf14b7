package dev.paperboy.paper;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Papers, the source of truth everything else is derived from. */
public interface PaperStore {

    /**
     * Stores one paper atomically, merged with what is stored ({@link Paper#mergedWith}): a newer
     * version replaces an older one, an older one only fills gaps, an identical record changes nothing.
     */
    UpsertResult upsert(Paper paper);

    /** Stores a batch in one transaction; results are in input order. */
    List<UpsertResult> upsertAll(List<Paper> papers);

    Optional<Paper> find(String id);

    /** The stored papers with these ids, keyed by id (unknown ids are absent); stores override it with one read. */
    default java.util.Map<String, Paper> findAll(java.util.Collection<String> ids) {
        java.util.Map<String, Paper> out = new java.util.HashMap<>();
        for (String id : ids) find(id).ifPresent(p -> out.put(p.id(), p));
        return out;
    }

    /** Newest first (by first-version date, then id). */
    List<Paper> newest(int limit, int offset);

    long count();

    /** Every paper in id order, streamed without holding them all in memory. */
    void forEach(Consumer<Paper> action);

    /** Papers whose stored row changed after {@code sequence}, in change order; drives incremental indexing. */
    List<Change> changedSince(long sequence, int limit);

    /** The change sequence of the latest write (0 when empty). */
    long lastSequence();

    /** A paper and the change sequence of its latest write. */
    record Change(long sequence, Paper paper) {}
}
