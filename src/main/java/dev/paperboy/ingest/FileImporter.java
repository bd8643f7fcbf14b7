package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Imports files of any known format into the store: detects the format from the first 8 KB
 * (gunzipped when the file is gzip), streams the records, and upserts them in batches, each batch
 * one transaction, so a killed import leaves a consistent store and a re-run completes it.
 */
public final class FileImporter {

    /** Bytes given to {@link FileFormat#sniff}. */
    public static final int HEAD_BYTES = 8 * 1024;
    /** Papers per store transaction. */
    public static final int BATCH = 1_000;
    /** Failure messages kept per file; the count goes on beyond. */
    public static final int MAX_FAILURE_MESSAGES = 100;

    private final PaperStore store;
    private final List<FileFormat> formats;

    /** {@code formats} are tried in order: put catch-all formats (plain text) last. */
    public FileImporter(PaperStore store, List<FileFormat> formats) {
        this.store = store;
        this.formats = List.copyOf(formats);
    }

    /** Imports one file; never throws for bad input, the report says what happened. */
    public ImportReport importFile(Path file, ImportProgress progress) {
        long total;
        try {
            if (Files.isDirectory(file)) return unreadable(file, "is a directory");
            total = Files.size(file);
        } catch (IOException e) {
            return unreadable(file, "unable to open: " + describe(e));
        }
        try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(file))) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 64 * 1024);
            InputStream content = isGzip(buffered) ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
            BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
            in.mark(HEAD_BYTES + 1);
            byte[] headBytes = in.readNBytes(HEAD_BYTES);
            in.reset();
            String head = new String(headBytes, StandardCharsets.UTF_8);
            if (head.startsWith("\uFEFF")) head = head.substring(1);
            String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
            String sniffed = head;
            Optional<FileFormat> format = formats.stream().filter(f -> sniff(f, sniffed, fileName)).findFirst();
            if (format.isEmpty()) {
                return unreadable(file, headBytes.length == 0 ? "empty file, no known format" : "no known format");
            }
            Run run = new Run(file, format.get().name(), raw, total, progress);
            try {
                format.get().read(in, new Admission(run));
            } catch (FormatException e) {
                run.fileError = format.get().name() + ": " + e.getMessage();
            } catch (IOException e) {
                run.fileError = "unable to read after " + run.records + " records: " + describe(e);
            } catch (RuntimeException e) {
                // A parser bug must not lose what was read before it; the report names it.
                run.fileError = format.get().name() + ": unexpected error after " + run.records + " records: "
                        + describe(e);
            }
            run.flush();
            progress.update(run.records, raw.count, total);
            return run.report();
        } catch (IOException e) {
            return unreadable(file, "unable to read: " + describe(e));
        }
    }

    private static boolean sniff(FileFormat f, String head, String fileName) {
        try {
            return f.sniff(head, fileName);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read(), b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    private static ImportReport unreadable(Path file, String why) {
        return new ImportReport(file, null, 0, 0, 0, 0, 0, List.of(), List.of(), Optional.of(why));
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** One file's import in progress: the sink the parser writes to, batching into the store. */
    private final class Run implements RecordSink {
        private final Path file;
        private final String format;
        private final CountingInputStream raw;
        private final long total;
        private final ImportProgress progress;
        private final List<Paper> batch = new ArrayList<>(BATCH);
        private final List<String> places = new ArrayList<>(BATCH);
        private final List<String> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long records;
        private long added;
        private long updated;
        private long unchanged;
        private long failed;
        private long skipped;
        private String fileError;

        Run(Path file, String format, CountingInputStream raw, long total, ImportProgress progress) {
            this.file = file;
            this.format = format;
            this.raw = raw;
            this.total = total;
            this.progress = progress;
        }

        @Override
        public void accept(Paper paper) {
            accept("record " + (records + 1), paper);
        }

        @Override
        public void accept(String where, Paper paper) {
            records++;
            batch.add(paper);
            places.add(where + " (" + paper.id() + ")");
            if (batch.size() >= BATCH) flush();
        }

        @Override
        public void skip(String where, String reason) {
            skipped++;
            if (notes.size() < MAX_FAILURE_MESSAGES) notes.add(file + ":" + where + ": skipped " + reason);
        }

        @Override
        public void reject(String where, String reason) {
            records++;
            fail(where, reason);
        }

        @Override
        public void note(String message) {
            if (notes.size() < MAX_FAILURE_MESSAGES) notes.add(file + ": " + message);
        }

        void flush() {
            if (batch.isEmpty()) return;
            try {
                count(store.upsertAll(batch));
            } catch (RuntimeException batchError) {
                // The batch rolled back whole; store its papers one by one so one bad paper fails alone.
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        count(List.of(store.upsert(batch.get(i))));
                    } catch (RuntimeException e) {
                        fail(places.get(i), "store: unable to save: " + describe(e));
                    }
                }
            }
            batch.clear();
            places.clear();
            progress.update(records, raw.count, total);
        }

        private void count(List<UpsertResult> results) {
            for (UpsertResult r : results) {
                switch (r) {
                    case NEW -> added++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
        }

        private void fail(String where, String reason) {
            failed++;
            if (failures.size() < MAX_FAILURE_MESSAGES) failures.add(file + ":" + where + ": " + reason);
        }

        ImportReport report() {
            return new ImportReport(file, format, added, updated, unchanged, failed, skipped, failures, notes,
                    Optional.ofNullable(fileError));
        }
    }

    /** Counts the bytes read from disk, for progress against the file size. */
    private static final class CountingInputStream extends FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
