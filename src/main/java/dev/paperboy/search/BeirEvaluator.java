package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.embed.OnnxEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a benchmark collection through the product's code paths: papers into a fresh index (from {@code indexes}) in a
 * scratch directory (vectors from the {@link EmbeddingStore}, computed by the {@link Embedder} when
 * missing), then every query through {@link SearchService}.
 */
public final class BeirEvaluator {

    /** One benchmark query. */
    public record Query(String id, String text) {}

    /** What the run took. */
    public record Stats(int papers, double indexSeconds, int embedded, double embedSeconds, double searchSeconds) {}

    private static final int EMBED_BATCH = 64;

    private final Embedder embedder;
    private final EmbeddingStore embeddings;
    private final Fusion fusion;
    private final PaperIndex.Opener indexes;
    private final SearchIndexer.Progress progress;
    private Stats stats;

    /** {@code embedder} and {@code embeddings} may be null for a keyword-only run. */
    public BeirEvaluator(Embedder embedder, EmbeddingStore embeddings, Fusion fusion, PaperIndex.Opener indexes,
            SearchIndexer.Progress progress) {
        this.embedder = embedder;
        this.embeddings = embeddings;
        this.fusion = fusion;
        this.indexes = indexes;
        this.progress = progress;
    }

    /**
     * Indexes {@code papers} in {@code indexDir}, runs the queries and returns the top {@code depth}
     * paper ids per query id.
     */
    public Map<String, List<Evaluation.Ranked>> run(List<Paper> papers, List<Query> queries, SearchMode mode,
            Path indexDir, int depth) {
        boolean dense = mode != SearchMode.BM25;
        if (dense && (embedder == null || embeddings == null)) {
            throw new IllegalArgumentException("eval: mode " + mode + " needs an embedder and an embedding store");
        }
        long t0 = System.nanoTime();
        int embedded = dense ? embedMissing(papers) : 0;
        long t1 = System.nanoTime();
        String modelId = embedder != null ? embedder.modelId() : OnnxEmbedder.MODEL_ID;
        try (PaperIndex index = indexes.open(indexDir, modelId, fusion)) {
            Map<String, EmbeddingStore.Stored> vectors = dense
                    ? embeddings.findAll(papers.stream().map(Paper::id).toList())
                    : Map.of();
            long t2 = System.nanoTime();
            index.rebuild(sink -> {
                for (Paper p : papers) {
                    EmbeddingStore.Stored v = vectors.get(p.id());
                    sink.accept(new PaperIndex.Entry(p, v == null ? null : v.vector()));
                }
            }, 0);
            long t3 = System.nanoTime();
            SearchService service = new SearchService(index, dense ? embedder : null);
            Map<String, List<Evaluation.Ranked>> run = new LinkedHashMap<>();
            int done = 0;
            for (Query q : queries) {
                SearchRequest r = new SearchRequest(SearchQuery.ofWords(q.text()), mode, SearchOrder.RELEVANCE, 0,
                        Math.min(depth, SearchRequest.MAX_LIMIT)).withoutSnippets();
                List<Evaluation.Ranked> ranked = new ArrayList<>();
                for (SearchHit h : service.search(r).hits()) ranked.add(new Evaluation.Ranked(h.id(), h.score()));
                run.put(q.id(), ranked);
                if (++done % 100 == 0 || done == queries.size()) progress.report("search", done, queries.size());
            }
            long t4 = System.nanoTime();
            stats = new Stats(papers.size(), (t3 - t2) / 1e9, embedded, (t1 - t0) / 1e9, (t4 - t3) / 1e9);
            return run;
        }
    }

    /** Timings of the last run. */
    public Stats stats() {
        return stats;
    }

    private int embedMissing(List<Paper> papers) {
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, Paper> byId = new LinkedHashMap<>();
        for (Paper p : papers) {
            hashes.put(p.id(), embeddings.contentHash(p.title(), p.abstractText()));
            byId.put(p.id(), p);
        }
        List<String> missing = embeddings.missing(hashes);
        for (int i = 0; i < missing.size(); i += EMBED_BATCH) {
            List<Paper> batch = missing.subList(i, Math.min(missing.size(), i + EMBED_BATCH)).stream()
                    .map(byId::get).toList();
            List<float[]> vectors = embedder.embedPassages(
                    batch.stream().map(p -> new Embedder.Passage(p.title(), p.abstractText())).toList());
            List<EmbeddingStore.Stored> rows = new ArrayList<>();
            for (int j = 0; j < batch.size(); j++) {
                rows.add(new EmbeddingStore.Stored(batch.get(j).id(), hashes.get(batch.get(j).id()), vectors.get(j)));
            }
            // Saved batch by batch: an interrupted run keeps what it finished.
            embeddings.saveAll(rows);
            progress.report("embed", i + batch.size(), missing.size());
        }
        return missing.size();
    }
}
