package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A paper store in memory with a change sequence, for tests of incremental indexing. */
final class InMemoryPaperStore implements PaperStore {
    private final TreeMap<String, Change> byId = new TreeMap<>();
    private long sequence;

    @Override
    public synchronized UpsertResult upsert(Paper paper) {
        Change old = byId.get(paper.id());
        Paper merged = paper.mergedWith(old == null ? null : old.paper());
        if (old != null && merged.equals(old.paper())) return UpsertResult.UNCHANGED;
        byId.put(paper.id(), new Change(++sequence, merged));
        return old == null ? UpsertResult.NEW : UpsertResult.UPDATED;
    }

    @Override
    public synchronized List<UpsertResult> upsertAll(List<Paper> papers) {
        return papers.stream().map(this::upsert).toList();
    }

    @Override
    public synchronized Optional<Paper> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Change::paper);
    }

    @Override
    public synchronized List<Paper> newest(int limit, int offset) {
        return byId.values().stream().map(Change::paper).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long count() {
        return byId.size();
    }

    @Override
    public void forEach(Consumer<Paper> action) {
        List<Paper> all;
        synchronized (this) {
            all = byId.values().stream().map(Change::paper).toList();
        }
        all.forEach(action);
    }

    @Override
    public synchronized List<Change> changedSince(long since, int limit) {
        List<Change> out = new ArrayList<>();
        byId.values().stream().filter(c -> c.sequence() > since).sorted(Comparator.comparingLong(Change::sequence))
                .limit(limit).forEach(out::add);
        return out;
    }

    @Override
    public synchronized long lastSequence() {
        return sequence;
    }
}
