package dev.paperboy.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SentenceBoundariesTest {
    private static final List<String> TEXTS = List.of(
            "",
            "No full stop at the end",
            "We propose LoRA. It freezes the weights (e.g. of GPT-3) and trains 0.01% of them! Does it work? Yes.",
            "  Leading spaces.  Two spaces after.\nA new line. \"Quoted.\" Then Dr. Smith et al. reported 3.5 GeV...",
            "Accents: café. Ünïcödé text? ã. Emoji 🚀 here. Done");

    @Test
    void everyAnswerAgreesWithTheJdkSentenceIteratorAtEveryOffset() {
        for (String t : TEXTS) {
            // Whole texts, and a slice (begin > 0) as the highlighter's splitting iterator hands over.
            List<StringCharacterIterator> views = new ArrayList<>(List.of(new StringCharacterIterator(t)));
            if (t.length() > 10) views.add(new StringCharacterIterator(t, 3, t.length() - 2, 3));
            for (StringCharacterIterator view : views) {
                BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
                BreakIterator ours = new SentenceBoundaries();
                jdk.setText((StringCharacterIterator) view.clone());
                ours.setText((StringCharacterIterator) view.clone());
                assertEquals(walk(jdk), walk(ours), t);
                for (int at = view.getBeginIndex(); at <= view.getEndIndex(); at++) {
                    String where = t + " @" + at;
                    assertEquals(jdk.following(at), ours.following(at), "following " + where);
                    assertEquals(jdk.current(), ours.current(), "current after following " + where);
                    assertEquals(jdk.next(), ours.next(), "next after following " + where);
                    assertEquals(jdk.preceding(at), ours.preceding(at), "preceding " + where);
                    assertEquals(jdk.current(), ours.current(), "current after preceding " + where);
                    assertEquals(jdk.previous(), ours.previous(), "previous after preceding " + where);
                    assertEquals(jdk.isBoundary(at), ours.isBoundary(at), "isBoundary " + where);
                    assertEquals(jdk.current(), ours.current(), "current after isBoundary " + where);
                }
            }
        }
    }

    /** first → next … DONE, then last → previous … DONE. */
    private static List<Integer> walk(BreakIterator it) {
        List<Integer> out = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) out.add(b);
        out.add(it.current());
        for (int b = it.last(); b != BreakIterator.DONE; b = it.previous()) out.add(b);
        out.add(it.current());
        return out;
    }
}
