package dev.paperboy.cli;

import dev.paperboy.search.Embedder;
import dev.paperboy.search.SearchIndexer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paperboy reindex}: rebuilds the search index from the store and embeds what lacks a vector. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database, then embed papers that have no vector yet "
                + "(resumable: finished vectors are kept in the database).")
public final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--no-embed", description = "only rebuild the keyword index; embed later")
    boolean noEmbed;

    private final Supplier<? extends SearchComponents> components;

    public ReindexCommand(Supplier<? extends SearchComponents> components) {
        this.components = components;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (SearchComponents c = components.get()) {
            long start = System.nanoTime();
            long papers = c.indexer().rebuild(progress(err));
            err.printf(Locale.ROOT, "reindex: indexed %d papers in %.1f s%n", papers, (System.nanoTime() - start) / 1e9);
            Optional<Embedder> embedder = noEmbed ? Optional.empty() : c.embedder();
            if (embedder.isPresent()) {
                long t = System.nanoTime();
                long n = c.indexer().embedMissing(embedder.get(), progress(err), () -> !Thread.currentThread().isInterrupted());
                err.printf(Locale.ROOT, "reindex: embedded %d papers in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
            } else {
                err.println("reindex: embedding skipped; `serve` or another `reindex` will catch up");
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("reindex: failed: " + e.getMessage());
            return 1;
        }
    }

    /** Prints a progress line at most every two seconds, and always the last one. */
    static SearchIndexer.Progress progress(PrintWriter err) {
        long[] last = {0};
        return (step, done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] < 2_000_000_000L && done != total) return;
            last[0] = now;
            if (total > 0) {
                err.printf(Locale.ROOT, "reindex: %s %d/%d (%.0f%%)%n", step, done, total, 100.0 * done / total);
            } else {
                err.printf(Locale.ROOT, "reindex: %s %d%n", step, done);
            }
            err.flush();
        };
    }
}
