package dev.paperboy.ingest.harvest;

import dev.paperboy.ingest.Admission;
import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.http.FetchException;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.ingest.huggingface.HfDailyPapers;
import dev.paperboy.jobs.Leases;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hugging Face daily papers: each day's list ({@code /api/daily_papers?date=}) and single papers
 * ({@code /api/papers/{id}}). Every item becomes its paper plus its daily-list entry; HF's upvotes stay
 * in the entry and never mix with Paperboy's votes.
 */
public final class HfHarvester {
    /** The state key of the daily-papers harvest. */
    public static final String KEY = "hf";

    private final PoliteFetcher fetcher;
    private final PaperStore papers;
    private final HarvestStateStore states;
    private final SingleFlight singleFlight;
    private final Clock clock;
    private final HarvestConfig config;
    private final HfDailyPapers parser = new HfDailyPapers();

    public HfHarvester(PoliteFetcher fetcher, PaperStore papers, HarvestStateStore states, Leases leases,
            Clock clock, String holder, HarvestConfig config) {
        this.fetcher = fetcher;
        this.papers = papers;
        this.states = states;
        this.clock = clock;
        this.config = config;
        this.singleFlight = new SingleFlight(leases, clock, holder, config.leaseTtl());
    }

    /**
     * Harvests every day from {@code from} (default: the day before the last completed run, or
     * {@code lookbackDays} ago on the first run) to today. Yesterday is fetched again because its upvotes
     * keep changing. A crash resumes at the first day not yet stored.
     */
    public HarvestResult harvest(Optional<LocalDate> from, Consumer<String> progress)
            throws HarvestException, InterruptedException {
        return singleFlight.run(KEY, lease -> {
            try {
                return run(from, progress, lease);
            } catch (HarvestException e) {
                states.save(states.get(KEY).failed(clock.instant(), e.getMessage()));
                throw e;
            } catch (RuntimeException e) {
                String message = "hf: harvest failed: " + e.getMessage();
                states.save(states.get(KEY).failed(clock.instant(), message));
                throw new HarvestException(message, e);
            }
        });
    }

    private HarvestResult run(Optional<LocalDate> explicitFrom, Consumer<String> progress, SingleFlight.Held lease)
            throws HarvestException, InterruptedException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        HarvestState state = states.get(KEY);
        LocalDate first;
        Instant runStart;
        if (explicitFrom.isPresent()) {
            first = explicitFrom.get();
            runStart = clock.instant();
        } else if (state.token().isPresent()) {
            // The token of a daily harvest is the next day to fetch.
            first = LocalDate.parse(state.resumptionToken());
            runStart = state.runResponse() != null ? state.runResponse() : clock.instant();
            progress.accept("hf: resuming at " + first);
        } else {
            LocalDate earliest = today.minusDays(config.lookbackDays());
            LocalDate after = state.completedResponse() == null
                    ? earliest
                    : LocalDate.ofInstant(state.completedResponse(), ZoneOffset.UTC).minusDays(1);
            first = after.isBefore(earliest) ? earliest : after;
            runStart = clock.instant();
        }
        int pages = 0;
        long stored = 0, rejected = 0;
        long runRecords = explicitFrom.isEmpty() && state.token().isPresent() ? state.runRecords() : 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            PageSink sink = new PageSink(Set.of(), progress);
            URI uri = URI.create(config.hfUrl() + "/api/daily_papers?date=" + day);
            PoliteFetcher.Response r = fetch(uri, "the daily list of " + day);
            if (r.status() == 404) {
                progress.accept("hf: " + day + ": no list");
            } else {
                if (!r.ok()) throw new HarvestException("hf: " + uri + " answered HTTP " + r.status());
                try {
                    parser.read(new ByteArrayInputStream(r.body()), new Admission(sink));
                } catch (FormatException | IOException e) {
                    throw new HarvestException("hf: unable to parse the daily list of " + day + ": " + e.getMessage(),
                            e);
                }
                if (!sink.papers.isEmpty()) papers.upsertAll(sink.papers);
                progress.accept("hf: " + day + ": " + sink.papers.size() + " stored");
            }
            pages++;
            stored += sink.papers.size();
            rejected += sink.rejected;
            runRecords += sink.papers.size();
            states.save(states.get(KEY).withPage(day.plusDays(1).toString(), first, runStart, runRecords));
            lease.renew();
        }
        states.save(states.get(KEY).completed(runStart, clock.instant(), runRecords));
        return new HarvestResult(KEY, true, pages, stored, rejected, 0);
    }

    /** Fetches one paper from {@code /api/papers/{id}} and stores it; empty when HF does not know it. */
    public Optional<Paper> fetchPaper(ArxivId id) throws HarvestException, InterruptedException {
        URI uri = URI.create(config.hfUrl() + "/api/papers/" + id.base());
        PoliteFetcher.Response r = fetch(uri, "paper " + id.base());
        if (r.status() == 404) return Optional.empty();
        if (!r.ok()) throw new HarvestException("hf: " + uri + " answered HTTP " + r.status());
        PageSink sink = new PageSink(Set.of(), s -> {});
        try {
            parser.read(new ByteArrayInputStream(r.body()), new Admission(sink));
        } catch (FormatException | IOException e) {
            throw new HarvestException("hf: unable to parse paper " + id.base() + ": " + e.getMessage(), e);
        }
        if (sink.papers.size() != 1) {
            throw new HarvestException("hf: paper " + id.base() + " rejected: "
                    + sink.firstRejection.orElse("the answer holds no paper object"));
        }
        papers.upsertAll(sink.papers);
        return Optional.of(sink.papers.getFirst());
    }

    private PoliteFetcher.Response fetch(URI uri, String what) throws HarvestException, InterruptedException {
        try {
            return fetcher.get(uri);
        } catch (FetchException e) {
            throw new HarvestException("hf: unable to fetch " + what + ": " + e.getMessage(), e);
        }
    }
}
