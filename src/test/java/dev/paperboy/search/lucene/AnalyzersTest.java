package dev.paperboy.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

    /** The text chain without the stem cache: what the index analysed before the cache existed. */
    private static Analyzer uncached() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new Analyzers.AccentFoldingFilter(new LowerCaseFilter(result));
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, new PorterStemFilter(result));
            }
        };
    }

    private static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void theStemCacheChangesNoToken() throws IOException {
        String[] words = {"learning", "learned", "learns", "models", "model's", "Modelling", "networks", "the", "of",
                "efficiency", "efficient", "Bollobás", "Måns", "café", "caresses", "ponies", "generalization",
                "relational", "conditional", "2024", "x86", "GPU-hours", "fine-tuning", "doesn't", "running", "ran"};
        Random random = new Random(17);
        Analyzer cached = Analyzers.text(), plain = uncached();
        for (int round = 0; round < 3_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                s.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? ". " : " ");
            }
            assertEquals(tokens(plain, s.toString()), tokens(cached, s.toString()), s.toString());
        }
    }
}
