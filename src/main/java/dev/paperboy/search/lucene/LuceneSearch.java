package dev.paperboy.search.lucene;

import dev.paperboy.search.Fusion;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchOrder;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/** One search or related-papers look-up on an open searcher: the legs, fusion, totals, facets and hits. */
final class LuceneSearch {
    private static final int MAX_CANDIDATES = SearchRequest.MAX_DEPTH;
    private static final int MIN_CANDIDATES = 100;
    private static final Sort BY_DATE = new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true), SortField.FIELD_DOC);
    private static final Set<String> SUMMARY_FIELDS = Set.of(Fields.ID, Fields.TITLE,
            Fields.AUTHOR_LIST, Fields.CATEGORY_LIST, Fields.DATE, Fields.CHIP, Fields.SAVES);

    private final LuceneQueries queries;
    private final Fusion fusion;
    private final Analyzer analyzer;
    private final Analyzer text;

    LuceneSearch(LuceneQueries queries, Fusion fusion, Analyzer analyzer, Analyzer text) {
        this.queries = queries;
        this.fusion = fusion;
        this.analyzer = analyzer;
        this.text = text;
    }

    SearchResults search(IndexSearcher s, SearchRequest r, float[] vector) throws IOException {
        SearchQuery q = r.query();
        SearchMode mode = r.mode();
        if (mode != SearchMode.BM25 && (vector == null || q.semanticText().isEmpty())) mode = SearchMode.BM25;
        int page = r.offset() + r.limit();

        if (q.filtersOnly()) {
            Query f = queries.filter(q, true);
            Query all = f == null ? MatchAllDocsQuery.INSTANCE : f;
            return page(s, q, s.search(all, page, BY_DATE).scoreDocs, SavesFacets.count(s, all), true, r,
                    SearchMode.BM25);
        }
        Query kq = queries.keyword(q);
        // Every keyword match is a result someone can reach (by date order, or by refining), so the total
        // and the facets count all of them, exactly, in one pass over the doc values.
        SavesFacets.Counts matched = kq == null || mode == SearchMode.DENSE ? SavesFacets.Counts.NONE
                : SavesFacets.count(s, kq);
        if (mode == SearchMode.BM25) {
            if (kq == null) return SearchResults.empty(mode);
            TopDocs td = r.order() == SearchOrder.DATE ? s.search(kq, page, BY_DATE) : s.search(kq, page);
            return page(s, q, td.scoreDocs, matched, true, r, mode);
        }
        int k = Math.min(MAX_CANDIDATES, Math.max(MIN_CANDIDATES, page));
        List<Fusion.Scored> dense = scored(s.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, k,
                queries.filter(q, true)), k));
        if (mode == SearchMode.DENSE || kq == null) {
            // Every embedded paper is somebody's neighbour: the total is the neighbours looked at, a lower
            // bound unless they are all the embedded papers the filters let through.
            List<ScoreDoc> ranked = toScoreDocs(dense);
            if (r.order() == SearchOrder.DATE) sortByDate(s, ranked);
            SavesFacets.Counts counts = SavesFacets.count(s, docs(dense));
            boolean exact = dense.size() >= s.count(embedded(queries.filter(q, true)));
            return page(s, q, ranked.toArray(ScoreDoc[]::new), counts, exact, r, mode);
        }
        List<Fusion.Scored> keyword = scored(s.search(kq, k));
        // The result set: every keyword match plus the neighbours that are not one.
        int[] denseOnly = notMatching(s, kq, docs(dense));
        SavesFacets.Counts counts = matched.plus(SavesFacets.count(s, denseOnly));
        List<ScoreDoc> ranked;
        if (r.order() == SearchOrder.DATE) {
            ranked = new ArrayList<>(Arrays.asList(s.search(kq, page, BY_DATE).scoreDocs));
            for (int d : denseOnly) ranked.add(new ScoreDoc(d, 0));
            sortByDate(s, ranked);
        } else {
            Set<Integer> embedded = withVectors(s, docs(keyword));
            ranked = toScoreDocs(fusion.fuse(keyword, dense, embedded::contains));
        }
        return page(s, q, ranked.toArray(ScoreDoc[]::new), counts, true, r, mode);
    }

    /** The papers with a vector among those {@code filter} lets through (all of them when it is null). */
    private static Query embedded(Query filter) {
        Query has = new FieldExistsQuery(Fields.VECTOR);
        return filter == null ? has
                : new BooleanQuery.Builder().add(has, Occur.FILTER).add(filter, Occur.FILTER).build();
    }

    private static List<Fusion.Scored> scored(TopDocs td) {
        List<Fusion.Scored> out = new ArrayList<>(td.scoreDocs.length);
        for (ScoreDoc d : td.scoreDocs) out.add(new Fusion.Scored(d.doc, d.score));
        return out;
    }

    private static List<ScoreDoc> toScoreDocs(List<Fusion.Scored> scored) {
        List<ScoreDoc> out = new ArrayList<>(scored.size());
        for (Fusion.Scored f : scored) out.add(new ScoreDoc(f.doc(), (float) f.score()));
        return out;
    }

    private static int[] docs(List<Fusion.Scored> scored) {
        return scored.stream().mapToInt(Fusion.Scored::doc).toArray();
    }

    /** Visits {@code docs} (top-level ids) in ascending order, segment by segment, with segment-local ids. */
    private interface LeafVisitor {
        /** Called once per segment before its documents; returns the per-document step. */
        DocStep enter(LeafReaderContext leaf) throws IOException;
    }

    private interface DocStep {
        void visit(int globalDoc, int localDoc) throws IOException;
    }

    private static void perLeaf(IndexSearcher s, int[] docs, LeafVisitor visitor) throws IOException {
        int[] sorted = docs.clone();
        Arrays.sort(sorted);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int i = 0;
        while (i < sorted.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
            DocStep step = visitor.enter(leaf);
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (; i < sorted.length && sorted[i] < end; i++) step.visit(sorted[i], sorted[i] - leaf.docBase);
        }
    }

    /** Those of {@code docs} that {@code query} does not match. */
    private static int[] notMatching(IndexSearcher s, Query query, int[] docs) throws IOException {
        Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        List<Integer> out = new ArrayList<>();
        perLeaf(s, docs, leaf -> {
            Scorer scorer = w.scorer(leaf);
            DocIdSetIterator it = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
            return (global, local) -> {
                if (it.docID() < local) it.advance(local);
                if (it.docID() != local) out.add(global);
            };
        });
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Those of {@code docs} that carry a vector. */
    private static Set<Integer> withVectors(IndexSearcher s, int[] docs) throws IOException {
        Set<Integer> out = new HashSet<>();
        perLeaf(s, docs, leaf -> {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
            return (global, local) -> {
                if (it == null) return;
                if (it.docID() < local) it.advance(local);
                if (it.docID() == local) out.add(global);
            };
        });
        return out;
    }

    /** Newest first (from the date doc values), then by document number; undated papers last. */
    private static void sortByDate(IndexSearcher s, List<ScoreDoc> docs) throws IOException {
        Map<Integer, Long> dates = new HashMap<>();
        perLeaf(s, docs.stream().mapToInt(d -> d.doc).toArray(), leaf -> {
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), Fields.DATE);
            return (global, local) -> dates.put(global, values.advanceExact(local) ? values.longValue() : Long.MIN_VALUE);
        });
        docs.sort(Comparator.comparing((ScoreDoc d) -> dates.get(d.doc), Comparator.reverseOrder())
                .thenComparingInt(d -> d.doc));
    }

    private SearchResults page(IndexSearcher s, SearchQuery q, ScoreDoc[] docs, SavesFacets.Counts counts,
            boolean exact, SearchRequest r, SearchMode mode) throws IOException {
        int from = Math.min(r.offset(), docs.length);
        int to = Math.min(docs.length, r.offset() + r.limit());
        ScoreDoc[] window = Arrays.copyOfRange(docs, from, to);
        return new SearchResults(counts.total(), exact, hits(s, r.snippets() ? q : null, window, r.snippets()), mode,
                counts.facets());
    }

    private List<SearchHit> hits(IndexSearcher s, SearchQuery q, ScoreDoc[] docs, boolean withSnippets)
            throws IOException {
        if (docs.length == 0) return List.of();
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) ids[i] = docs[i].doc;
        StoredFields stored = s.storedFields();
        // Each document is decoded once: decompressing stored fields is a large part of a page's cost,
        // so the highlighter takes title and abstract from here instead of loading them again.
        Document[] loaded = new Document[docs.length];
        Map<Integer, String> contents = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            loaded[i] = withSnippets ? stored.document(ids[i]) : stored.document(ids[i], SUMMARY_FIELDS);
            String title = loaded[i].get(Fields.TITLE), a = loaded[i].get(Fields.ABSTRACT);
            if (withSnippets) contents.put(ids[i], Snippets.content(title == null ? "" : title, a == null ? "" : a));
        }
        List<List<SearchHit.Segment>> snippets = withSnippets
                ? Snippets.of(s, analyzer, q == null ? null : queries.highlight(q), ids, contents)
                : null;
        List<SearchHit> out = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = loaded[i];
            var date = d.getField(Fields.DATE);
            out.add(new SearchHit(
                    d.get(Fields.ID),
                    d.get(Fields.TITLE),
                    List.of(d.getValues(Fields.AUTHOR_LIST)),
                    List.of(d.getValues(Fields.CATEGORY_LIST)),
                    date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
                    docs[i].score,
                    snippets == null ? List.of() : snippets.get(i),
                    d.get(Fields.CHIP),
                    List.of(d.getValues(Fields.SAVES))));
        }
        return out;
    }

    /**
     * Related papers as ids and scores, and whether they were found by the paper's vector (else by its words): what
     * is kept; {@link #hitsOf} makes hits of them for a page.
     */
    record Related(List<String> ids, float[] scores, boolean byVector) {}

    /** KNN on the paper's own vector with itself excluded; BM25 more-like-this when it has none. */
    Related related(IndexSearcher s, String paperId, int k) throws IOException {
        int doc = docOf(s, paperId);
        if (doc < 0) return new Related(List.of(), new float[0], false);
        BooleanQuery notSelf = new BooleanQuery.Builder()
                .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, paperId)), Occur.MUST_NOT)
                .build();
        float[] v = vectorOf(s, doc);
        TopDocs td;
        if (v != null) {
            td = s.search(new KnnFloatVectorQuery(Fields.VECTOR, v, k, notSelf), k);
        } else {
            Document d = s.storedFields().document(doc);
            MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
            mlt.setAnalyzer(text);
            mlt.setFieldNames(new String[] {Fields.TEXT});
            mlt.setMinDocFreq(1);
            mlt.setMinTermFreq(1);
            mlt.setMaxQueryTerms(40);
            Query like = mlt.like(Fields.TEXT, new StringReader(d.get(Fields.TITLE) + "\n" + d.get(Fields.ABSTRACT)));
            td = s.search(new BooleanQuery.Builder().add(like, Occur.MUST).add(notSelf, Occur.FILTER).build(), k);
        }
        // Only the ids: making hits (stored fields, snippets) is the page's work, and finding related papers ahead of
        // views would otherwise spend most of its time on hits it throws away.
        StoredFields stored = s.storedFields();
        List<String> ids = new ArrayList<>(td.scoreDocs.length);
        float[] scores = new float[td.scoreDocs.length];
        for (int i = 0; i < td.scoreDocs.length; i++) {
            ids.add(stored.document(td.scoreDocs[i].doc, ID_FIELD).get(Fields.ID));
            scores[i] = td.scoreDocs[i].score;
        }
        return new Related(List.copyOf(ids), scores, v != null);
    }

    private static final Set<String> ID_FIELD = Set.of(Fields.ID);

    /** Whether the paper is indexed with a vector. */
    boolean hasVector(IndexSearcher s, String paperId) throws IOException {
        int doc = docOf(s, paperId);
        return doc >= 0 && vectorOf(s, doc) != null;
    }

    /** Hits for papers found earlier, in that order with those scores; papers no longer indexed are left out. */
    List<SearchHit> hitsOf(IndexSearcher s, List<String> paperIds, float[] scores) throws IOException {
        List<ScoreDoc> docs = new ArrayList<>(paperIds.size());
        for (int i = 0; i < paperIds.size(); i++) {
            int doc = docOf(s, paperIds.get(i));
            if (doc >= 0) docs.add(new ScoreDoc(doc, scores[i]));
        }
        return List.copyOf(hits(s, null, docs.toArray(ScoreDoc[]::new), true));
    }

    /** The paper's document number, or -1 when it is not indexed. */
    private static int docOf(IndexSearcher s, String paperId) throws IOException {
        TopDocs self = s.search(new TermQuery(new Term(Fields.ID, paperId)), 1);
        return self.scoreDocs.length == 0 ? -1 : self.scoreDocs[0].doc;
    }

    private static float[] vectorOf(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) return null;
        int local = doc - leaf.docBase;
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(local) != local) return null;
        return values.vectorValue(it.index()).clone();
    }
}
