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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * Imports files of any known format into the store: detects the format from the first 8 KB
 * (gunzipped when the file is gzip), streams the records, and upserts them in batches, each batch
 * one transaction, so a killed import leaves a consistent store and a re-run completes it. A batch is
 * stored on a second thread while the next one is parsed (parsing and storing each take about half of
 * an import's CPU); the report and progress are kept on the calling thread.
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
            ExecutorService storer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "import-store");
                t.setDaemon(true);
                return t;
            });
            try {
                Run run = new Run(file, format.get().name(), raw, total, progress, storer);
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
                run.awaitStored();
                progress.update(run.records, raw.count, total);
                return run.report();
            } finally {
                storer.shutdownNow();
            }
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
        private final ExecutorService storer;
        private List<Paper> batch = new ArrayList<>(BATCH);
        private List<String> places = new ArrayList<>(BATCH);
        // The batch being stored: what it did, applied to the counts on this thread once it is done.
        private Future<Runnable> stored;
        private final List<String> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long records;
        private long added;
        private long updated;
        private long unchanged;
        private long failed;
        private long skipped;
        private String fileError;

        Run(Path file, String format, CountingInputStream raw, long total, ImportProgress progress,
                ExecutorService storer) {
            this.file = file;
            this.format = format;
            this.raw = raw;
            this.total = total;
            this.progress = progress;
            this.storer = storer;
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

        /** Hands the batch to the store thread once the previous one is stored. */
        void flush() {
            if (batch.isEmpty()) return;
            List<Paper> papers = batch;
            List<String> where = places;
            long read = records;
            batch = new ArrayList<>(BATCH);
            places = new ArrayList<>(BATCH);
            awaitStored();
            stored = storer.submit(() -> store(papers, where, read));
        }

        /** Waits for the batch being stored and counts what it did; an Error there (a kill) goes on up. */
        void awaitStored() {
            if (stored == null) return;
            try {
                stored.get().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import: interrupted while storing", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException("import: unable to store: " + describe(e.getCause()), e.getCause());
            } finally {
                stored = null;
            }
        }

        /** Stores one batch (on the store thread); returns its effect on the counts. */
        private Runnable store(List<Paper> papers, List<String> where, long read) {
            List<UpsertResult> results = new ArrayList<>(papers.size());
            List<String[]> failed = new ArrayList<>();
            try {
                results.addAll(store.upsertAll(papers));
            } catch (RuntimeException batchError) {
                // The batch rolled back whole; store its papers one by one so one bad paper fails alone.
                for (int i = 0; i < papers.size(); i++) {
                    try {
                        results.add(store.upsert(papers.get(i)));
                    } catch (RuntimeException e) {
                        failed.add(new String[] {where.get(i), "store: unable to save: " + describe(e)});
                    }
                }
            }
            return () -> {
                count(results);
                for (String[] f : failed) fail(f[0], f[1]);
                progress.update(read, raw.count, total);
            };
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
