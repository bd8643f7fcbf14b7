package dev.paperboy;

import dev.paperboy.paper.Canonical;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperRevision;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A PaperStore in a map, with the merge rules of the real one; batches apply all or nothing. Listings are
 * {@link PaperStore}'s reference defaults. {@code InMemoryPaperStoreTest} runs the store contract on it. Tests
 * that need a store to misbehave set {@code poisonId} / {@code crashAfter} or subclass it.
 */
public class InMemoryPaperStore implements PaperStore {
    private final Map<String, Paper> papers = new TreeMap<>();
    private final Map<String, Long> sequences = new TreeMap<>();
    private final Map<String, List<PaperRevision>> revisions = new TreeMap<>();
    private long sequence;
    /** A paper id the store refuses, as a constraint violation would. */
    public String poisonId;
    /** Upserts left before the process "dies" (an Error nobody catches); negative means never. */
    public int crashAfter = -1;

    /** Thrown to stand in for a kill -9 in the middle of a batch. */
    public static final class SimulatedKill extends Error {
        SimulatedKill() {
            super("simulated kill");
        }
    }

    @Override
    public synchronized UpsertResult upsert(Paper paper) {
        if (crashAfter == 0) throw new SimulatedKill();
        if (crashAfter > 0) crashAfter--;
        if (paper.id().equals(poisonId)) throw new IllegalStateException("constraint violated by " + poisonId);
        Paper stored = papers.get(paper.id());
        Paper merged = Canonical.of(Canonical.of(paper).mergedWith(stored));
        if (merged.equals(stored)) return UpsertResult.UNCHANGED;
        PaperRevision.between(stored, merged)
                .ifPresent(r -> revisions.computeIfAbsent(paper.id(), k -> new ArrayList<>()).add(r));
        papers.put(paper.id(), merged);
        sequences.put(paper.id(), ++sequence);
        return stored == null ? UpsertResult.NEW : UpsertResult.UPDATED;
    }

    @Override
    public synchronized List<UpsertResult> upsertAll(List<Paper> batch) {
        Map<String, Paper> before = new TreeMap<>(papers);
        Map<String, Long> seqBefore = new TreeMap<>(sequences);
        Map<String, List<PaperRevision>> revisionsBefore = new TreeMap<>();
        revisions.forEach((id, list) -> revisionsBefore.put(id, new ArrayList<>(list)));
        long sequenceBefore = sequence;
        try {
            List<UpsertResult> out = new ArrayList<>(batch.size());
            for (Paper p : batch) out.add(upsert(p));
            return out;
        } catch (RuntimeException | Error e) {
            // One transaction: whatever stopped it, nothing of the batch stays.
            papers.clear();
            papers.putAll(before);
            sequences.clear();
            sequences.putAll(seqBefore);
            sequence = sequenceBefore;
            revisions.clear();
            revisions.putAll(revisionsBefore);
            if (e instanceof IllegalStateException) {
                // The real store's message for a failed batch.
                throw new IllegalStateException("store: unable to upsert " + batch.size() + " papers (first "
                        + batch.getFirst().id() + "): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public synchronized Optional<Paper> find(String id) {
        return Optional.ofNullable(papers.get(id));
    }

    @Override
    public synchronized List<PaperRevision> revisions(String id) {
        return List.copyOf(revisions.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<Paper> newest(int limit, int offset) {
        return papers.values().stream()
                .sorted(Comparator.comparing(Paper::published, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Paper::id, Comparator.reverseOrder()))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long count() {
        return papers.size();
    }

    @Override
    public synchronized void forEach(Consumer<Paper> action) {
        List.copyOf(papers.values()).forEach(action);
    }

    @Override
    public synchronized List<Change> changedSince(long since, int limit) {
        return sequences.entrySet().stream()
                .filter(e -> e.getValue() > since)
                .sorted(Map.Entry.comparingByValue())
                .limit(limit)
                .map(e -> new Change(e.getValue(), papers.get(e.getKey())))
                .toList();
    }

    @Override
    public synchronized long lastSequence() {
        return sequence;
    }
}
