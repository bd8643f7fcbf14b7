package dev.paperboy.search.lucene;

import dev.paperboy.search.SearchQuery;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a parsed {@link SearchQuery} into Lucene queries. User text is only ever analysed into terms,
 * never given to a query parser, so no character someone types is Lucene syntax.
 */
final class LuceneQueries {
    /** Plain words also look at author names, at a lower weight than title and abstract. */
    private static final float AUTHOR_WEIGHT = 0.5f;

    private final Analyzer text;
    private final Analyzer names;

    LuceneQueries(Analyzer text, Analyzer names) {
        this.text = text;
        this.names = names;
    }

    /** A term and its position in the analysed text. */
    private record Token(String term, int position) {}

    private List<Token> terms(Analyzer a, String field, String input) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(field, new StringReader(input))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Token(term.toString(), pos));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("index: unable to analyse query: " + e.getMessage(), e);
        }
        return out;
    }

    /** Plain words as a bag of terms, a term repeated in the query weighing more; null when none remain. */
    Query words(SearchQuery q) {
        Map<String, Integer> inText = new LinkedHashMap<>();
        Map<String, Integer> inNames = new LinkedHashMap<>();
        for (String w : q.words()) {
            for (Token t : terms(text, Fields.TEXT, w)) inText.merge(t.term(), 1, Integer::sum);
            for (Token t : terms(names, Fields.AUTHORS, w)) inNames.merge(t.term(), 1, Integer::sum);
        }
        if (inText.isEmpty() && inNames.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Integer> e : inText.entrySet()) {
            if (++clauses > IndexSearcher.getMaxClauseCount() / 2) break;
            Query tq = new TermQuery(new Term(Fields.TEXT, e.getKey()));
            b.add(e.getValue() == 1 ? tq : new BoostQuery(tq, e.getValue()), Occur.SHOULD);
        }
        for (Map.Entry<String, Integer> e : inNames.entrySet()) {
            if (++clauses > IndexSearcher.getMaxClauseCount() / 2 + 64) break;
            b.add(new BoostQuery(new TermQuery(new Term(Fields.AUTHORS, e.getKey())), AUTHOR_WEIGHT), Occur.SHOULD);
        }
        return b.build();
    }

    /** A phrase of analysed terms in {@code field} (a single term query for one term); null when empty. */
    private Query phrase(Analyzer a, String field, String input, int slop) {
        List<Token> ts = terms(a, field, input);
        if (ts.isEmpty()) return null;
        if (ts.size() == 1) return new TermQuery(new Term(field, ts.getFirst().term()));
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        b.setSlop(slop);
        for (Token t : ts) b.add(new Term(field, t.term()), t.position());
        return b.build();
    }

    /** The constraints both legs share: categories, authors, dates, lens resources, exclusions and, if asked, phrases. */
    Query filter(SearchQuery q, boolean withPhrases) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (!q.categories().isEmpty()) {
            BooleanQuery.Builder cats = new BooleanQuery.Builder();
            for (String c : q.categories()) cats.add(categoryQuery(c), Occur.SHOULD);
            b.add(cats.build(), Occur.FILTER);
            any = true;
        }
        for (String author : q.authors()) {
            // Slop 3 lets "Yann LeCun" match "LeCun, Yann"; the position gap keeps it inside one name.
            Query a = phrase(names, Fields.AUTHORS, author, 3);
            if (a != null) {
                b.add(a, Occur.FILTER);
                any = true;
            }
        }
        if (q.since() != null || q.until() != null) {
            long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochDay();
            long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochDay();
            b.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
            any = true;
        }
        if (withPhrases) {
            for (Query pq : phrases(q)) {
                b.add(pq, Occur.FILTER);
                any = true;
            }
        }
        for (String r : q.saves()) {
            b.add(new TermQuery(new Term(Fields.SAVES, r)), Occur.FILTER);
            any = true;
        }
        boolean negative = false;
        for (String c : q.categoriesExcluded()) {
            b.add(categoryQuery(c), Occur.MUST_NOT);
            negative = true;
        }
        for (String r : q.savesExcluded()) {
            b.add(new TermQuery(new Term(Fields.SAVES, r)), Occur.MUST_NOT);
            negative = true;
        }
        for (String x : q.excluded()) {
            Query xq = phrase(text, Fields.TEXT, x, 0);
            if (xq != null) {
                b.add(xq, Occur.MUST_NOT);
                negative = true;
            }
        }
        if (!any && !negative) return null;
        if (!any) b.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
        return b.build();
    }

    /** A category ({@code cs.LG}) or, without a dot, an archive ({@code cs}). */
    private static Query categoryQuery(String c) {
        String lc = c.toLowerCase(Locale.ROOT);
        return new TermQuery(lc.contains(".") ? new Term(Fields.CATEGORY, lc) : new Term(Fields.ARCHIVE, lc));
    }

    private List<Query> phrases(SearchQuery q) {
        List<Query> out = new ArrayList<>();
        for (String p : q.phrases()) {
            Query pq = phrase(text, Fields.TEXT, p, 0);
            if (pq != null) out.add(pq);
        }
        return out;
    }

    /** The keyword leg: words scored by BM25, phrases required, filters applied; null when nothing scores. */
    Query keyword(SearchQuery q) {
        Query words = words(q);
        List<Query> phrases = phrases(q);
        if (words == null && phrases.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (words != null) b.add(words, phrases.isEmpty() ? Occur.MUST : Occur.SHOULD);
        for (Query p : phrases) b.add(p, Occur.MUST);
        Query f = filter(q, false);
        if (f != null) b.add(f, Occur.FILTER);
        return b.build();
    }

    /** The query the snippets highlight: words and phrases, without filters; null when there are none. */
    Query highlight(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (String w : q.words()) {
            for (Token t : terms(text, Fields.TEXT, w)) {
                b.add(new TermQuery(new Term(Fields.TEXT, t.term())), Occur.SHOULD);
                any = true;
            }
        }
        for (Query pq : phrases(q)) {
            b.add(pq, Occur.SHOULD);
            any = true;
        }
        return any ? b.build() : null;
    }
}
