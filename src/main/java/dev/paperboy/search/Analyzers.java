package dev.paperboy.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analysers of the index's text fields. */
final class Analyzers {
    private Analyzers() {}

    /** English stemming and stop words for the combined text and the stored title and abstract. */
    static Analyzer text() {
        return new EnglishAnalyzer();
    }

    /** Names: lower-cased and accent-folded, never stemmed; a wide gap keeps phrases inside one name. */
    static Analyzer names() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, result);
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
}
