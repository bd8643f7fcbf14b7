package dev.paperboy.cli;

import dev.paperboy.Config;
import dev.paperboy.jobs.Job;
import dev.paperboy.jobs.Lease;
import dev.paperboy.search.SearchIndexer;
import dev.paperboy.search.embed.Embedder;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperboy reindex}: rebuilds the search index from the store and embeds what lacks a vector. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database, then embed papers that have no vector yet "
                + "(resumable: finished vectors are kept in the database).")
public final class ReindexCommand extends ConfiguredCommand {

    @Option(names = "--no-embed", description = "only rebuild the keyword index; embed later (same as --embed false)")
    boolean noEmbed;

    private final Function<Config, ? extends SearchComponents> components;

    /** The command over the app of the effective config. */
    public ReindexCommand(CliContext ctx) {
        // A missing or outdated index is rebuilt on open (with progress), the rule kept in one place (App);
        // reindex then does not rebuild it again.
        this(ctx, config -> SearchComponents.of(openExisting(ctx, config),
                progress("reindex", new PrintWriter(ctx.err(), true))));
    }

    /** The command over the search parts that {@code components} opens for a config. */
    public ReindexCommand(CliContext ctx, Function<Config, ? extends SearchComponents> components) {
        super(ctx);
        this.components = components;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Config config = config();
        if (noEmbed) config = config.with(Config.Key.EMBED, "false");
        try (SearchComponents c = components.apply(config)) {
            Job job = new Job() {
                @Override
                public String name() {
                    return JOB;
                }

                @Override
                public String run(Lease lease) {
                    return reindex(c, err, lease);
                }
            };
            if (c.jobs().isEmpty()) {
                job.run(() -> {});
                return 0;
            }
            if (c.jobs().get().runOnce(job).isEmpty()) {
                throw new CliException(1, "another reindex of this store is running (its lease is held); "
                        + "try again when it has finished");
            }
            return 0;
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            err.println("reindex: failed: " + e.getMessage());
            return 1;
        }
    }

    /** The job name, and lease, that keeps reindex single-flight across processes. */
    static final String JOB = "reindex";

    private String reindex(SearchComponents c, PrintWriter err, Lease lease) {
        SearchIndexer.Progress progress = renewing(progress("reindex", err), lease);
        long start = System.nanoTime();
        OptionalLong onOpen = c.indexer().rebuiltPapers();
        long papers;
        if (onOpen.isPresent()) { // missing or outdated: opening it rebuilt it just now
            papers = onOpen.getAsLong();
            err.printf(Locale.ROOT, "reindex: indexed %d papers while opening the index%n", papers);
        } else {
            papers = c.indexer().rebuild(progress);
            err.printf(Locale.ROOT, "reindex: indexed %d papers in %.1f s%n", papers, (System.nanoTime() - start) / 1e9);
        }
        Optional<Embedder> embedder = noEmbed ? Optional.empty() : c.embedder();
        if (embedder.isEmpty()) {
            err.println("reindex: embedding skipped; `serve` or another `reindex` will catch up");
            return "indexed " + papers + " papers; embedding skipped";
        }
        long t = System.nanoTime();
        long n = c.indexer().embedMissing(embedder.get(), progress, () -> !Thread.currentThread().isInterrupted());
        err.printf(Locale.ROOT, "reindex: embedded %d papers in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
        return "indexed " + papers + " papers, embedded " + n;
    }

    /** Progress that also renews the lease, at most once a minute, and stops the run when it was lost. */
    private static SearchIndexer.Progress renewing(SearchIndexer.Progress progress, Lease lease) {
        long[] renewed = {System.nanoTime()};
        return (step, done, total) -> {
            progress.report(step, done, total);
            if (System.nanoTime() - renewed[0] < 60_000_000_000L) return;
            renewed[0] = System.nanoTime();
            try {
                lease.renew();
            } catch (Lease.LeaseLost e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    /** Prints a progress line at most every two seconds, and always the last one. */
    static SearchIndexer.Progress progress(String command, PrintWriter err) {
        long[] last = {0};
        return (step, done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] < 2_000_000_000L && done != total) return;
            last[0] = now;
            if (total > 0) {
                err.printf(Locale.ROOT, "%s: %s %d/%d (%.0f%%)%n", command, step, done, total, 100.0 * done / total);
            } else {
                err.printf(Locale.ROOT, "%s: %s %d%n", command, step, done);
            }
            err.flush();
        };
    }
}
