package dev.paperboy.bench;

import dev.paperboy.db.Database;
import dev.paperboy.db.PgSchema;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
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
 * Import throughput of the paper store: N synthetic papers upserted in batches of 1,000, once into an
 * empty store and once more (all unchanged), on SQLite and, when reachable, on PostgreSQL.
 * Usage: {@code StoreBench [papers] [batch]}; {@code PAPERBOY_TEST_PG} overrides the PostgreSQL URL.
 */
public final class StoreBench {
    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 86_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.out.printf("store bench: %,d papers, batches of %,d, max heap %d MB, %d cores, load average %.1f%n",
                n, batch, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        // What making the papers costs by itself, so that it can be told apart from the store's share.
        for (int round = 0; round < 2; round++) {
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            long chars = 0;
            for (int from = 0; from < n; from += batch) {
                for (Paper p : SyntheticPapers.range(from, Math.min(n, from + batch), true)) {
                    chars += p.abstractText().length();
                }
            }
            System.out.printf("generation only (round %d): %.2f s, process CPU %.2f s, mean abstract %d chars%n",
                    round + 1, (System.nanoTime() - started) / 1e9, (processCpuNanos() - cpuStarted) / 1e9, chars / n);
        }

        Path dir = Files.createTempDirectory("paperboy-bench");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            run("sqlite", new JdbiPaperStore(db), n, batch);
            System.out.printf("sqlite file: %,d bytes (+ WAL %,d)%n", Files.size(dir.resolve("paperboy.db")),
                    Files.exists(dir.resolve("paperboy.db-wal")) ? Files.size(dir.resolve("paperboy.db-wal")) : 0);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
            run("postgresql", new JdbiPaperStore(db), n, batch);
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void run(String name, PaperStore store, int n, int batch) {
        for (String pass : List.of("first import", "second import (unchanged)")) {
            System.gc();
            resetPeakHeap();
            int[] counts = new int[UpsertResult.values().length];
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            for (int from = 0; from < n; from += batch) {
                // Generating the papers is part of the measured time, as parsing is in a real import.
                List<Paper> papers = SyntheticPapers.range(from, Math.min(n, from + batch), true);
                for (UpsertResult r : store.upsertAll(papers)) counts[r.ordinal()]++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuStarted) / 1e9;
            System.out.printf("%s %s: %,d papers in %.2f s = %,.0f records/s; process CPU %.2f s = %,.0f records"
                            + " per CPU-second (new %d, updated %d, unchanged %d), peak heap %d MB%n",
                    name, pass, n, seconds, n / seconds, cpu, n / cpu, counts[0], counts[1], counts[2], peakHeapMb());
        }
        System.gc();
        resetPeakHeap();
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        long[] seen = {0};
        store.forEach(p -> seen[0]++);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (processCpuNanos() - cpuStarted) / 1e9;
        System.out.printf("%s forEach: %,d papers in %.2f s = %,.0f records/s; process CPU %.2f s, peak heap %d MB,"
                        + " load average %.1f%n",
                name, seen[0], seconds, seen[0] / seconds, cpu, peakHeapMb(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of this process (all threads: includes GC and JIT), so numbers survive a busy machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound: pools peak at different times). */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
        }
        return bytes >> 20;
    }
}
