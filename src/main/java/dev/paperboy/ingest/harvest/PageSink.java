package dev.paperboy.ingest.harvest;

import dev.paperboy.ingest.RecordSink;
import dev.paperboy.paper.Paper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Collects one page's papers (keeping only wanted categories) so they are stored in one transaction. */
final class PageSink implements RecordSink {
    private final Set<String> wanted;
    private final Consumer<String> progress;
    final List<Paper> papers = new ArrayList<>();
    int rejected;
    int skipped;
    Optional<String> firstRejection = Optional.empty();

    /** @param wanted categories to keep; empty keeps everything */
    PageSink(Set<String> wanted, Consumer<String> progress) {
        this.wanted = wanted;
        this.progress = progress;
    }

    @Override
    public void accept(Paper paper) {
        if (wanted.isEmpty() || paper.categories().stream().anyMatch(wanted::contains)) {
            papers.add(paper);
        } else {
            skipped++;
        }
    }

    @Override
    public void reject(String where, String reason) {
        rejected++;
        if (firstRejection.isEmpty()) firstRejection = Optional.of(where + ": " + reason);
        progress.accept("  rejected " + where + ": " + reason);
    }

    @Override
    public void note(String message) {
        progress.accept("  " + message);
    }
}
