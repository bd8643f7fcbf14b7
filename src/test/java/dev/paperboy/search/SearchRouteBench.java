package dev.paperboy.search;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.embed.OnnxEmbedder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency of the real {@code /api/search} route (Javalin, JSON, lens chips, the app's own composition),
 * 8 concurrent HTTP clients. Prints numbers; not a test. See docs/benchmarks.md ("Search over HTTP").
 * <pre>
 *   SearchRouteBench SAMPLE_DIR WORK_DIR VECTORS PASSES [synthetic]
 * </pre>
 * The first run stores the sample in {@code WORK_DIR/data} (SQLite) and embeds {@code VECTORS} papers chosen
 * at random (seed 42) with the real model; later runs reuse both. The app is started as {@code serve} does,
 * minus the background embedding, which would otherwise spend the cores on the other papers while measuring.
 * <p>With {@code synthetic}, every other paper gets a deterministic synthetic unit vector (saved in the store like
 * a real one), so the HNSW graph holds all 86k papers without hours of embedding: for latency and CPU only, as
 * the neighbours of a real query among them mean nothing. Use a work directory of its own for it (the fake
 * vectors stay in its store). {@code PASSES} 0 serves for an external load generator (wrk). The index is rebuilt
 * only when this run wrote papers or vectors; otherwise the one from the last run is reused.
 */
public final class SearchRouteBench {

    private static final int CLIENTS = 8;

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int withVectors = Integer.parseInt(args[2]);
        int passes = Integer.parseInt(args[3]);
        boolean synthetic = args.length > 4 && args[4].equals("synthetic");
        Config config = Config.defaults()
                .with(Key.DATA, work.resolve("data").toString())
                .with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0")
                .with(Key.HARVEST_ENABLED, "false");
        List<Paper> papers = SearchBench.readSample(sample);
        try (App app = App.open(config, Clock.systemUTC())) {
            // The sample holds a few ids twice (merged on store), so "already stored" means "not empty".
            boolean changed = false;
            if (app.papers().count() == 0) {
                long s = System.nanoTime();
                for (int i = 0; i < papers.size(); i += 1_000) {
                    app.papers().upsertAll(papers.subList(i, Math.min(papers.size(), i + 1_000)));
                }
                System.out.printf(Locale.ROOT, "stored %d papers in %.1f s%n", papers.size(), (System.nanoTime() - s) / 1e9);
                changed = true;
            }
            List<Paper> shuffled = new ArrayList<>(papers);
            Collections.shuffle(shuffled, new Random(42));
            List<Paper> real = shuffled.subList(0, Math.min(withVectors, shuffled.size()));
            changed |= embedSubset(app, real);
            if (synthetic) changed |= synthesizeRest(app, shuffled, real);

            // Opening brings the index up to date with the papers (rebuilding it when missing or outdated);
            // vectors written just now reach it only through a rebuild, which also leaves one segment. An
            // unchanged store reuses the index, so restarting the server (another build, JVM flags) is quick.
            long s = System.nanoTime();
            App.Search search = app.search(SearchIndexer.Progress.NONE);
            if (changed) {
                long indexed = search.indexer().rebuild(SearchIndexer.Progress.NONE);
                System.out.printf(Locale.ROOT, "indexed %d papers (vectors from the store) in %.1f s%n", indexed,
                        (System.nanoTime() - s) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "opened the index in %.1f s (store unchanged, not rebuilt)%n",
                        (System.nanoTime() - s) / 1e9);
            }
            String base = "http://127.0.0.1:" + app.startWeb().port();
            List<String> queries = queries(papers);
            if (passes == 0) {
                serveForExternalClients(base, queries, work);
                return;
            }
            System.out.printf(Locale.ROOT, "%d distinct queries, %d clients, 20 results per page with snippets%n",
                    queries.size(), CLIENTS);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String mode : List.of("bm25", "hybrid")) {
                pass(http, base, queries, mode, "warm-up");
                for (int p = 1; p <= passes; p++) pass(http, base, queries, mode, "pass " + p);
            }
        }
        System.exit(0);
    }

    /**
     * Leaves the load to a client outside this JVM (wrk): writes the queries as URL-encoded request paths,
     * one per line, to {@code <work>/queries.txt}, prints the base URL and serves until the process is killed.
     */
    private static void serveForExternalClients(String base, List<String> queries, Path work) throws Exception {
        List<String> lines = queries.stream()
                .map(q -> "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                .toList();
        java.nio.file.Files.write(work.resolve("queries.txt"), lines);
        System.out.println("serving " + base + " (queries in " + work.resolve("queries.txt") + "); kill to stop");
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Embeds the chosen papers that lack a stored vector, with the production embedder, and saves them; true if any. */
    private static boolean embedSubset(App app, List<Paper> subset) {
        EmbeddingStore vectors = new EmbeddingStore(app.database().jdbi(), OnnxEmbedder.MODEL_ID);
        java.util.Map<String, String> hashes = new java.util.LinkedHashMap<>();
        java.util.Map<String, Paper> byId = new java.util.HashMap<>();
        for (Paper p : subset) {
            hashes.put(p.id(), vectors.contentHash(p.title(), p.abstractText()));
            byId.put(p.id(), p);
        }
        List<String> missing = vectors.missing(hashes);
        if (missing.isEmpty()) return false;
        long s = System.nanoTime();
        try (OnnxEmbedder embedder = OnnxEmbedder.load()) {
            for (int i = 0; i < missing.size(); i += 64) {
                List<Paper> batch = missing.subList(i, Math.min(missing.size(), i + 64)).stream().map(byId::get).toList();
                List<float[]> v = embedder.embedPassages(batch.stream()
                        .map(p -> new Embedder.Passage(p.title(), p.abstractText())).toList());
                List<EmbeddingStore.Stored> rows = new ArrayList<>();
                for (int j = 0; j < batch.size(); j++) {
                    rows.add(new EmbeddingStore.Stored(batch.get(j).id(), hashes.get(batch.get(j).id()), v.get(j)));
                }
                vectors.saveAll(rows);
                System.out.printf(Locale.ROOT, "embedded %d/%d (%.1f papers/s)%n", i + batch.size(), missing.size(),
                        (i + batch.size()) / ((System.nanoTime() - s) / 1e9));
            }
        }
        return true;
    }

    /**
     * Gives every paper without a stored vector a synthetic one. Uniformly random unit vectors would be the
     * hardest case for HNSW (no clusters, every neighbour list equally far), unlike real embeddings, so each is
     * a real vector of the subset plus Gaussian noise (cosine ~0.7 to it), normalised; seeded by paper id, so
     * the same paper gets the same vector in every run. Without real vectors it is plain Gaussian noise.
     */
    private static boolean synthesizeRest(App app, List<Paper> papers, List<Paper> real) {
        EmbeddingStore vectors = new EmbeddingStore(app.database().jdbi(), OnnxEmbedder.MODEL_ID);
        List<float[]> bases = new ArrayList<>(vectors.findAll(real.stream().map(Paper::id).toList()).values().stream()
                .map(EmbeddingStore.Stored::vector).toList());
        java.util.Map<String, String> hashes = new java.util.LinkedHashMap<>();
        java.util.Map<String, Paper> byId = new java.util.HashMap<>();
        for (Paper p : papers) {
            hashes.put(p.id(), vectors.contentHash(p.title(), p.abstractText()));
            byId.put(p.id(), p);
        }
        List<String> missing = vectors.missing(hashes);
        long s = System.nanoTime();
        int dims = bases.isEmpty() ? 384 : bases.getFirst().length; // bge-small
        // Per-component noise with the spread of a unit vector's components: noise and base have about equal
        // length, so a synthetic vector sits at cosine ~0.7 to its base.
        double sigma = bases.isEmpty() ? 1 : 1 / Math.sqrt(dims);
        List<EmbeddingStore.Stored> rows = new ArrayList<>();
        for (String id : missing) {
            Random r = new Random(id.hashCode() * 0x9E3779B97F4A7C15L);
            float[] base = bases.isEmpty() ? new float[dims] : bases.get(r.nextInt(bases.size()));
            float[] v = new float[dims];
            double norm = 0;
            for (int i = 0; i < dims; i++) {
                v[i] = (float) (base[i] + sigma * r.nextGaussian());
                norm += v[i] * v[i];
            }
            for (int i = 0; i < dims; i++) v[i] /= (float) Math.sqrt(norm);
            rows.add(new EmbeddingStore.Stored(id, hashes.get(id), v));
            if (rows.size() == 1_000) {
                vectors.saveAll(rows);
                rows.clear();
            }
        }
        vectors.saveAll(rows);
        if (missing.isEmpty()) return false;
        System.out.printf(Locale.ROOT, "synthetic vectors for %d papers in %.1f s%n", missing.size(),
                (System.nanoTime() - s) / 1e9);
        return true;
    }

    /** One pass: every query once, spread over the clients; prints the latency distribution. */
    private static void pass(HttpClient http, String base, List<String> queries, String mode, String label)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[queries.size()];
        AtomicReference<String> failure = new AtomicReference<>();
        long cpu0 = SearchBench.cpuNanos();
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < queries.size()) {
                    String url = base + "/api/search?mode=" + mode + "&q="
                            + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8);
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) failure.compareAndSet(null, r.statusCode() + " for " + url);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e + " for " + url);
                    }
                    latencies[i] = System.nanoTime() - t;
                }
            }));
        }
        for (Thread t : clients) t.join();
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = (SearchBench.cpuNanos() - cpu0) / 1e6 / queries.size();
        if (failure.get() != null) throw new IllegalStateException("bench: " + failure.get());
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-6s %-7s %4d requests in %5.2f s = %6.1f req/s | p50 %6.1f ms | p90 %6.1f ms "
                        + "| p99 %6.1f ms | max %6.1f ms | CPU %.1f ms/request (client included) | load %.1f%n",
                mode, label, queries.size(), secs, queries.size() / secs, ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, cpu, SearchBench.load());
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /**
     * About 200 distinct queries as people type them: topics in their own words, common words, title
     * fragments of sample papers (2–5 words, so many are common words too), author names, phrases, and
     * filters. Deterministic.
     */
    static List<String> queries(List<Paper> papers) {
        Set<String> out = new LinkedHashSet<>(List.of(
                "large language models reasoning", "retrieval augmented generation", "diffusion models image editing",
                "graph neural networks", "reinforcement learning from human feedback", "vision transformer efficiency",
                "speech recognition low resource", "federated learning privacy", "adversarial robustness",
                "knowledge distillation small models", "mixture of experts routing", "quantization of llms",
                "parameter efficient fine-tuning", "in-context learning", "chain of thought prompting",
                "code generation benchmark", "hallucination detection", "multimodal large language models",
                "text to video generation", "neural radiance fields", "3d gaussian splatting", "autonomous driving planning",
                "robot manipulation policies", "time series forecasting transformers", "anomaly detection",
                "contrastive learning representations", "self-supervised speech", "machine translation low resource",
                "question answering over tables", "sparse attention long context", "state space models mamba",
                "protein structure prediction", "drug discovery generative models", "medical image segmentation",
                "weather forecasting neural networks", "exoplanet atmospheres", "gravitational waves black hole mergers",
                "galaxy formation simulations", "dark matter halo", "fast radio bursts", "cosmic microwave background",
                "stellar spectra machine learning", "solar flares prediction", "supernova light curves",
                "how do transformers learn in context", "why do neural networks generalize",
                "energy efficient inference on edge devices", "bias and fairness in language models",
                "watermarking generated text", "jailbreak attacks on chatbots", "scaling laws for compute",
                "memory efficient training", "faster attention kernels", "benchmarks for agents",
                "\"large language model\" evaluation", "\"graph neural network\" molecules", "-survey llm agents",
                "cat:cs.CV segmentation", "cat:astro-ph.GA star formation", "since:2026 reasoning models",
                "until:2025-06 instruction tuning", "cat:cs.CL since:2025-10 translation", "author:wang diffusion",
                "author:smith galaxies", "author:zhang reinforcement learning",
                // Common words alone: each matches tens of thousands of the 86k papers, and the exact total and
                // the facets count every match, so these are the expensive keyword queries.
                "learning with", "a new approach to", "deep learning", "neural networks", "a survey of",
                "efficient and robust", "analysis of the data", "based on", "model for", "using machine learning"));
        Random random = new Random(7);
        while (out.size() < 200) {
            Paper p = papers.get(random.nextInt(papers.size()));
            String[] w = p.title().replaceAll("[^\\p{L}\\p{N}\\- ]", " ").strip().split("\\s+");
            if (w.length < 2) continue;
            int from = random.nextInt(Math.max(1, w.length - 2));
            String q = String.join(" ", Arrays.copyOfRange(w, from, Math.min(w.length, from + 2 + random.nextInt(4))));
            if (out.size() % 9 == 0 && !p.categories().isEmpty()) q += " cat:" + p.categories().getFirst();
            out.add(q.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    private SearchRouteBench() {}
}
