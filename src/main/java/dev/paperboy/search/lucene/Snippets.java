package dev.paperboy.search.lucene;

import dev.paperboy.search.SearchHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Highlighted abstract passages for the hits on a page, as plain and highlighted segments (no HTML).
 * Kept cheap: offsets come from the postings, no weight matches, a lean passage scorer, sentence boundaries
 * found once per abstract, and the abstracts the page already decoded (docs/search.md, "Snippets").
 */
final class Snippets {
    private Snippets() {}

    /**
     * What the highlighter reads for a document: its {@link Fields#TEXT} offsets cover title, one gap, then the
     * abstract, so the title is blanked to spaces of its length and only the abstract shows (the formatter skips
     * the blanks). A title that matches makes the abstract's opening passage score higher, nothing more.
     */
    static String content(String title, String abstractText) {
        return " ".repeat(title.length() + 1) + abstractText;
    }

    /**
     * Up to two passages per document (in {@code docIds} order), or the abstract's opening when nothing
     * matched; {@code query} null highlights nothing. {@code contents} come from {@link #content}.
     */
    static List<List<SearchHit.Segment>> of(IndexSearcher s, Analyzer analyzer, Query query, int[] docIds,
            Map<Integer, String> contents) throws IOException {
        SegmentHighlighter h = new SegmentHighlighter(contents, UnifiedHighlighter.builder(s, analyzer)
                // Phrases and prefixes may be built on other fields' names; let every term mark the text.
                .withFieldMatcher(f -> true)
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(SentenceBoundaries::new)
                .withScorer(PASSAGE_SCORER)
                // Term offsets straight from the postings (phrases via spans): building a Weight and its
                // matches per hit cost ~14% of a search's CPU, with the same marks on our query shapes.
                .withWeightMatches(false)
                .withFormatter(new SegmentFormatter()));
        Object[] found = h.segments(Fields.TEXT, query == null ? MatchAllDocsQuery.INSTANCE : query, docIds, 2);
        List<List<SearchHit.Segment>> out = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            @SuppressWarnings("unchecked")
            List<SearchHit.Segment> segments = found != null && found[i] instanceof List<?> l
                    ? (List<SearchHit.Segment>) l : List.of();
            out.add(segments);
        }
        return out;
    }

    private static final PassageScorer PASSAGE_SCORER = new LeanPassageScorer();

    /**
     * Lucene's default passage score (BM25 over the passage, favouring early passages) without its
     * per-passage hash table: allocating one for every candidate sentence was ~5% of a search's CPU.
     */
    private static final class LeanPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int n = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            // A passage holds a handful of matches: a quadratic scan for distinct terms is cheapest.
            float score = 0;
            for (int i = 0; i < n; i++) {
                boolean seen = false;
                for (int j = 0; j < i && !seen; j++) seen = terms[j].bytesEquals(terms[i]);
                if (seen) continue;
                int inPassage = 1;
                for (int j = i + 1; j < n; j++) if (terms[j].bytesEquals(terms[i])) inPassage++;
                score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
            }
            return score * norm(passage.getStartOffset());
        }
    }

    /** Exposes the highlighter's per-object output, which the public API only gives as strings. */
    private static final class SegmentHighlighter extends UnifiedHighlighter {
        private final Map<Integer, String> contents;

        SegmentHighlighter(Map<Integer, String> contents, Builder b) {
            super(b);
            this.contents = contents;
        }

        /** The contents the caller built from fields it already decoded, in the iterator's doc order. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = docIter.nextDoc()) {
                CharSequence[] values = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) values[f] = contents.getOrDefault(doc, "");
                out.add(values);
            }
            return out;
        }

        Object[] segments(String field, Query query, int[] docIds, int passages) throws IOException {
            int[] docs = docIds.clone();
            // highlightFieldsAsObjects wants ascending doc ids; map the results back to the caller's order.
            Integer[] order = new Integer[docs.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, Comparator.comparingInt(i -> docIds[i]));
            int[] sorted = new int[docs.length];
            for (int i = 0; i < order.length; i++) sorted[i] = docIds[order[i]];
            Map<String, Object[]> m = highlightFieldsAsObjects(new String[] {field}, query, sorted, new int[] {passages});
            Object[] bySorted = m.get(field);
            Object[] out = new Object[docs.length];
            for (int i = 0; i < order.length; i++) out[order[i]] = bySorted[i];
            return out;
        }
    }

    /** Turns passages into plain and highlighted segments; the web layer escapes and marks them. */
    private static final class SegmentFormatter extends PassageFormatter {
        private static final int MAX_PASSAGE_CHARS = 400;

        @Override
        public Object format(Passage[] passages, String content) {
            List<SearchHit.Segment> out = new ArrayList<>();
            int from = 0; // where the abstract starts, after the blanked title (content())
            while (from < content.length() && content.charAt(from) == ' ') from++;
            for (int p = 0; p < passages.length; p++) {
                Passage passage = passages[p];
                int pos = Math.max(passage.getStartOffset(), from);
                if (pos >= passage.getEndOffset()) continue; // all in the title
                if (!out.isEmpty()) out.add(new SearchHit.Segment(" … ", false));
                int end = Math.min(passage.getEndOffset(), pos + MAX_PASSAGE_CHARS);
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    int ms = Math.max(passage.getMatchStarts()[i], pos);
                    int me = Math.min(passage.getMatchEnds()[i], end);
                    if (ms >= end) break;
                    if (me <= ms) continue;
                    if (ms > pos) out.add(new SearchHit.Segment(content.substring(pos, ms), false));
                    out.add(new SearchHit.Segment(content.substring(ms, me), true));
                    pos = me;
                }
                if (pos < end) out.add(new SearchHit.Segment(content.substring(pos, end), false));
                if (end < passage.getEndOffset()) out.add(new SearchHit.Segment("…", false));
            }
            return out;
        }
    }
}
