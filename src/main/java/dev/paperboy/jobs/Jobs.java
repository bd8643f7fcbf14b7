package dev.paperboy.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Job}s single-flight across processes (a lease per job name) and records each run's outcome
 * in the store: once, for a command ({@link #runOnce}), or on a {@link Schedule} inside {@code serve}
 * ({@link #schedule}, then {@link #start}). Scheduled jobs share one thread, so they never overlap.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private record Planned(Job job, Schedule schedule) {}

    private final JobStore store;
    private final SingleFlight singleFlight;
    private final Clock clock;
    private final Map<String, Planned> planned = new LinkedHashMap<>();
    // Leases are re-entrant for one holder, so this process's own runs are kept apart here.
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService executor;

    public Jobs(JobStore store, Leases leases, Clock clock, String holder, Duration leaseTtl) {
        this.store = store;
        this.singleFlight = new SingleFlight(leases, clock, holder, leaseTtl);
        this.clock = clock;
    }

    /**
     * Runs the job now unless it is running already, here or in another process (then: empty). Records
     * the outcome: the summary on success, the message on failure (and rethrows).
     */
    public Optional<String> runOnce(Job job) throws Exception {
        String name = job.name();
        if (!running.add(name)) return Optional.empty();
        try {
            Optional<String> summary = singleFlight.run(name, job::run);
            summary.ifPresent(s -> record(name, st -> st.succeeded(clock.instant(), s)));
            return summary;
        } catch (InterruptedException e) {
            throw e; // the process is stopping: not an outcome
        } catch (Exception e) {
            record(name, st -> st.failed(clock.instant(), oneLine(e)));
            throw e;
        } finally {
            running.remove(name);
        }
    }

    /** Adds a job to run on a schedule once {@link #start} is called. */
    public synchronized void schedule(Job job, Schedule schedule) {
        if (executor != null) throw new IllegalStateException("jobs: already started");
        planned.put(job.name(), new Planned(job, schedule));
    }

    /**
     * Plans every scheduled job: one that never succeeded, or is overdue, runs after {@code startDelay};
     * the others at the time saved by the last run (so a restart keeps the plan).
     */
    public synchronized void start(Duration startDelay) {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paperboy-jobs");
            t.setDaemon(true);
            return t;
        });
        Instant now = clock.instant();
        for (String name : planned.keySet()) {
            JobStatus s = store.get(name);
            Instant due = s.nextDueAt().filter(d -> d.isAfter(now) && s.lastSuccessAt().isPresent())
                    .orElse(now.plus(startDelay));
            plan(name, due);
        }
    }

    /** The scheduled jobs' statuses, in the order they were added. */
    public List<JobStatus> status() {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(planned.keySet());
        }
        return names.stream().map(this::status).toList();
    }

    /** One job's recorded status, and whether this process runs it right now. */
    public JobStatus status(String name) {
        return store.get(name).running(running.contains(name));
    }

    @Override
    public void close() {
        ScheduledExecutorService ex = executor;
        if (ex == null) return;
        ex.shutdownNow();
        try {
            if (!ex.awaitTermination(10, TimeUnit.SECONDS)) log.warn("jobs: a job did not stop within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void plan(String name, Instant planned) {
        // Millisecond precision, as stored, so status shows the same time before and after a restart.
        Instant due = planned.truncatedTo(ChronoUnit.MILLIS);
        record(name, s -> s.dueAt(due));
        long delay = Math.max(0, due.toEpochMilli() - clock.millis());
        executor.schedule(() -> runScheduled(name), delay, TimeUnit.MILLISECONDS);
    }

    private void runScheduled(String name) {
        Planned p;
        synchronized (this) {
            p = planned.get(name);
        }
        boolean failed = false;
        try {
            Optional<String> summary = runOnce(p.job());
            if (summary.isPresent()) log.info("{}: {}", name, summary.get());
            else log.info("{}: runs elsewhere (its lease is held), skipped", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            failed = true;
            log.warn("{}: failed: {}", name, oneLine(e));
        }
        Instant next = p.schedule().next(clock.instant(), failed);
        log.info("{}: next run at {}", name, next.truncatedTo(ChronoUnit.SECONDS));
        try {
            if (!executor.isShutdown()) plan(name, next);
        } catch (RejectedExecutionException e) {
            // closing: the plan is saved, the next start picks it up
        }
    }

    private void record(String name, java.util.function.UnaryOperator<JobStatus> change) {
        try {
            store.save(change.apply(store.get(name)));
        } catch (RuntimeException e) {
            // The job's own work is done or failed already; losing its record must not hide that.
            log.warn("jobs: unable to record the outcome of {}: {}", name, e.getMessage());
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }
}
