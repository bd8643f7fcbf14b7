package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.search.SearchIndexer;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** A command that takes every {@link Config} setting as a flag and reads its effective config. */
abstract class ConfiguredCommand implements Callable<Integer> {

    /** Exit code for bad configuration or usage. */
    static final int USAGE = 2;

    protected final CliContext ctx;

    @Spec
    CommandSpec spec;

    ConfiguredCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Adds a {@code --name VALUE} flag for every config setting to a command, so new settings need no CLI code. */
    static void addConfigFlags(CommandSpec spec) {
        for (Config.Key key : Config.Key.values()) {
            String dflt = key.defaultValue().isEmpty() ? "" : " Default: " + key.defaultValue() + ".";
            spec.addOption(OptionSpec.builder(key.flag())
                    .paramLabel(key.name().replace('_', '-'))
                    .type(String.class)
                    .description(key.description() + " Env: " + key.envVar() + "." + dflt)
                    .build());
        }
    }

    /** The flag values the user gave, by setting. */
    Map<Config.Key, String> flagValues() {
        Map<Config.Key, String> flags = new EnumMap<>(Config.Key.class);
        for (Config.Key key : Config.Key.values()) {
            OptionSpec o = spec.findOption(key.flag());
            if (o != null && o.getValue() != null) flags.put(key, o.getValue());
        }
        return flags;
    }

    /** Defaults ← environment ← flags, not yet validated. */
    Config loadConfig() {
        return Config.load(ctx.env(), flagValues());
    }

    /** The effective config; invalid settings end the command with exit code 2, one line per problem. */
    Config config() {
        Config config = loadConfig();
        var problems = config.validate();
        if (!problems.isEmpty()) throw new CliException(USAGE, String.join(System.lineSeparator(), problems));
        return config;
    }

    /**
     * Opens the app over the store the config names, which must exist: only {@code serve}, {@code import}
     * and {@code harvest} create one (with {@code ctx.open}). A missing store ends the command, exit 1.
     */
    static App openExisting(CliContext ctx, Config config) {
        App.missingStore(config).ifPresent(problem -> {
            throw new CliException(1, problem);
        });
        return ctx.open(config);
    }

    /** The config with embedding switched off when {@code noEmbed} (the {@code --no-embed} flag) is set. */
    static Config embedFlag(Config config, boolean noEmbed) {
        return noEmbed ? config.with(Config.Key.EMBED, "false") : config;
    }

    /**
     * Brings the search index up to date with the store and, unless embedding is off, embeds the papers
     * that lack a vector, with progress (redrawn in place on a terminal). Failures are reported, not thrown:
     * the papers are stored and {@code serve} or {@code reindex} catch up later.
     */
    void catchUpSearch(App app, String command) {
        PrintWriter err = new PrintWriter(ctx.err(), true);
        SearchIndexer.Progress progress = ctx.interactive()
                ? new InPlace(command, err)
                : ReindexCommand.progress(command, err);
        try {
            App.Search search = app.search(progress);
            search.indexer().catchUp();
            if (search.embedder().isEmpty()) return; // embed=false: serve or reindex embed later
            long n = search.indexer().embedMissing(search.embedder().get(), progress,
                    () -> !Thread.currentThread().isInterrupted());
            if (progress instanceof InPlace p) p.clear();
            if (n > 0) err.println(command + ": embedded " + n + " papers for search");
        } catch (RuntimeException e) {
            if (progress instanceof InPlace p) p.clear();
            err.println(command + ": search index not updated (" + e.getMessage()
                    + "); `serve` or `reindex` will catch up");
        } finally {
            if (progress instanceof InPlace p) p.clear();
        }
    }

    /** A progress line redrawn in place at most four times a second, erased when done. */
    private static final class InPlace implements SearchIndexer.Progress {
        private final String command;
        private final PrintWriter err;
        private long lastDrawn;
        private int width;

        InPlace(String command, PrintWriter err) {
            this.command = command;
            this.err = err;
        }

        @Override
        public void report(String step, long done, long total) {
            long now = System.nanoTime();
            if (width > 0 && now - lastDrawn < 250_000_000L && done != total) return;
            lastDrawn = now;
            String line = total > 0
                    ? String.format(java.util.Locale.ROOT, "%s: %s %d/%d (%.0f%%)", command, step, done, total,
                            100.0 * done / total)
                    : command + ": " + step + " " + done;
            width = Math.max(width, line.length());
            err.print("\r" + line);
            err.flush();
        }

        void clear() {
            if (width > 0) err.print("\r" + " ".repeat(width) + "\r");
            width = 0;
            err.flush();
        }
    }
}
