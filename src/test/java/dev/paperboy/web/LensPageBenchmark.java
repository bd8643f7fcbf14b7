package dev.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.api.HealthApi;
import dev.paperboy.api.Json;
import dev.paperboy.api.PaperApi;
import dev.paperboy.api.SearchApi;
import dev.paperboy.lens.LensCache;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What computing the lens on every render costs: the extractor's time for the papers of one page, then the
 * pages on the real server over SQLite holding real abstracts, without (capacity 1) and with the lens cache. Usage:
 * {@code LensPageBenchmark [listing.jsonl.gz] [papers] [seconds] [clients]}.
 */
public final class LensPageBenchmark {

    public static void main(String[] args) throws Exception {
        Path listing = Path.of(args.length > 0 ? args[0]
                : "../shared/data/arxiv-sample/daily-listings-cs-2025-03_2026-07.jsonl.gz");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        List<Paper> papers = read(listing, count);

        Path data = Files.createTempDirectory("pb-lens-bench");
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0");
        try (App app = App.open(config, Clock.systemUTC())) {
            app.papers().upsertAll(papers);
            int pageSize = config.pageSize();
            System.out.printf("papers=%d seconds=%d clients=%d cores=%d page-size=%d extractor=%d%n", papers.size(),
                    seconds, clients, Runtime.getRuntime().availableProcessors(), pageSize, LensExtractor.VERSION);

            List<Paper> home = app.papers().newest(pageSize, 0);
            double homeMicros = extractMicros(home, seconds);
            double oneMicros = extractMicros(home.subList(0, 1), seconds);
            System.out.printf("lens for one home page (%d papers): %.0f µs; for one paper: %.0f µs%n", home.size(),
                    homeMicros, oneMicros);

            String someId = papers.get(papers.size() / 2).id();
            // Capacity 1 recomputes every lens on every render; the default keeps them. Alternated so both
            // see the same machine load.
            for (int round = 1; round <= 2; round++) {
                for (int capacity : List.of(1, PaperPages.LENS_CACHE)) {
                    try (WebServer web = WebServer.start("127.0.0.1", 0, routes(app, pageSize, capacity))) {
                        String base = "http://127.0.0.1:" + web.port();
                        for (String path : List.of("/", "/papers/" + someId, "/api/papers?limit=20")) {
                            WebBenchmark.run(base + path, 2, clients); // warm-up
                            WebBenchmark.run(base + path, seconds, clients)
                                    .print("r" + round + " cache=" + capacity + " " + path);
                        }
                    }
                }
            }
        }
    }

    /** The site as App wires it, over a lens cache of the given capacity and without search. */
    private static Routes routes(App app, int pageSize, int lensCache) {
        Json json = new Json();
        Templates templates = Templates.precompiled();
        LensCache lenses = new LensCache(new LensExtractor(), lensCache);
        SearchPages search = new SearchPages(Optional.empty(), templates, pageSize);
        return new Routes(new PaperPages(app.papers(), lenses, templates, pageSize, "", List::of, search), search,
                new PaperApi(app.papers(), lenses, json), new SearchApi(Optional.empty(), app.papers(), lenses, json),
                new HealthApi(app.papers(), Clock.systemUTC(), json, () -> 0), new ErrorPages(templates, json),
                new FeedPages(app.papers(), Optional.empty(), lenses, new Conditional(Clock.systemUTC()),
                        "http://localhost", pageSize, "test"),
                new ApiDocsPage(templates, new Conditional(Clock.systemUTC())), new Conditional(Clock.systemUTC()), null, null);
    }

    /** Mean wall time in µs to extract the lens of every paper in {@code page}, single-threaded, after a warm-up. */
    private static double extractMicros(List<Paper> page, int seconds) {
        LensExtractor lens = new LensExtractor();
        long sink = 0;
        for (int i = 0; i < 2_000; i++) for (Paper p : page) sink += lens.extract(p.title(), p.abstractText()).claims().size();
        long rounds = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L / 2;
        while (System.nanoTime() < end) {
            for (Paper p : page) sink += lens.extract(p.title(), p.abstractText()).claims().size();
            rounds++;
        }
        double micros = (System.nanoTime() - start) / 1e3 / rounds;
        if (sink == 42) System.out.print(""); // keeps the work observable to the JIT
        return micros;
    }

    /** The first {@code count} papers of a daily-listing dump, newest last. */
    private static List<Paper> read(Path listing, int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Paper> out = new ArrayList<>();
        Instant t = Instant.parse("2025-03-01T00:00:00Z");
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(listing)),
                StandardCharsets.UTF_8))) {
            String line;
            while (out.size() < count && (line = in.readLine()) != null) {
                JsonNode n = json.readTree(line);
                List<Author> authors = new ArrayList<>();
                n.path("authors").forEach(a -> authors.add(new Author(a.asText())));
                List<String> cats = new ArrayList<>();
                n.path("categories").forEach(c -> cats.add(c.asText()));
                t = t.plusSeconds(60);
                out.add(Paper.builder(n.get("id").asText())
                        .version(1)
                        .title(n.path("title").asText())
                        .authors(authors)
                        .abstractText(n.path("summary").asText())
                        .categories(cats)
                        .published(t)
                        .source("bench")
                        .build());
            }
        }
        return out;
    }
}
