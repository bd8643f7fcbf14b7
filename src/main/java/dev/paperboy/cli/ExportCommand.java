package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.api.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperboy export}: every paper as one JSON line each, the API's paper shape; doubles as a backup. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write every paper as JSON lines (the API's paper shape) to stdout or a file.")
public final class ExportCommand extends ConfiguredCommand {

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically replaced) instead of stdout.")
    Path out;

    @Option(names = "--force", description = "Replace an existing FILE even when the store has no papers.")
    boolean force;

    public ExportCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        var config = config();
        Json json = new Json();
        try (App app = openExisting(ctx, config)) {
            long n;
            // An empty export over an existing file is how a mistyped --data would destroy a good backup.
            if (out != null && Files.exists(out) && !force && app.papers().count() == 0) {
                throw new CliException(1, "the store has no papers; not replacing " + out + " (--force does)");
            }
            if (out == null) {
                Writer w = new BufferedWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8));
                n = writeAll(app, json, w);
                flush(w);
            } else {
                n = writeAtomically(app, json, out);
            }
            ctx.err().println("export: " + n + " papers" + (out == null ? "" : " written to " + out));
        }
        return 0;
    }

    private static long writeAll(App app, Json json, Writer w) {
        long[] count = {0};
        app.papers().forEach(p -> {
            json.writePaper(p, w);
            try {
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("export: unable to write", e);
            }
            count[0]++;
        });
        return count[0];
    }

    // A backup must never be half-written: write a temp file beside the target, then rename it over.
    private static long writeAtomically(App app, Json json, Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            long n;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                n = writeAll(app, json, w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return n;
        } catch (IOException e) {
            throw new CliException(1, "export: unable to write " + target + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    private static void flush(Writer w) {
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("export: unable to write to stdout", e);
        }
    }
}
