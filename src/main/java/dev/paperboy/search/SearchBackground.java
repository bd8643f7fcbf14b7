package dev.paperboy.search;

import dev.paperboy.search.embed.Embedder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs behind the pages: applies store changes to the index every second, and, with
 * an embedder, embeds papers that lack vectors (the same work as the {@code reindex} command).
 */
public final class SearchBackground implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchBackground.class);
    private static final Duration EMBED_PAUSE = Duration.ofSeconds(10);

    private final SearchIndexer indexer;
    private final Embedder embedder;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private volatile boolean running;

    /** {@code embedder} may be null (embedding disabled); {@code interval} is how often changes are applied. */
    public SearchBackground(SearchIndexer indexer, Embedder embedder, Duration interval) {
        this.indexer = indexer;
        this.embedder = embedder;
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
            long n = indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> running);
            if (n > 0) log.info("embeddings: embedded papers={}", n);
        } catch (RuntimeException e) {
            log.warn("embeddings: background run failed: {}", e.getMessage());
        }
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
