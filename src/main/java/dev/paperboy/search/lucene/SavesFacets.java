package dev.paperboy.search.lucene;

import dev.paperboy.lens.Lens;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts documents, and documents per budget-lens resource from the {@link Fields#SAVES} doc values. */
final class SavesFacets {
    private SavesFacets() {}

    /** How many documents, and per resource (vocabulary order, zeros left out). */
    record Counts(long total, Map<String, Long> facets) {
        static final Counts NONE = new Counts(0, Map.of());

        /** Both counts of two disjoint sets of documents. */
        Counts plus(Counts other) {
            Map<String, Long> sum = new HashMap<>(facets);
            other.facets.forEach((k, v) -> sum.merge(k, v, Long::sum));
            return new Counts(total + other.total, ordered(sum));
        }
    }

    /**
     * The counts over every document matching {@code query}, in one pass without scoring: the exact total
     * of a keyword search comes with its facets at no extra cost.
     */
    static Counts count(IndexSearcher s, Query query) throws IOException {
        return s.search(query, new Manager());
    }

    /** The counts over the given documents (top-level doc ids, e.g. fused candidates). */
    static Counts count(IndexSearcher s, int[] docs) throws IOException {
        int[] sorted = docs.clone();
        Arrays.sort(sorted);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        long[] byMask = new long[1 << Lens.RESOURCES.size()];
        int i = 0;
        while (i < sorted.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
            short[] masks = masks(leaf.reader());
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (; i < sorted.length && sorted[i] < end; i++) byMask[masks[sorted[i] - leaf.docBase]]++;
        }
        return counts(byMask);
    }

    /** Documents per combination of resources → the total and documents per resource (vocabulary order). */
    private static Counts counts(long[] byMask) {
        long total = 0;
        long[] byResource = new long[Lens.RESOURCES.size()];
        for (int m = 0; m < byMask.length; m++) {
            if (byMask[m] == 0) continue;
            total += byMask[m];
            for (int r = 0; r < byResource.length; r++) if ((m & 1 << r) != 0) byResource[r] += byMask[m];
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int r = 0; r < byResource.length; r++) if (byResource[r] > 0) out.put(Lens.RESOURCES.get(r), byResource[r]);
        return new Counts(total, out);
    }

    /** Vocabulary order, zeros left out. */
    private static Map<String, Long> ordered(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String r : Lens.RESOURCES) {
            Long n = counts.get(r);
            if (n != null && n > 0) out.put(r, n);
        }
        return out;
    }

    /*
     * Each segment's resources per document as bits (bit i = Lens.RESOURCES[i]), read from the doc values once
     * per segment and kept until the segment is closed (2 bytes per document). Counting a search then costs
     * one array read per match: walking the SortedSetDocValues per match was most of the facet pass, which
     * runs over every match of every keyword search (tens of thousands for common words).
     */
    private static final Map<IndexReader.CacheKey, short[]> MASKS = new ConcurrentHashMap<>();

    static {
        if (Lens.RESOURCES.size() > 15) throw new IllegalStateException("facets: more resources than mask bits");
    }

    private static short[] masks(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) return readMasks(reader);
        short[] cached = MASKS.get(helper.getKey());
        if (cached != null) return cached;
        short[] read = readMasks(reader);
        if (MASKS.putIfAbsent(helper.getKey(), read) == null) helper.addClosedListener(MASKS::remove);
        return read;
    }

    private static short[] readMasks(LeafReader reader) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(reader, Fields.SAVES);
        int[] bitOfOrd = new int[(int) values.getValueCount()];
        for (int ord = 0; ord < bitOfOrd.length; ord++) {
            // A value outside the vocabulary (none today: the index is rebuilt when the lens changes) is not counted.
            int r = Lens.RESOURCES.indexOf(values.lookupOrd(ord).utf8ToString());
            bitOfOrd[ord] = r < 0 ? 0 : 1 << r;
        }
        short[] masks = new short[reader.maxDoc()];
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            int m = 0;
            for (int n = values.docValueCount(), j = 0; j < n; j++) m |= bitOfOrd[(int) values.nextOrd()];
            masks[doc] = (short) m;
        }
        return masks;
    }

    private static final class Counter implements Collector {
        final long[] byMask = new long[1 << Lens.RESOURCES.size()];

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            short[] masks = masks(context.reader());
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) {
                    byMask[masks[doc]]++;
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static final class Manager implements CollectorManager<Counter, Counts> {
        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Counts reduce(Collection<Counter> collectors) {
            long[] sum = new long[1 << Lens.RESOURCES.size()];
            for (Counter c : collectors) for (int m = 0; m < sum.length; m++) sum[m] += c.byMask[m];
            return counts(sum);
        }
    }
}
