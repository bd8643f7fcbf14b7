package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Main;
import dev.paperboy.paper.PaperStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;

/** Runs {@code paperboy} in-process with captured output, a fixed clock and the given environment. */
final class CliRun {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    record Result(int exitCode, String out, String err) {}

    private CliRun() {}

    /** Runs against the real store (SQLite in the configured data dir). */
    static Result run(Map<String, String> env, String... args) {
        return run(env, config -> App.open(config, CLOCK), args);
    }

    /** Runs with the given paper store behind a real database in the configured data dir. */
    static Result run(Map<String, String> env, PaperStore store, String... args) {
        return run(env, config -> App.open(config, CLOCK, db -> store), args);
    }

    /** Opens the real store of this environment's config, for setting up and checking what commands did. */
    static App open(Map<String, String> env) {
        return App.open(Config.load(env, Map.of()), CLOCK);
    }

    /** Runs against the real store as if a person watched the terminal. */
    static Result runInteractive(Map<String, String> env, String... args) {
        return run(env, config -> App.open(config, CLOCK), true, args);
    }

    private static Result run(Map<String, String> env, Function<Config, App> opener, String... args) {
        return run(env, opener, false, args);
    }

    private static Result run(Map<String, String> env, Function<Config, App> opener, boolean interactive,
                              String... args) {
        // Commands that store papers embed them before they end; the real model would cost these tests
        // seconds per paper set, and they are not about search. Tests of embedding set PAPERBOY_EMBED themselves.
        if (!env.containsKey("PAPERBOY_EMBED")) {
            env = new java.util.HashMap<>(env);
            env.put("PAPERBOY_EMBED", "false");
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var ctx = new CliContext(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, interactive, opener);
        int code = Main.run(args, ctx);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
