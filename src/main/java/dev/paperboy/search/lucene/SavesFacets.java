package dev.paperboy.search.lucene;

import dev.paperboy.lens.Lens;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
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
        Map<String, Long> counts = new HashMap<>();
        int i = 0;
        while (i < sorted.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
            LeafCounts c = new LeafCounts(leaf);
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (; i < sorted.length && sorted[i] < end; i++) c.collect(sorted[i] - leaf.docBase);
            c.addTo(counts);
        }
        return new Counts(sorted.length, ordered(counts));
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

    /** Per-ordinal counts for one segment; ordinals are per segment, so they become names when it is done. */
    private static final class LeafCounts {
        private final SortedSetDocValues values;
        private final long[] byOrd;

        LeafCounts(LeafReaderContext leaf) throws IOException {
            values = DocValues.getSortedSet(leaf.reader(), Fields.SAVES);
            // The vocabulary is a handful of words, so a segment has only a few ordinals.
            byOrd = new long[(int) values.getValueCount()];
        }

        void collect(int doc) throws IOException {
            if (!values.advanceExact(doc)) return;
            for (int n = values.docValueCount(), j = 0; j < n; j++) byOrd[(int) values.nextOrd()]++;
        }

        void addTo(Map<String, Long> counts) throws IOException {
            for (int ord = 0; ord < byOrd.length; ord++) {
                if (byOrd[ord] > 0) counts.merge(values.lookupOrd(ord).utf8ToString(), byOrd[ord], Long::sum);
            }
        }
    }

    private static final class Counter implements Collector {
        final Map<String, Long> counts = new HashMap<>();
        long total;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCounts c = new LeafCounts(context);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    c.collect(doc);
                }

                @Override
                public void finish() throws IOException {
                    c.addTo(counts);
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
            Map<String, Long> sum = new HashMap<>();
            long total = 0;
            for (Counter c : collectors) {
                c.counts.forEach((k, v) -> sum.merge(k, v, Long::sum));
                total += c.total;
            }
            return new Counts(total, ordered(sum));
        }
    }
}
