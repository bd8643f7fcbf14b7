package dev.paperboy.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.db.Database;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Search benchmarks; prints numbers. Not a test: run it with the test class path (see docs/benchmarks.md).
 * <pre>
 *   index   DATA_DIR                      BM25 indexing throughput over the arXiv sample
 *   embed   DATA_DIR N                    embedding papers/s: pipeline vs raw ONNX on the same N abstracts
 *   latency DATA_DIR INDEX_DIR DB N SECS  /api/search-style HTTP latency, 8 clients, N papers with real vectors
 *   facets  DATA_DIR N                    cost of the saves facet counts beside the top-20 BM25 search, N queries
 * </pre>
 */
public final class SearchBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "index" -> index(Path.of(args[1]));
            case "embed" -> embed(Path.of(args[1]), Integer.parseInt(args[2]));
            case "facets" -> dev.paperboy.search.lucene.FacetBench.run(Path.of(args[1]), Integer.parseInt(args[2]));
            case "latency" -> latency(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
        System.exit(0);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static List<Paper> readSample(Path dataDir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Paper> out = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(dataDir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(f), 1 << 16), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode n = json.readTree(line);
                    List<Author> authors = new ArrayList<>();
                    n.path("authors").forEach(a -> authors.add(new Author(a.asText())));
                    List<String> cats = new ArrayList<>();
                    n.path("categories").forEach(c -> cats.add(c.asText()));
                    String date = n.path("first_listing_date").asText(null);
                    out.add(Paper.builder(n.get("id").asText())
                            .title(n.path("title").asText(""))
                            .authors(authors)
                            .abstractText(n.path("summary").asText("").replace('\n', ' '))
                            .categories(cats)
                            .published(date == null ? null : LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC))
                            .source("bench")
                            .build());
                }
            }
        }
        return out;
    }

    private static void index(Path dataDir) throws Exception {
        long t0 = System.nanoTime();
        List<Paper> papers = readSample(dataDir);
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "read %d papers in %.1f s%n", papers.size(), (t1 - t0) / 1e9);
        Path dir = Files.createTempDirectory("pb-bench-index");
        for (int run = 1; run <= 2; run++) {
            try (LuceneIndex index = LuceneIndex.open(dir.resolve("i" + run), OnnxEmbedder.MODEL_ID, SearchDefaults.fusion())) {
                long s = System.nanoTime();
                long cpu0 = cpuNanos();
                index.rebuild(sink -> papers.forEach(p -> sink.accept(new PaperIndex.Entry(p, null))), 0);
                double secs = (System.nanoTime() - s) / 1e9;
                double cpu = (cpuNanos() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: bm25 indexed %d papers in %.1f s wall = %.0f papers/s "
                        + "(incl. commit); process CPU %.1f s = %.0f papers per CPU-second; load average %.1f%n",
                        run, papers.size(), secs, papers.size() / secs, cpu, papers.size() / cpu, load());
            }
        }
    }

    private static void embed(Path dataDir, int n) throws Exception {
        List<Paper> all = readSample(dataDir);
        List<Paper> papers = new ArrayList<>(all.subList(0, n));
        int cores = Runtime.getRuntime().availableProcessors();
        // Raw: the same sessions and tokeniser settings, texts pre-tokenised, no pool, store or index.
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] model;
        byte[] tok;
        try (InputStream m = SearchBench.class.getResourceAsStream(OnnxEmbedder.MODEL_RESOURCE);
                InputStream t = SearchBench.class.getResourceAsStream(OnnxEmbedder.TOKENIZER_RESOURCE)) {
            model = m.readAllBytes();
            tok = t.readAllBytes();
        }
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new java.io.ByteArrayInputStream(tok),
                Map.of("truncation", "true", "padding", "false", "maxLength", "512"));
        List<Encoding> encodings = new ArrayList<>();
        long tokens = 0;
        for (Paper p : papers) {
            Encoding e = tokenizer.encode(OnnxEmbedder.passageText(p.title(), p.abstractText()));
            encodings.add(e);
            tokens += e.getIds().length;
        }
        System.out.printf(Locale.ROOT, "%d abstracts, mean %.0f tokens, %d workers%n", n, (double) tokens / n, cores);
        List<OrtSession> sessions = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            OrtSession.SessionOptions o = new OrtSession.SessionOptions();
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessions.add(env.createSession(model, o));
        }
        for (int round = 1; round <= 2; round++) {
            // Raw ONNX
            long s = System.nanoTime();
            var next = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (OrtSession session : sessions) {
                threads.add(Thread.ofPlatform().start(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < encodings.size()) {
                        Encoding e = encodings.get(i);
                        try (OnnxTensor ids = OnnxTensor.createTensor(env, new long[][] {e.getIds()});
                                OnnxTensor mask = OnnxTensor.createTensor(env, new long[][] {e.getAttentionMask()});
                                OnnxTensor types = OnnxTensor.createTensor(env, new long[][] {e.getTypeIds()});
                                var r = session.run(Map.of("input_ids", ids, "attention_mask", mask,
                                        "token_type_ids", types))) {
                            r.get(0);
                        } catch (Exception ex) {
                            throw new RuntimeException(ex);
                        }
                    }
                }));
            }
            for (Thread t : threads) t.join();
            double raw = (System.nanoTime() - s) / 1e9;

            // Pipeline: store -> embedMissing (tokenise, run, pool, save vectors, update index)
            Path dir = Files.createTempDirectory("pb-bench-embed");
            InMemoryPaperStore store = new InMemoryPaperStore();
            store.upsertAll(papers);
            try (Database db = Database.open(Database.sqliteUrl(dir.resolve("e.db")));
                    OnnxEmbedder embedder = OnnxEmbedder.load(cores);
                    LuceneIndex index = LuceneIndex.open(dir.resolve("index"), embedder.modelId(), SearchDefaults.fusion())) {
                SearchIndexer indexer = new SearchIndexer(store, index, new EmbeddingStore(db.jdbi(), embedder.modelId()));
                indexer.rebuild(SearchIndexer.Progress.NONE);
                s = System.nanoTime();
                long done = indexer.embedMissing(embedder, SearchIndexer.Progress.NONE, () -> true);
                double pipe = (System.nanoTime() - s) / 1e9;
                System.out.printf(Locale.ROOT,
                        "round %d: raw onnx %.1f papers/s (%.1f s) | pipeline %.1f papers/s (%.1f s, %d papers) | overhead %.1f%%%n",
                        round, n / raw, raw, done / pipe, pipe, done, 100 * (pipe - raw) / raw);
            }
        }
        for (OrtSession s : sessions) s.close();
        tokenizer.close();
    }

    private static void latency(Path dataDir, Path indexDir, Path dbFile, int withVectors, int seconds) throws Exception {
        List<Paper> papers = readSample(dataDir);
        Random random = new Random(42);
        List<Paper> shuffled = new ArrayList<>(papers);
        Collections.shuffle(shuffled, random);
        List<Paper> embedded = shuffled.subList(0, Math.min(withVectors, shuffled.size()));
        try (Database db = Database.open(Database.sqliteUrl(dbFile));
                OnnxEmbedder embedder = OnnxEmbedder.load()) {
            EmbeddingStore vectors = new EmbeddingStore(db.jdbi(), embedder.modelId());
            InMemoryPaperStore subset = new InMemoryPaperStore();
            subset.upsertAll(embedded);
            Path scratch = Files.createTempDirectory("pb-bench-lat");
            try (LuceneIndex tmp = LuceneIndex.open(scratch, embedder.modelId(), SearchDefaults.fusion())) {
                SearchIndexer ix = new SearchIndexer(subset, tmp, vectors);
                ix.rebuild(SearchIndexer.Progress.NONE);
                long[] last = {0};
                long n = ix.embedMissing(embedder, (step, done, total) -> {
                    if (System.nanoTime() - last[0] > 10e9) {
                        last[0] = System.nanoTime();
                        System.out.printf(Locale.ROOT, "embedding %d/%d%n", done, total);
                    }
                }, () -> true);
                System.out.printf(Locale.ROOT, "embedded %d new papers (%d had stored vectors)%n", n, embedded.size() - n);
            }
            Map<String, EmbeddingStore.Stored> stored = vectors.findAll(embedded.stream().map(Paper::id).toList());
            try (LuceneIndex index = LuceneIndex.open(indexDir, embedder.modelId(), SearchDefaults.fusion())) {
                long s = System.nanoTime();
                index.rebuild(sink -> papers.forEach(p -> {
                    EmbeddingStore.Stored v = stored.get(p.id());
                    sink.accept(new PaperIndex.Entry(p, v == null ? null : v.vector()));
                }), 0);
                System.out.printf(Locale.ROOT, "indexed %d papers, %d with vectors, in %.1f s%n", index.count(),
                        stored.size(), (System.nanoTime() - s) / 1e9);
                SearchService service = new SearchService(index, embedder);
                // Queries: the first words of random titles, 2 to 6 words, as people type them.
                List<String> queries = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String[] w = papers.get(random.nextInt(papers.size())).title().split("\\s+");
                    queries.add(String.join(" ", Arrays.copyOf(w, Math.min(w.length, 2 + random.nextInt(5)))));
                }
                run(service, queries, seconds);
            }
        }
    }

    /** 8 threads calling the service directly: the search package's share of a request. */
    private static void inProcess(SearchService service, List<String> queries, int seconds) throws Exception {
        for (String mode : List.of("hybrid", "bm25")) {
            for (String phase : List.of("warmup", "measure")) {
                int secs = phase.equals("warmup") ? Math.max(5, seconds / 3) : seconds;
                List<Long> lat = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                long cpu0 = cpuNanos();
                for (int c = 0; c < 8; c++) {
                    int seed = c;
                    clients.add(Thread.ofPlatform().start(() -> {
                        Random r = new Random(seed);
                        while (!stop.get()) {
                            String q = queries.get(r.nextInt(queries.size()));
                            long s = System.nanoTime();
                            service.search(new SearchForm(q, null, null, null, mode, null, null, "20"));
                            lat.add(System.nanoTime() - s);
                        }
                    }));
                }
                Thread.sleep(secs * 1000L);
                stop.set(true);
                for (Thread t : clients) t.join();
                if (phase.equals("warmup")) continue;
                double cpu = (cpuNanos() - cpu0) / 1e6;
                long[] a = lat.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT,
                        "in-process %s: 8 threads, %d searches in %d s = %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                                + "CPU %.2f ms/search, load average %.1f%n",
                        mode, a.length, secs, a.length / (double) secs, a[a.length / 2] / 1e6,
                        a[(int) (a.length * 0.90)] / 1e6, a[(int) (a.length * 0.99)] / 1e6, cpu / a.length, load());
            }
        }
    }

    private static void run(SearchService service, List<String> queries, int seconds) throws Exception {
        inProcess(service, queries, seconds);
        ObjectMapper json = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/search", ex -> {
            Map<String, String> params = new HashMap<>();
            for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                params.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
            SearchService.Outcome o = service.search(new SearchForm(params.get("q"), null, null, null,
                    params.get("mode"), null, null, "20"));
            byte[] body = json.writeValueAsBytes(o instanceof SearchService.Found f ? f.results() : o);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(o instanceof SearchService.Invalid ? 400 : 200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        for (String mode : List.of("hybrid", "bm25")) {
            for (String phase : List.of("warmup", "measure")) {
                int secs = phase.equals("warmup") ? Math.max(5, seconds / 3) : seconds;
                List<Long> lat = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean stop = new AtomicBoolean();
                int[] errors = {0};
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    int seed = c;
                    clients.add(Thread.ofPlatform().start(() -> {
                        HttpClient http = HttpClient.newHttpClient();
                        Random r = new Random(seed);
                        while (!stop.get()) {
                            String q = queries.get(r.nextInt(queries.size()));
                            URI uri = URI.create("http://127.0.0.1:" + port + "/api/search?mode=" + mode + "&q="
                                    + URLEncoder.encode(q, StandardCharsets.UTF_8));
                            long s = System.nanoTime();
                            try {
                                HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(uri).build(),
                                        HttpResponse.BodyHandlers.ofByteArray());
                                if (resp.statusCode() != 200) synchronized (errors) { errors[0]++; }
                            } catch (Exception e) {
                                synchronized (errors) { errors[0]++; }
                            }
                            lat.add(System.nanoTime() - s);
                        }
                    }));
                }
                Thread.sleep(secs * 1000L);
                stop.set(true);
                for (Thread t : clients) t.join();
                if (phase.equals("warmup")) continue;
                long[] a = lat.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT,
                        "http %s: 8 clients, %d requests in %d s = %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                                + "errors %d, load average %.1f%n",
                        mode, a.length, secs, a.length / (double) secs, a[a.length / 2] / 1e6,
                        a[(int) (a.length * 0.90)] / 1e6, a[(int) (a.length * 0.99)] / 1e6, errors[0], load());
            }
        }
        server.stop(0);
    }
}
