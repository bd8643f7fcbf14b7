package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * What every command gets from outside: the environment, the output streams, the clock, whether a person
 * watches (progress lines), and how to open the application for a config.
 */
public record CliContext(
        Map<String, String> env,
        PrintStream out,
        PrintStream err,
        Clock clock,
        boolean interactive,
        Function<Config, App> opener) {

    /** The real process: its environment, stdout/stderr, the system clock, the production App. */
    public static CliContext system() {
        Clock clock = Clock.systemUTC();
        return new CliContext(System.getenv(), System.out, System.err, clock, System.console() != null,
                config -> App.open(config, clock));
    }

    public App open(Config config) {
        return opener.apply(config);
    }
}
