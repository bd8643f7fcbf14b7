package dev.paperboy.search.lucene;

import dev.paperboy.search.SearchDefaults;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Related papers by words (MoreLikeThis, for papers without vectors): CPU per query and how often a related paper
 * shares an author with the paper (a proxy of relatedness needing no labels), for the query forms compared in
 * docs/benchmarks.md. Usage: {@code RelatedBench DATA_DIR [PAPERS] [SEED]}; reads the newest index generation.
 * A command that prints numbers; run it alone.
 */
public final class RelatedBench {

    private record Variant(String name, int terms) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        Path generation;
        try (Stream<Path> gens = Files.list(data.resolve("index"))) {
            generation = gens.filter(p -> p.getFileName().toString().startsWith("gen-")).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("no index generation in " + data));
        }
        List<Variant> variants = List.of(new Variant("40 terms (LuceneSearch.related)", 40),
                new Variant("30 terms", 30), new Variant("25 terms (Lucene's default)", 25));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Analyzer text = Analyzers.text();
        try (var dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(reader);
            s.setQueryCache(null);
            int[] docs = new SplittableRandom(seed).ints(n, 0, reader.maxDoc()).toArray();
            System.out.printf("related-bench: %d papers in %s, %d sampled (seed %d)%n", reader.numDocs(), generation,
                    n, seed);
            for (int round = 0; round < 2; round++) { // the first round warms the JIT and the page cache
                for (Variant v : variants) {
                    long nanos = 0;
                    int shared = 0;
                    int found = 0;
                    long[] each = new long[docs.length];
                    LIKE_NANOS[0] = 0;
                    for (int i = 0; i < docs.length; i++) {
                        Document d = s.storedFields().document(docs[i]);
                        long start = cpu.getCurrentThreadCpuTime();
                        TopDocs td = related(s, text, d, v);
                        each[i] = cpu.getCurrentThreadCpuTime() - start;
                        nanos += each[i];
                        Set<String> authors = new HashSet<>(List.of(d.getValues(Fields.AUTHOR_LIST)));
                        for (var hit : td.scoreDocs) {
                            found++;
                            Document r = s.storedFields().document(hit.doc);
                            for (String a : r.getValues(Fields.AUTHOR_LIST)) {
                                if (authors.contains(a)) {
                                    shared++;
                                    break;
                                }
                            }
                        }
                    }
                    if (round == 0) continue;
                    Arrays.sort(each);
                    System.out.printf("  %-40s CPU mean %.2f ms, p50 %.2f, p99 %.2f; shares an author %.1f %%; choosing terms %.2f ms%n",
                            v.name(), nanos / 1e6 / docs.length, each[docs.length / 2] / 1e6,
                            each[docs.length * 99 / 100] / 1e6, 100.0 * shared / Math.max(1, found), LIKE_NANOS[0] / 1e6 / docs.length);
                }
            }
        }
    }

    private static TopDocs related(IndexSearcher s, Analyzer text, Document d, Variant v) throws Exception {
        String id = d.get(Fields.ID);
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(text);
        mlt.setFieldNames(new String[] {Fields.TEXT});
        mlt.setMinDocFreq(1);
        mlt.setMinTermFreq(1);
        mlt.setMaxQueryTerms(v.terms());
        long t0 = CPU.getCurrentThreadCpuTime();
        Query like = mlt.like(Fields.TEXT, new StringReader(d.get(Fields.TITLE) + "\n" + d.get(Fields.ABSTRACT)));
        LIKE_NANOS[0] += CPU.getCurrentThreadCpuTime() - t0;
        // As LuceneSearch.related asks it: the paper itself excluded by a filter.
        Query notSelf = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT).build();
        Query q = new BooleanQuery.Builder().add(like, Occur.MUST).add(notSelf, Occur.FILTER).build();
        return s.search(q, SearchDefaults.RELATED);
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final long[] LIKE_NANOS = new long[1];

    private RelatedBench() {}
}
