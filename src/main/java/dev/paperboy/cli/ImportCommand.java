package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.ingest.Admission;
import dev.paperboy.ingest.FileImporter;
import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.ImportReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy import FILE…}: papers from files of any known format, each file reported on one line. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import papers from files; the format is detected from the content, .gz is read as is.",
                "Exit 0 when all is stored, 1 when a record failed, 2 when a file is unreadable or of no known format."})
public final class ImportCommand extends ConfiguredCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = "--no-embed", description = "Do not embed the stored papers for search now (same as --embed false).")
    boolean noEmbed;

    public ImportCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        var config = embedFlag(config(), noEmbed);
        List<ImportReport> reports = new ArrayList<>();
        int exit = 0;
        try (App app = ctx.open(config)) {
            FileImporter importer = app.fileImporter();
            for (Path file : files) {
                ProgressLine progress = ctx.interactive() ? new ProgressLine(file) : null;
                ImportReport report = importer.importFile(file, progress == null ? ImportProgress.NONE : progress);
                if (progress != null) progress.clear();
                report.failures().forEach(ctx.err()::println);
                long unshown = report.failed() - report.failures().size();
                if (unshown > 0) ctx.err().println(file + ": … and " + unshown + " more failed records");
                printNotes(file, report.notes());
                ctx.out().println(report.summaryLine());
                reports.add(report);
                exit = Math.max(exit, report.exitCode());
            }
            catchUpSearch(app, "import");
        }
        ctx.out().println(ImportReport.totalLine(reports));
        return exit;
    }

    /** Notes shown per file before like ones are summed up; {@code --verbose} shows them all. */
    static final int NOTES_SHOWN = 3;

    /**
     * The file's notes on stderr. Notes of one kind (categories that are not arXiv's: listings carry MSC and ACM
     * classes there, on thousands of records of a large file) show the first few and then a count.
     */
    private void printNotes(Path file, List<String> notes) {
        boolean verbose = spec.commandLine().getParseResult().hasMatchedOption("--verbose");
        int dropped = 0;
        for (String note : notes) {
            if (!verbose && note.contains(Admission.DROPPED_CATEGORIES) && ++dropped > NOTES_SHOWN) continue;
            ctx.err().println(note);
        }
        if (dropped > NOTES_SHOWN) {
            ctx.err().println(file + ": … and " + (dropped - NOTES_SHOWN) + " more records with " + Admission.DROPPED_CATEGORIES
                    + " (MSC or ACM classes and the like); --verbose lists them");
        }
    }

    /** A progress line redrawn in place on stderr, at most a few times a second. */
    private final class ProgressLine implements ImportProgress {
        private static final long REDRAW_MILLIS = 250;
        private final Path file;
        private long lastDrawn;
        private boolean drawn;
        private int width;

        ProgressLine(Path file) {
            this.file = file;
        }

        @Override
        public void update(long records, long bytesRead, long totalBytes) {
            long now = ctx.clock().millis();
            if (drawn && now - lastDrawn < REDRAW_MILLIS) return;
            drawn = true;
            lastDrawn = now;
            String pct = totalBytes > 0 ? " " + (100 * bytesRead / totalBytes) + "%" : "";
            String line = "import: " + file.getFileName() + pct + ", " + records + " records";
            width = Math.max(width, line.length());
            ctx.err().print("\r" + line);
            ctx.err().flush();
        }

        void clear() {
            if (width > 0) ctx.err().print("\r" + " ".repeat(width) + "\r");
            ctx.err().flush();
        }
    }
}
