package dev.paperboy.ingest;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What importing one file did. {@code failures} holds the first failure messages as
 * {@code "<file>:<where>: <reason>"}; {@code skipped} counts paper-like parts of the file that were not taken
 * as papers (each told in {@code notes} as {@code "<file>:<where>: skipped <why>"}); {@code fileError} is set
 * when the file as a whole could not be read (unopenable, no known format, broken compression or structure).
 */
public record ImportReport(
        Path file,
        String format,
        long added,
        long updated,
        long unchanged,
        long failed,
        long skipped,
        List<String> failures,
        List<String> notes,
        Optional<String> fileError) {

    public ImportReport {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
        fileError = fileError == null ? Optional.empty() : fileError;
    }

    /** Records read, whatever became of them. */
    public long records() {
        return added + updated + unchanged + failed;
    }

    /** The CLI's exit code for this file alone: 2 when unreadable, 1 when a record failed, else 0. */
    public int exitCode() {
        if (fileError.isPresent()) return 2;
        return failed > 0 ? 1 : 0;
    }

    /** One line: file, format, the four counts, what was skipped and the file error, when there are. */
    public String summaryLine() {
        String line = file + " (" + (format == null ? "unknown format" : format) + "): "
                + counts(added, updated, unchanged, failed) + skippedPart(skipped);
        return fileError.map(e -> line + "; error: " + e).orElse(line);
    }

    /** One line adding up several files' counts. */
    public static String totalLine(Collection<ImportReport> reports) {
        long a = 0, u = 0, s = 0, f = 0, skipped = 0, broken = 0;
        for (ImportReport r : reports) {
            a += r.added;
            u += r.updated;
            s += r.unchanged;
            f += r.failed;
            skipped += r.skipped;
            if (r.fileError.isPresent()) broken++;
        }
        String line = "total: " + reports.size() + " files, " + counts(a, u, s, f) + skippedPart(skipped);
        return broken == 0 ? line : line + ", " + broken + " unreadable files";
    }

    private static String skippedPart(long skipped) {
        return skipped == 0 ? "" : "; skipped " + skipped + " paper-like paragraph" + (skipped == 1 ? "" : "s");
    }

    private static String counts(long added, long updated, long unchanged, long failed) {
        return added + " new, " + updated + " updated, " + unchanged + " unchanged, " + failed + " failed";
    }
}
