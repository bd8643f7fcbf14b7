package dev.paperboy.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text analysed once and replayed as often as needed. The abstract is indexed in two fields (scored in
 * {@link Fields#TEXT}, with offsets for snippets in {@link Fields#ABSTRACT}); running the English chain over
 * it twice was a quarter of indexing's CPU. Keeps what indexing reads: term, position increment, offsets.
 */
final class AnalysedText {
    private final char[] chars;
    private final int[] ends; // ends[i]: where token i's term ends in chars
    private final int[] increments;
    private final int[] starts;
    private final int[] stops;
    private final int endOffset;

    private AnalysedText(char[] chars, int[] ends, int[] increments, int[] starts, int[] stops, int endOffset) {
        this.chars = chars;
        this.ends = ends;
        this.increments = increments;
        this.starts = starts;
        this.stops = stops;
        this.endOffset = endOffset;
    }

    static AnalysedText of(Analyzer analyzer, String field, String text) {
        char[] chars = new char[Math.max(16, text.length())];
        int[] ends = new int[32], increments = new int[32], starts = new int[32], stops = new int[32];
        int n = 0, used = 0, endOffset;
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == ends.length) {
                    ends = Arrays.copyOf(ends, n * 2);
                    increments = Arrays.copyOf(increments, n * 2);
                    starts = Arrays.copyOf(starts, n * 2);
                    stops = Arrays.copyOf(stops, n * 2);
                }
                if (used + term.length() > chars.length) chars = Arrays.copyOf(chars, (used + term.length()) * 2);
                System.arraycopy(term.buffer(), 0, chars, used, term.length());
                used += term.length();
                ends[n] = used;
                increments[n] = inc.getPositionIncrement();
                starts[n] = offset.startOffset();
                stops[n] = offset.endOffset();
                n++;
            }
            ts.end();
            endOffset = offset.endOffset();
        } catch (IOException e) {
            throw new UncheckedIOException("index: unable to analyse text: " + e.getMessage(), e);
        }
        return new AnalysedText(chars, Arrays.copyOf(ends, n), increments, starts, stops, endOffset);
    }

    /** A fresh stream of the tokens, as the analyser produced them. */
    TokenStream tokens() {
        return new Replay();
    }

    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == ends.length) return false;
            clearAttributes();
            int from = next == 0 ? 0 : ends[next - 1];
            term.copyBuffer(chars, from, ends[next] - from);
            inc.setPositionIncrement(increments[next]);
            offset.setOffset(starts[next], stops[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(endOffset, endOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
