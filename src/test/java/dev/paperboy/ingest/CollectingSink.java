package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a parser emits, for assertions. */
public class CollectingSink implements RecordSink {
    public final List<Paper> papers = new ArrayList<>();
    public final List<String> rejects = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final List<String> skips = new ArrayList<>();

    @Override
    public void accept(Paper paper) {
        papers.add(paper);
    }

    @Override
    public void reject(String where, String reason) {
        rejects.add(where + ": " + reason);
    }

    @Override
    public void skip(String where, String reason) {
        skips.add(where + ": " + reason);
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    public Paper paper(String id) {
        return papers.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no paper " + id + " in " + papers.stream().map(Paper::id).toList()));
    }

    public List<String> ids() {
        return papers.stream().map(Paper::id).toList();
    }
}
