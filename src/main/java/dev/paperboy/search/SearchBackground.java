package dev.paperboy.search;

import dev.paperboy.jobs.Job;
import dev.paperboy.jobs.Jobs;
import dev.paperboy.jobs.Lease;
import dev.paperboy.search.embed.Embedder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs behind the pages: applies store changes to the index every second, and, with
 * an embedder, embeds papers that lack vectors (the same work as the {@code reindex} command) as the job
 * {@value #EMBED_JOB}: one process at a time embeds, whatever the number of {@code serve} processes.
 */
public final class SearchBackground implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchBackground.class);
    private static final Duration EMBED_PAUSE = Duration.ofSeconds(10);
    /** How often papers indexed since are given their related papers ahead of views. */
    private static final Duration RELATED_PAUSE = Duration.ofMinutes(1);
    // Well inside the job lease's time to live, so a long run keeps it.
    private static final long RENEW_NANOS = Duration.ofMinutes(1).toNanos();
    /** The job name (and lease) of the background embedding. */
    public static final String EMBED_JOB = "embed";

    private final SearchIndexer indexer;
    private final Embedder embedder;
    private final Jobs jobs;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private volatile boolean running;

    /** {@code embedder} may be null (embedding disabled); {@code interval} is how often changes are applied. */
    public SearchBackground(SearchIndexer indexer, Embedder embedder, Jobs jobs, Duration interval) {
        this.indexer = indexer;
        this.embedder = embedder;
        this.jobs = jobs;
        this.interval = interval;
        this.scheduler = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "search-background");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the periodic work. */
    public void start() {
        running = true;
        scheduler.scheduleWithFixedDelay(this::catchUp, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        if (embedder != null) {
            scheduler.scheduleWithFixedDelay(this::embed, interval.toMillis(), EMBED_PAUSE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(this::prepareRelated, interval.toMillis(), RELATED_PAUSE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Related papers found ahead of views (a paper without a vector costs a MoreLikeThis query over every paper, 3-8
     * ms of CPU), on at most half a core so that pages keep the rest. Each process finds its own: they are kept in
     * its memory.
     */
    private void prepareRelated() {
        try {
            long start = System.nanoTime();
            int n = indexer.prepareRelated(halfACore());
            if (n > 0) {
                log.info("related papers: found ahead of views for papers={} in seconds={}", n,
                        (System.nanoTime() - start) / 1_000_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("related papers: unable to find them ahead of views: {}", e.getMessage());
        }
    }

    /** Goes on while serving, resting after each paper as long as it worked on it. */
    private java.util.function.BooleanSupplier halfACore() {
        long[] last = {System.nanoTime()};
        return () -> {
            long worked = System.nanoTime() - last[0];
            try {
                if (worked > 0) Thread.sleep(Duration.ofNanos(worked));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            last[0] = System.nanoTime();
            return running;
        };
    }

    private void catchUp() {
        try {
            int n = indexer.catchUp();
            if (n > 0) log.debug("index: applied changes, papers={}", n);
        } catch (RuntimeException e) {
            log.warn("index: unable to apply store changes: {}", e.getMessage());
        }
    }

    private void embed() {
        try {
            if (embedOnce().isEmpty()) log.debug("embeddings: another process embeds (its lease is held)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("embeddings: background run failed: {}", e.getMessage());
        }
    }

    /** One embedding run as the job {@value #EMBED_JOB}; empty when another process holds its lease. */
    Optional<String> embedOnce() throws Exception {
        return jobs.runOnce(new Job() {
            @Override
            public String name() {
                return EMBED_JOB;
            }

            @Override
            public String run(Lease lease) {
                long n = indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, keepGoing(lease));
                if (n > 0) log.info("embeddings: embedded papers={}", n);
                return "embedded " + n + " papers";
            }
        });
    }

    /** Goes on while serving and while the lease is ours, renewing it about once a minute. */
    private java.util.function.BooleanSupplier keepGoing(Lease lease) {
        long[] renewed = {System.nanoTime()};
        return () -> {
            if (!running) return false;
            if (System.nanoTime() - renewed[0] < RENEW_NANOS) return true;
            renewed[0] = System.nanoTime();
            try {
                lease.renew();
                return true;
            } catch (Lease.LeaseLost e) {
                log.warn("{}", e.getMessage());
                return false;
            }
        };
    }

    @Override
    public void close() {
        running = false;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
