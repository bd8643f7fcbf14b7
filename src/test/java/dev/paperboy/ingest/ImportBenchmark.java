package dev.paperboy.ingest;

import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.db.Database;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Benchmark, not a test: imports the given files twice and prints counts, time and peak heap.
 * {@code --store=sqlite:FILE} uses the real store; {@code --store=memory} keeps papers in a map (needs a
 * big heap); {@code --store=null} keeps nothing, which measures the parsers and importer alone.
 */
public final class ImportBenchmark {
    public static void main(String[] args) {
        String storeKind = "memory";
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--store=")) storeKind = a.substring(8);
            else files.add(Path.of(a));
        }
        Database db = null;
        PaperStore store;
        switch (storeKind) {
            case "null" -> store = new NullStore();
            case "memory" -> store = new InMemoryPaperStore();
            default -> {
                // --store=sqlite:/path/to/file.db
                db = Database.open(Database.sqliteUrl(Path.of(storeKind.substring("sqlite:".length()))));
                store = new JdbiPaperStore(db);
            }
        }
        FileImporter importer = new FileImporter(store, FileImporterTest.formats());
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            List<ImportReport> reports = new ArrayList<>();
            for (Path f : files) {
                ImportReport r = importer.importFile(f, ImportProgress.NONE);
                reports.add(r);
                System.out.println("run " + run + ": " + r.summaryLine());
                r.failures().stream().limit(5).forEach(m -> System.out.println("  " + m));
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long records = reports.stream().mapToLong(ImportReport::records).sum();
            System.out.printf("run %d: %s; %.1f s, %.0f records/s%n", run, ImportReport.totalLine(reports), secs,
                    records / secs);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        if (db != null) db.close();
        System.out.printf("store=%s max heap %d MB, peak heap used %d MB%n", storeKind,
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }

    /** Stores nothing: every paper is new. */
    private static final class NullStore implements PaperStore {
        @Override
        public UpsertResult upsert(Paper paper) {
            return UpsertResult.NEW;
        }

        @Override
        public List<UpsertResult> upsertAll(List<Paper> papers) {
            return Collections.nCopies(papers.size(), UpsertResult.NEW);
        }

        @Override
        public Optional<Paper> find(String id) {
            return Optional.empty();
        }

        @Override
        public List<Paper> newest(int limit, int offset) {
            return List.of();
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public void forEach(Consumer<Paper> action) {}

        @Override
        public List<Change> changedSince(long sequence, int limit) {
            return List.of();
        }

        @Override
        public long lastSequence() {
            return 0;
        }
    }
}
