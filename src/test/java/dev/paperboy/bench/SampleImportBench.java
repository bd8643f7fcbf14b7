package dev.paperboy.bench;

import dev.paperboy.db.Database;
import dev.paperboy.db.PgSchema;
import dev.paperboy.ingest.FileImporter;
import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.files.BeirCorpus;
import dev.paperboy.ingest.files.DailyListing;
import dev.paperboy.ingest.files.KaggleSnapshot;
import dev.paperboy.ingest.files.TextListing;
import dev.paperboy.ingest.huggingface.HfDailyPapers;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real import: the shared arXiv daily-listing sample (86,345 records in two gzipped JSONL files)
 * through {@link FileImporter} into the Jdbi store, twice (the second run finds everything unchanged), on
 * SQLite and, when reachable, PostgreSQL. Usage: {@code SampleImportBench [sample-dir]}.
 */
public final class SampleImportBench {
    private SampleImportBench() {}

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args.length > 0 ? args[0] : "../shared/data/arxiv-sample");
        List<Path> files = List.of(
                sample.resolve("daily-listings-cs-2025-03_2026-07.jsonl.gz"),
                sample.resolve("daily-listings-astro-ph-2025-04_2026-07.jsonl.gz"));
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                System.out.println("sample import bench: skipped, missing " + f);
                return;
            }
        }
        System.out.printf("sample import bench: max heap %d MB, %d cores, load average %.1f%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Path dir = Files.createTempDirectory("paperboy-sample-bench");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            run("sqlite", db, files);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        String base = System.getenv()
                .getOrDefault("PAPERBOY_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "pb_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PgSchema.withParameter(base, "connectTimeout=3"));
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            System.out.println("postgresql: skipped, unreachable at " + Database.redact(base) + ": "
                    + e.getMessage());
            return;
        }
        try (Database db = Database.open(PgSchema.withParameter(base, "currentSchema=" + schema))) {
            run("postgresql", db, files);
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void run(String name, Database db, List<Path> files) {
        FileImporter importer = new FileImporter(new JdbiPaperStore(db), List.of(new HfDailyPapers(),
                new KaggleSnapshot(), new DailyListing(), new BeirCorpus(), new TextListing()));
        for (String pass : List.of("first import", "second import (unchanged)")) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
            }
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            long records = 0, added = 0, updated = 0, unchanged = 0, failed = 0;
            for (Path f : files) {
                ImportReport r = importer.importFile(f, ImportProgress.NONE);
                r.fileError().ifPresent(e -> System.out.println("file error: " + e));
                records += r.records();
                added += r.added();
                updated += r.updated();
                unchanged += r.unchanged();
                failed += r.failed();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuStarted) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            System.out.printf("%s %s: %,d records in %.2f s = %,.0f records/s; process CPU %.2f s = %,.0f records"
                            + " per CPU-second (new %d, updated %d, unchanged %d, failed %d), peak heap %d MB,"
                            + " load average %.1f%n",
                    name, pass, records, seconds, records / seconds, cpu, records / cpu, added, updated, unchanged,
                    failed, peak >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
