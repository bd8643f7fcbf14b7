package dev.paperboy.ingest.harvest;

import dev.paperboy.jobs.Job;
import dev.paperboy.jobs.JobStatus;
import dev.paperboy.jobs.Jobs;
import dev.paperboy.jobs.Lease;
import dev.paperboy.jobs.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harvests as scheduled {@link Jobs} inside {@code serve}: each OAI set once a day after arXiv's evening
 * announcement, Hugging Face every hour; a failed run is tried again sooner. Nothing stored is touched by a
 * failure. Each harvester records its own progress and outcome in the harvest state; the jobs add the plan.
 */
public final class HarvestScheduler {
    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

    /** What the home page shows about one source. Nullable times are "never" or "not planned". */
    public record SourceStatus(String key, Instant lastSuccessAt, long lastRecords, Instant lastFailureAt,
            String lastError, Instant nextDueAt, boolean running) {
        /** True when the last attempt failed (a success clears the error). */
        public boolean failing() {
            return lastError != null;
        }
    }

    /** One harvest run. */
    interface Run {
        HarvestResult run() throws HarvestException, InterruptedException;
    }

    private final HarvestStateStore states;
    private final Jobs jobs;
    private final List<String> keys = new ArrayList<>();

    /** Schedules every configured OAI set and Hugging Face on {@code jobs}; {@link Jobs#start} runs them. */
    public HarvestScheduler(OaiHarvester oai, HfHarvester hf, HarvestStateStore states, Jobs jobs,
            HarvestConfig config) {
        this(states, jobs);
        Schedule daily = Schedule.daily(config.oaiAt(), config.oaiZone()).retryingAfter(config.retryAfterFailure());
        for (String set : config.oaiSets()) {
            add(OaiHarvester.key(set), daily, () -> oai.harvest(set, Optional.empty(), line -> log.debug("{}", line)));
        }
        add(HfHarvester.KEY, Schedule.every(config.hfEvery()).retryingAfter(config.retryAfterFailure()),
                () -> hf.harvest(Optional.empty(), line -> log.debug("{}", line)));
    }

    /** A scheduler with no harvests yet; tests add their own with {@link #add}. */
    HarvestScheduler(HarvestStateStore states, Jobs jobs) {
        this.states = states;
        this.jobs = jobs;
    }

    /** The job (and lease) name of a source's harvest, e.g. {@code harvest:arxiv-oai:cs}. */
    public static String jobName(String key) {
        return "harvest:" + key;
    }

    void add(String key, Schedule schedule, Run run) {
        keys.add(key);
        jobs.schedule(new Job() {
            @Override
            public String name() {
                return jobName(key);
            }

            @Override
            public String run(Lease lease) throws HarvestException, InterruptedException {
                // The harvester takes the same lease again (leases are re-entrant for their holder) and renews it.
                return run.run().toString();
            }
        }, schedule);
    }

    /** Every scheduled source, as the home page shows it. */
    public List<SourceStatus> status() {
        List<SourceStatus> out = new ArrayList<>();
        for (String key : keys) {
            HarvestState s = states.get(key);
            JobStatus job = jobs.status(jobName(key));
            out.add(new SourceStatus(key, s.lastSuccessAt(), s.lastRecords(), s.lastFailureAt(), s.lastError(),
                    job.nextDueAt().orElse(null), job.running()));
        }
        return out;
    }
}
