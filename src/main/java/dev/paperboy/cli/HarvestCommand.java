package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.ingest.harvest.ArxivApiClient;
import dev.paperboy.ingest.harvest.HarvestException;
import dev.paperboy.ingest.harvest.HarvestResult;
import dev.paperboy.ingest.harvest.Harvesters;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperboy harvest}: one harvest of one source, now, with progress; what {@code serve} schedules. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Harvest once from arXiv OAI-PMH, the arXiv API or Hugging Face daily papers, with progress.")
public final class HarvestCommand extends ConfiguredCommand {

    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "arxiv-oai, arxiv-api or hf.")
    String source;

    @Option(names = "--from", paramLabel = "DATE",
            description = "Start date (YYYY-MM-DD); default: where the last completed harvest stopped, or 7 days ago.")
    String from;

    @Option(names = "--set", paramLabel = "SET",
            description = "OAI-PMH set (e.g. cs); default: every configured set.")
    List<String> sets;

    @Option(names = "--query", paramLabel = "Q",
            description = "arxiv-api search query; default: the configured categories.")
    String query;

    @Option(names = "--id", paramLabel = "ID", description = "arxiv-api or hf: look up one paper by arXiv id.")
    String id;

    @Option(names = "--max", paramLabel = "N", defaultValue = "200",
            description = "arxiv-api: most results to store (default ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--no-embed", description = "Do not embed the stored papers for search now (same as --embed false).")
    boolean noEmbed;

    public HarvestCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws InterruptedException {
        var config = embedFlag(config(), noEmbed);
        Optional<LocalDate> fromDate = parseFrom();
        Optional<ArxivId> arxivId = parseId();
        if (max < 1) throw new CliException(USAGE, "--max must be at least 1");
        Consumer<String> progress = line -> ctx.err().println(line);
        try (App app = ctx.open(config)) {
            Harvesters h = app.harvesters();
            try {
                switch (source) {
                    case "arxiv-oai" -> {
                        List<String> wanted = sets == null || sets.isEmpty() ? h.config().oaiSets() : sets;
                        for (String set : wanted) report(h.oai().harvest(set, fromDate, progress));
                    }
                    case "arxiv-api" -> {
                        if (arxivId.isPresent()) {
                            lookedUp(h.api().fetch(arxivId.get()), arxivId.get());
                        } else {
                            String q = apiQuery(h, fromDate);
                            ArxivApiClient.SearchResult r = h.api().search(q, max, progress);
                            ctx.err().println("arxiv-api: " + r.stored() + " paper(s) stored of " + r.totalResults()
                                    + " matching, " + r.rejected() + " rejected");
                        }
                    }
                    case "hf" -> {
                        if (arxivId.isPresent()) lookedUp(h.hf().fetchPaper(arxivId.get()), arxivId.get());
                        else report(h.hf().harvest(fromDate, progress));
                    }
                    default -> throw new CliException(USAGE,
                            "--source must be arxiv-oai, arxiv-api or hf (got \"" + source + "\")");
                }
            } catch (HarvestException e) {
                // What was stored before the failure is still made searchable.
                catchUpSearch(app, "harvest");
                throw new CliException(1, e.getMessage());
            }
            catchUpSearch(app, "harvest");
        }
        return 0;
    }

    private void report(HarvestResult r) {
        ctx.err().println(r.toString());
    }

    private void lookedUp(Optional<Paper> p, ArxivId id) {
        if (p.isEmpty()) throw new CliException(1, source + ": " + id + " not found");
        ctx.err().println(source + ": stored " + p.get().id() + " \"" + p.get().title() + "\"");
    }

    private String apiQuery(Harvesters h, Optional<LocalDate> fromDate) {
        String q = query;
        if (q == null || q.isBlank()) {
            q = h.config().categories().stream().map(c -> "cat:" + c).collect(Collectors.joining(" OR "));
            if (q.isEmpty()) throw new CliException(USAGE, "--query is required when no categories are configured");
            q = "(" + q + ")";
        }
        if (fromDate.isPresent()) {
            q += " AND submittedDate:[" + fromDate.get().toString().replace("-", "") + "0000 TO 999912312359]";
        }
        return q;
    }

    private Optional<LocalDate> parseFrom() {
        if (from == null) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(from));
        } catch (DateTimeParseException e) {
            throw new CliException(USAGE, "--from must be a date like 2026-11-20 (got \"" + from + "\")");
        }
    }

    private Optional<ArxivId> parseId() {
        if (id == null) return Optional.empty();
        if (!source.equals("arxiv-api") && !source.equals("hf")) {
            throw new CliException(USAGE, "--id works with --source arxiv-api or hf");
        }
        return Optional.of(ArxivId.parse(id)
                .orElseThrow(() -> new CliException(USAGE, "--id is not an arXiv id: \"" + id + "\"")));
    }
}
