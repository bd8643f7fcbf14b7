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
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
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
