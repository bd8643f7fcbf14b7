package dev.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paperboy.Config;
import dev.paperboy.search.SearchForm;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchService;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy search "…"}: the search box on the command line. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the papers (same syntax as the web: \"phrases\", -word, author:, cat:, since:, until:).")
public final class SearchCommand extends ConfiguredCommand {

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "the query; several words are joined")
    List<String> query;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Option(names = "--limit", defaultValue = "10", description = "how many results (1-100, default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "skip this many results")
    int offset;

    @Option(names = "--mode", description = "bm25, dense or hybrid (default hybrid)")
    String mode;

    @Option(names = "--order", description = "relevance or date (default relevance)")
    String order;

    private final Function<Config, ? extends SearchComponents> components;

    /** The command over the app of the effective config (the index is rebuilt first when needed). */
    public SearchCommand(CliContext ctx) {
        this(ctx, config -> SearchComponents.of(openExisting(ctx, config),
                ReindexCommand.progress("search", new PrintWriter(ctx.err(), true))));
    }

    /** The command over the search parts that {@code components} opens for a config. */
    public SearchCommand(CliContext ctx, Function<Config, ? extends SearchComponents> components) {
        super(ctx);
        this.components = components;
    }

    /** The JSON shape of one result. */
    private record JsonHit(String id, String title, List<String> authors, List<String> categories, LocalDate date,
            double score, String snippet) {}

    private record JsonResults(String query, long total, String mode, List<JsonHit> results) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String q = String.join(" ", query);
        SearchForm form = new SearchForm(q, null, null, null, mode, order, String.valueOf(offset), String.valueOf(limit));
        Config config = config();
        try (SearchComponents c = components.apply(config)) {
            SearchService.Outcome outcome = c.searchService().search(form);
            switch (outcome) {
                case SearchService.Invalid(String message) -> {
                    err.println("search: " + message);
                    return 2;
                }
                case SearchService.GoToPaper(String id) -> {
                    if (json) out.println(mapper().writeValueAsString(new JsonResults(q, 1, "id", List.of(
                            new JsonHit(id, null, List.of(), List.of(), null, 1, null)))));
                    else out.println(id);
                }
                case SearchService.Found(var request, var results) -> {
                    if (json) {
                        List<JsonHit> hits = results.hits().stream().map(h -> new JsonHit(h.id(), h.title(),
                                h.authors(), h.categories(), h.date(), h.score(), plain(h))).toList();
                        out.println(mapper().writeValueAsString(new JsonResults(q, results.total(),
                                results.mode().name().toLowerCase(Locale.ROOT), hits)));
                    } else {
                        int rank = request.offset();
                        for (SearchHit h : results.hits()) {
                            out.printf(Locale.ROOT, "%3d. %-16s %s%s%n", ++rank, h.id(), h.title(),
                                    h.date() == null ? "" : " (" + h.date() + ")");
                        }
                        out.printf(Locale.ROOT, "%d results (%s)%n", results.total(),
                                results.mode().name().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return 0;
    }

    private static String plain(SearchHit h) {
        return h.snippet().stream().map(SearchHit.Segment::text).collect(Collectors.joining());
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
