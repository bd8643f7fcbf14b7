package dev.paperboy.search.lucene;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The analysers of the index's text fields. Both fold accents, so names converted from TeX to Unicode at
 * ingest ("Bollob\'as" → "Bollobás", sometimes as "a" + combining accent) match what people type with or
 * without them; the stored fields keep the original spelling for display.
 */
final class Analyzers {
    private Analyzers() {}

    /** EnglishAnalyzer's chain (possessives, lower case, stop words, Porter stems) with accent folding. */
    static Analyzer text() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new AccentFoldingFilter(new LowerCaseFilter(result));
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                StemCache stems = new StemCache();
                return new TokenStreamComponents(source, stems.after(new PorterStemFilter(stems.before(result))));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new AccentFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Names: lower-cased and accent-folded, never stemmed; a wide gap keeps phrases inside one name. */
    static Analyzer names() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new AccentFoldingFilter(new LowerCaseFilter(source)));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    /** Per field: names for the author fields, English for everything else. */
    static Analyzer perField(Analyzer text, Analyzer names) {
        return new PerFieldAnalyzerWrapper(text, Map.of(Fields.AUTHORS, names, Fields.AUTHOR_LIST, names));
    }

    /**
     * Remembers the Porter stems of the terms one analysis chain has seen (a chain belongs to one thread), so each
     * distinct word is stemmed once: stemming every token was an eighth of indexing's CPU, and abstracts repeat
     * their words. {@link #before} puts a remembered stem in place and marks it a keyword, which
     * {@link PorterStemFilter} leaves alone; {@link #after} remembers what the stemmer made of a new term. Tokens
     * come out exactly as without the cache (the chain marks no keywords of its own).
     */
    static final class StemCache {
        private static final int MAX_TERMS = 100_000;
        private final CharArrayMap<char[]> stems = new CharArrayMap<>(4096, false);
        private char[] pending; // the term before stemming, when it was not remembered

        TokenFilter before(TokenStream in) {
            return new TokenFilter(in) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

                @Override
                public boolean incrementToken() throws IOException {
                    if (!input.incrementToken()) return false;
                    char[] stem = stems.get(term.buffer(), 0, term.length());
                    if (stem != null) {
                        term.copyBuffer(stem, 0, stem.length);
                        keyword.setKeyword(true);
                        pending = null;
                    } else {
                        keyword.setKeyword(false);
                        pending = Arrays.copyOf(term.buffer(), term.length());
                    }
                    return true;
                }
            };
        }

        TokenFilter after(TokenStream in) {
            return new TokenFilter(in) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

                @Override
                public boolean incrementToken() throws IOException {
                    if (!input.incrementToken()) return false;
                    if (pending != null && stems.size() < MAX_TERMS) {
                        stems.put(pending, Arrays.copyOf(term.buffer(), term.length()));
                    }
                    pending = null;
                    keyword.setKeyword(false);
                    return true;
                }
            };
        }
    }

    /**
     * Removes combining marks (a decomposed "å" is "a" + U+030A, which ASCII folding leaves alone), then
     * folds what remains to ASCII ("ø" → "o", "ß" → "ss"). ASCII terms, nearly all of them, pass untouched.
     */
    static final class AccentFoldingFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] folded = new char[64];

        AccentFoldingFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            char[] buf = term.buffer();
            int len = term.length();
            boolean ascii = true;
            for (int i = 0; i < len && ascii; i++) ascii = buf[i] < 0x80;
            if (ascii) return true;
            String stripped = Normalizer.normalize(term, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            int n = stripped.length();
            if (folded.length < n * 4) folded = new char[n * 4];
            int out = ASCIIFoldingFilter.foldToASCII(stripped.toCharArray(), 0, folded, 0, n);
            term.copyBuffer(folded, 0, out);
            return true;
        }
    }
}
