package dev.paperboy.search.lucene;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.SearchBench;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** {@code SearchBench facets}: the cost of the saves facet pass, which needs the index's own query building. */
public final class FacetBench {
    private FacetBench() {}

    /**
     * Per BM25 query: the top-20 search alone, then the facet pass over all its matches (what
     * {@code LuceneIndex} adds to every keyword search), on one thread over the whole sample.
     */
    public static void run(Path dataDir, int n) throws Exception {
        List<Paper> papers = SearchBench.readSample(dataDir);
        Path dir = Files.createTempDirectory("pb-bench-facets");
        try (LuceneIndex index = LuceneIndex.open(dir, OnnxEmbedder.MODEL_ID, SearchDefaults.fusion())) {
            long s = System.nanoTime();
            index.rebuild(sink -> papers.forEach(p -> sink.accept(new PaperIndex.Entry(p, null))), 0);
            double secs = (System.nanoTime() - s) / 1e9;
            System.out.printf(Locale.ROOT, "indexed %d papers (with lens) in %.1f s = %.0f papers/s; load %.1f%n",
                    papers.size(), secs, papers.size() / secs, SearchBench.load());
            Random random = new Random(42);
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String[] w = papers.get(random.nextInt(papers.size())).title().split("\\s+");
                queries.add(String.join(" ", Arrays.copyOf(w, Math.min(w.length, 2 + random.nextInt(5)))));
            }
            String gen = Files.readString(dir.resolve(LuceneIndex.CURRENT)).strip();
            try (var fs = org.apache.lucene.store.FSDirectory.open(dir.resolve(gen));
                    var reader = org.apache.lucene.index.DirectoryReader.open(fs)) {
                var searcher = new org.apache.lucene.search.IndexSearcher(reader);
                LuceneQueries queries2 = new LuceneQueries(Analyzers.text(), Analyzers.names());
                for (int round = 1; round <= 2; round++) {
                    long[] top = new long[n];
                    long[] facet = new long[n];
                    long matches = 0;
                    long counted = 0;
                    for (int i = 0; i < n; i++) {
                        var q = queries2.keyword(((SearchQuery.Ok) SearchQuery.parse(queries.get(i))).query());
                        if (q == null) continue;
                        long a = System.nanoTime();
                        searcher.search(q, 20);
                        long b = System.nanoTime();
                        Map<String, Long> counts = SavesFacets.count(searcher, q).facets();
                        long c = System.nanoTime();
                        top[i] = b - a;
                        facet[i] = c - b;
                        matches += searcher.count(q);
                        for (long v : counts.values()) counted += v;
                    }
                    Arrays.sort(top);
                    Arrays.sort(facet);
                    System.out.printf(Locale.ROOT, "round %d, %d queries, mean %.0f matches: top-20 p50 %.2f ms "
                            + "p90 %.2f ms mean %.2f ms | facets p50 %.2f ms p90 %.2f ms mean %.2f ms "
                            + "(%.0f resource labels counted per query); load %.1f%n",
                            round, n, (double) matches / n, top[n / 2] / 1e6, top[n * 9 / 10] / 1e6,
                            Arrays.stream(top).average().orElse(0) / 1e6, facet[n / 2] / 1e6,
                            facet[n * 9 / 10] / 1e6, Arrays.stream(facet).average().orElse(0) / 1e6, (double) counted / n, SearchBench.load());
                }
            }
        }
    }
}
