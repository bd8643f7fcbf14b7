package dev.paperboy.cli;

import dev.paperboy.Config;
import dev.paperboy.api.Json;
import dev.paperboy.api.SearchJson;
import dev.paperboy.search.SearchForm;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy search "…"}: the search box on the command line. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the papers (same syntax as the web: \"phrases\", -word, author:, cat:, since:, until:).")
public final class SearchCommand extends ConfiguredCommand {

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "the query; several words are joined")
    List<String> query;

    @Option(names = "--json", description = "print the results as JSON, shaped as GET /api/search answers")
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
                    if (json) {
                        out.println(new Json().write(SearchJson.idMatch(q,
                                c.papers().find(id).map(SearchJson.HitJson::of))));
                    } else {
                        out.println(id);
                    }
                }
                case SearchService.Found found -> {
                    var request = found.request();
                    var results = found.results();
                    if (json) {
                        out.println(new Json().write(SearchJson.of(q, found)));
                    } else {
                        int rank = request.offset();
                        for (SearchHit h : results.hits()) {
                            out.printf(Locale.ROOT, "%3d. %-16s %s%s%n", ++rank, h.id(), h.title(),
                                    h.date() == null ? "" : " (" + h.date() + ")");
                        }
                        out.printf(Locale.ROOT, "%s results (%s)%n", results.totalText(),
                                results.mode().name().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return 0;
    }
}
