package dev.paperboy;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A PaperStore in a map, for tests that need a store to misbehave (subclass and override). */
public class InMemoryPaperStore implements PaperStore {

    private final TreeMap<String, Paper> papers = new TreeMap<>();
    private final TreeMap<String, Long> sequences = new TreeMap<>();
    private long sequence;

    @Override
    public synchronized UpsertResult upsert(Paper paper) {
        Paper stored = papers.get(paper.id());
        Paper merged = paper.mergedWith(stored);
        if (merged.equals(stored)) return UpsertResult.UNCHANGED;
        papers.put(paper.id(), merged);
        sequences.put(paper.id(), ++sequence);
        return stored == null ? UpsertResult.NEW : UpsertResult.UPDATED;
    }

    @Override
    public synchronized List<UpsertResult> upsertAll(List<Paper> batch) {
        return batch.stream().map(this::upsert).toList();
    }

    @Override
    public synchronized Optional<Paper> find(String id) {
        return Optional.ofNullable(papers.get(id));
    }

    @Override
    public synchronized List<Paper> newest(int limit, int offset) {
        return papers.values().stream()
                .sorted(Comparator.comparing((Paper p) -> p.published() == null ? Instant.MIN : p.published())
                        .thenComparing(Paper::id).reversed())
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long count() {
        return papers.size();
    }

    @Override
    public void forEach(Consumer<Paper> action) {
        List<Paper> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(papers.values());
        }
        snapshot.forEach(action);
    }

    @Override
    public synchronized List<Change> changedSince(long since, int limit) {
        return sequences.entrySet().stream()
                .filter(e -> e.getValue() > since)
                .sorted(java.util.Map.Entry.comparingByValue())
                .limit(limit)
                .map(e -> new Change(e.getValue(), papers.get(e.getKey())))
                .toList();
    }

    @Override
    public synchronized long lastSequence() {
        return sequence;
    }
}
