package dev.paperboy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * How much the process logs on stderr, decided once at start before any logger exists: commands are
 * quiet (warnings and errors of Paperboy, errors of libraries), {@code serve} also logs what Paperboy does
 * (info), and {@code --verbose} adds the libraries' info lines and Paperboy's debug lines.
 */
final class Logging {
    /** The flag that asks for more; every command accepts it. */
    static final String VERBOSE = "--verbose";

    private Logging() {}

    /** Sets the log levels for this command line; call first thing in {@code main}. */
    static void configure(String[] args) {
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals(VERBOSE)) verbose = true;
        }
        boolean serve = args.length > 0 && args[0].equals("serve");
        // slf4j-simple reads system properties before its properties file, once, at the first logger.
        String ours = verbose ? "debug" : serve ? "info" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.dev.paperboy", ours);
        if (verbose) System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "info");
        configureJdkLogging(verbose);
    }

    /** Lucene logs through java.util.logging: one line per event like slf4j-simple, warnings only by default. */
    private static void configureJdkLogging(boolean verbose) {
        String config = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=%1$tFT%1$tT.%1$tLZ %4$s %3$s - %5$s%6$s%n",
                ".level=" + (verbose ? "INFO" : "WARNING"),
                // Lucene's advice to add the incubator vector module, which the launcher leaves out on purpose.
                "org.apache.lucene.internal.vectorization.level=" + (verbose ? "INFO" : "SEVERE"),
                "");
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("logging: unable to configure java.util.logging", e);
        }
    }
}
