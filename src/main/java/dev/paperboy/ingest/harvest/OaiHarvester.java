package dev.paperboy.ingest.harvest;

import dev.paperboy.ingest.Admission;
import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.arxiv.OaiPmhParser;
import dev.paperboy.ingest.arxiv.OaiPmhParser.OaiPage;
import dev.paperboy.ingest.http.FetchException;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.jobs.Leases;
import dev.paperboy.paper.PaperStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Incremental OAI-PMH {@code ListRecords} harvests of arXiv, one set at a time. Each page's papers are
 * stored in one transaction and only then is the page's resumption token saved, so a crash at any point
 * resumes at the first page not yet saved: no gaps, and re-stored papers are idempotent upserts.
 */
public final class OaiHarvester {
    /** The key prefix of OAI harvest state rows; the set follows, e.g. {@code arxiv-oai:cs}. */
    public static final String SOURCE = "arxiv-oai";

    private final PoliteFetcher fetcher;
    private final PaperStore papers;
    private final HarvestStateStore states;
    private final SingleFlight singleFlight;
    private final Clock clock;
    private final HarvestConfig config;

    public OaiHarvester(PoliteFetcher fetcher, PaperStore papers, HarvestStateStore states, Leases leases,
            Clock clock, String holder, HarvestConfig config) {
        this.fetcher = fetcher;
        this.papers = papers;
        this.states = states;
        this.clock = clock;
        this.config = config;
        this.singleFlight = new SingleFlight(leases, clock, holder, config.leaseTtl());
    }

    /** The state key of a set's harvest. */
    public static String key(String set) {
        return SOURCE + ":" + set;
    }

    /**
     * Harvests one set: resumes a saved run, else asks from {@code from}, else from the last completed
     * run's {@code responseDate}, else from {@code lookbackDays} ago. An explicit {@code from} drops a saved run.
     */
    public HarvestResult harvest(String set, Optional<LocalDate> from, Consumer<String> progress)
            throws HarvestException, InterruptedException {
        String key = key(set);
        return singleFlight.run(key, lease -> {
            try {
                return run(key, set, from, progress, lease);
            } catch (HarvestException e) {
                states.save(states.get(key).failed(clock.instant(), e.getMessage()));
                throw e;
            } catch (RuntimeException e) {
                String message = "oai: harvest of " + set + " failed: " + e.getMessage();
                states.save(states.get(key).failed(clock.instant(), message));
                throw new HarvestException(message, e);
            }
        });
    }

    private HarvestResult run(String key, String set, Optional<LocalDate> explicitFrom, Consumer<String> progress,
            SingleFlight.Held lease) throws HarvestException, InterruptedException {
        HarvestState state = states.get(key);
        if (explicitFrom.isPresent() && state.token().isPresent()) {
            progress.accept(key + ": --from given, dropping the saved run");
            state = state.withoutRun();
            states.save(state);
        }
        LocalDate from = state.token().isPresent() && state.runFrom() != null
                ? state.runFrom()
                : explicitFrom.orElseGet(() -> defaultFrom(states.get(key)));
        Optional<String> token = state.token();
        if (token.isPresent()) progress.accept(key + ": resuming with saved token " + token.get());
        else progress.accept(key + ": asking for records from " + from);

        Instant runResponse = token.isPresent() ? state.runResponse() : null;
        long runRecords = token.isPresent() ? state.runRecords() : 0;
        int pages = 0;
        long stored = 0, rejected = 0, skipped = 0;
        boolean restarted = false;
        while (true) {
            URI uri = token.isPresent() ? tokenUri(token.get()) : startUri(set, from);
            PageSink sink = new PageSink(config.categories(), progress);
            OaiPage page = fetchPage(uri, sink);
            pages++;
            if (page.errorCode().isPresent()) {
                String code = page.errorCode().get();
                if (code.equals("noRecordsMatch")) {
                    // An empty result, not an error: the run completes with nothing new.
                    Instant response = runResponse != null ? runResponse : page.responseDate();
                    states.save(states.get(key).completed(response, clock.instant(), runRecords));
                    progress.accept(key + ": no records match");
                    return new HarvestResult(key, true, pages, stored, rejected, skipped);
                }
                if (code.equals("badResumptionToken") && token.isPresent() && !restarted) {
                    // Tokens expire; start the run over from its from date. Re-stored papers are idempotent.
                    progress.accept(key + ": token " + token.get() + " rejected (" + page.errorMessage().orElse("")
                            + "); restarting from " + from);
                    restarted = true;
                    token = Optional.empty();
                    runResponse = null;
                    runRecords = 0;
                    states.save(states.get(key).withoutRun());
                    continue;
                }
                throw new HarvestException("oai: " + uri + " answered error " + code
                        + page.errorMessage().map(m -> ": " + m).orElse(""));
            }
            if (runResponse == null) runResponse = page.responseDate();
            if (!sink.papers.isEmpty()) papers.upsertAll(sink.papers);
            stored += sink.papers.size();
            rejected += sink.rejected;
            skipped += sink.skipped;
            runRecords += sink.papers.size();

            Optional<String> next = page.resumptionToken().filter(t -> !t.isBlank());
            if (next.isPresent() && next.equals(token)) {
                throw new HarvestException("oai: " + uri + " returned the same resumption token again: " + next.get());
            }
            progress.accept(key + ": page " + pages + ": " + sink.papers.size() + " stored"
                    + page.cursor().map(c -> ", cursor " + c).orElse("")
                    + page.completeListSize().map(n -> " of " + n).orElse(""));
            if (next.isEmpty()) {
                states.save(states.get(key).completed(runResponse, clock.instant(), runRecords));
                return new HarvestResult(key, true, pages, stored, rejected, skipped);
            }
            states.save(states.get(key).withPage(next.get(), from, runResponse, runRecords));
            lease.renew();
            token = next;
        }
    }

    private OaiPage fetchPage(URI uri, PageSink sink) throws HarvestException, InterruptedException {
        PoliteFetcher.Response r;
        try {
            r = fetcher.get(uri);
        } catch (FetchException e) {
            throw new HarvestException("oai: unable to fetch ListRecords page: " + e.getMessage(), e);
        }
        if (!r.ok()) throw new HarvestException("oai: " + uri + " answered HTTP " + r.status());
        try {
            return OaiPmhParser.parse(new ByteArrayInputStream(r.body()), new Admission(sink));
        } catch (FormatException | IOException e) {
            throw new HarvestException("oai: unable to parse ListRecords page " + uri + ": " + e.getMessage(), e);
        }
    }

    private LocalDate defaultFrom(HarvestState state) {
        if (state.completedResponse() != null) return LocalDate.ofInstant(state.completedResponse(), ZoneOffset.UTC);
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(config.lookbackDays());
    }

    private URI startUri(String set, LocalDate from) {
        return URI.create(config.oaiUrl() + "?verb=ListRecords&metadataPrefix=" + enc(config.oaiMetadataPrefix())
                + "&set=" + enc(set) + "&from=" + from);
    }

    private URI tokenUri(String token) {
        // With a token, the verb and the token are the only arguments OAI-PMH allows.
        return URI.create(config.oaiUrl() + "?verb=ListRecords&resumptionToken=" + enc(token));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
