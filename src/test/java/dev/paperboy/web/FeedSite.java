package dev.paperboy.web;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.TinyEmbedder;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import dev.paperboy.search.SearchIndexer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real app (SQLite, Lucene in a temp dir, a tiny embedder) on a loopback port over {@link SearchCorpus} plus two
 * hostile papers, for the feed and OpenAPI tests.
 */
final class FeedSite implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final String BASE_URL = "https://papers.example.org";

    /** Markup in every text field, a script URL as its links, and a control character XML cannot carry. */
    static final Paper HOSTILE = Paper.builder("2406.00006")
            .version(2)
            .title("<script>alert('title')</script> Sparse \"><img src=x onerror=alert(1)> attention\u0001")
            .authors(List.of(new Author("<b onmouseover=alert(2)>Mallory</b>"), new Author("Eve & \"Trudy\"")))
            .abstractText("\"><img src=x onerror=alert(3)> We make sparse attention 3x faster. "
                    + "<a href=\"javascript:alert(4)\">click</a> ]]> <![CDATA[ x ]]>")
            .categories(List.of("cs.LG"))
            .published(Instant.parse("2024-06-10T00:00:00Z"))
            .updated(Instant.parse("2024-06-12T08:30:00Z"))
            .links(new Links("javascript:alert(5)", "data:text/html,<script>alert(6)</script>",
                    " JavaScript:alert(7)", null))
            .source("test")
            .build();
    /** A paper without an arXiv id, authors or title. */
    static final Paper DERIVED = Paper.builder("beir-scifact-42")
            .abstractText("A derived paper with no title and no authors.")
            .categories(List.of("cs.CL"))
            .published(Instant.parse("2023-12-01T00:00:00Z"))
            .source("test")
            .build();

    static final List<Paper> ALL;

    static {
        List<Paper> all = new ArrayList<>(SearchCorpus.ALL);
        all.add(HOSTILE);
        all.add(DERIVED);
        ALL = List.copyOf(all);
    }

    final App app;
    final WebServer web;
    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    FeedSite(Path data, int pageSize) throws Exception {
        Config config = Config.defaults()
                .with(Key.DATA, data.toString())
                .with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0")
                .with(Key.BASE_URL, BASE_URL)
                .with(Key.PAGE_SIZE, String.valueOf(pageSize))
                .with(Key.EMBED, "true");
        App opened = App.open(config, CLOCK, JdbiPaperStore::new, TinyEmbedder.embedding());
        try {
            opened.papers().upsertAll(ALL);
            App.Search search = opened.search(SearchIndexer.Progress.NONE);
            search.indexer().embedMissing(search.embedder().orElseThrow(), SearchIndexer.Progress.NONE, () -> true);
            web = opened.startWeb();
        } catch (Exception | Error e) {
            opened.close();
            throw e;
        }
        app = opened;
        base = "http://127.0.0.1:" + web.port();
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> head(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        app.close();
    }
}
