package dev.paperboy.ingest.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the harvests on a schedule inside {@code serve}: each OAI set once a day after arXiv's evening
 * announcement, Hugging Face every hour. One thread runs every job, so one request is in flight at a time.
 * A failure logs one line and is retried sooner; nothing stored is touched by a failure.
 */
public final class HarvestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);
    /** What the home page shows about one source. Nullable times are "never" or "not planned". */
    public record SourceStatus(String key, Instant lastSuccessAt, long lastRecords, Instant lastFailureAt,
            String lastError, Instant nextDueAt, boolean running) {
        /** True when the last attempt failed (a success clears the error). */
        public boolean failing() {
            return lastError != null;
        }
    }

    /** One scheduled harvest. */
    interface Job {
        HarvestResult run() throws HarvestException, InterruptedException;
    }

    private final HarvestStateStore states;
    private final Clock clock;
    private final HarvestConfig config;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Instant> nextDue = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private final Duration startDelay;
    private volatile String running;

    public HarvestScheduler(OaiHarvester oai, HfHarvester hf, HarvestStateStore states, Clock clock,
            HarvestConfig config) {
        this(states, clock, config, config.startDelay());
        for (String set : config.oaiSets()) {
            jobs.put(OaiHarvester.key(set), () -> oai.harvest(set, Optional.empty(), line -> log.debug("{}", line)));
        }
        jobs.put(HfHarvester.KEY, () -> hf.harvest(Optional.empty(), line -> log.debug("{}", line)));
    }

    /** A scheduler with no jobs yet; tests add their own with {@link #add}. */
    HarvestScheduler(HarvestStateStore states, Clock clock, HarvestConfig config, Duration startDelay) {
        this.startDelay = startDelay;
        this.states = states;
        this.clock = clock;
        this.config = config;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paperboy-harvest");
            t.setDaemon(true);
            return t;
        });
    }

    void add(String key, Job job) {
        jobs.put(key, job);
    }

    /** Plans every source: one never harvested, or overdue, runs shortly; the others at their saved time. */
    public void start() {
        if (!config.enabled()) {
            log.info("harvest: scheduling is off (PAPERBOY_HARVEST_ENABLED=false)");
            return;
        }
        Instant now = clock.instant();
        for (String key : jobs.keySet()) {
            HarvestState s = states.get(key);
            Instant due = s.nextDueAt() != null && s.nextDueAt().isAfter(now) && s.lastSuccessAt() != null
                    ? s.nextDueAt()
                    : now.plus(startDelay);
            plan(key, due);
        }
    }

    /** Every scheduled source, as the home page shows it. */
    public List<SourceStatus> status() {
        List<SourceStatus> out = new ArrayList<>();
        for (String key : jobs.keySet()) {
            HarvestState s = states.get(key);
            out.add(new SourceStatus(key, s.lastSuccessAt(), s.lastRecords(), s.lastFailureAt(), s.lastError(),
                    nextDue.getOrDefault(key, s.nextDueAt()), key.equals(running)));
        }
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) log.warn("harvest: a job did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void plan(String key, Instant planned) {
        // Millisecond precision, as stored, so the page shows the same time before and after a restart.
        Instant due = planned.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        nextDue.put(key, due);
        try {
            states.save(states.get(key).dueAt(due));
        } catch (RuntimeException e) {
            log.warn("harvest: unable to save the next due time of {}: {}", key, e.getMessage());
        }
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        executor.schedule(() -> runAndReplan(key), delay, TimeUnit.MILLISECONDS);
    }

    private void runAndReplan(String key) {
        Job job = jobs.get(key);
        running = key;
        Instant next;
        try {
            HarvestResult r = job.run();
            next = normalNext(key, clock.instant());
            log.info("harvest: {}; next at {}", r, seconds(next));
        } catch (HarvestException e) {
            Instant now = clock.instant();
            next = earlier(normalNext(key, now), now.plus(config.retryAfterFailure()));
            log.warn("harvest: {}; next attempt at {}", e.getMessage(), seconds(next));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            next = earlier(normalNext(key, now), now.plus(config.retryAfterFailure()));
            log.warn("harvest: {} failed unexpectedly: {}; next attempt at {}", key, e, seconds(next));
        } finally {
            running = null;
        }
        if (!executor.isShutdown()) plan(key, next);
    }

    private static Instant seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private Instant normalNext(String key, Instant now) {
        if (key.startsWith(OaiHarvester.SOURCE + ":")) return nextDaily(now, config.oaiAt(), config.oaiZone());
        return now.plus(config.hfEvery());
    }

    /** The first moment after {@code now} when the wall clock of {@code zone} shows {@code at}. */
    static Instant nextDaily(Instant now, LocalTime at, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
        if (!candidate.toInstant().isAfter(now)) candidate = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        return candidate.toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
