package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
    private static List<String> split(String s) {
        return Sentences.split(s, -1).stream().map(r -> s.substring(r[0], r[1])).toList();
    }

    @Test
    void abbreviationsFiguresAndDecimalsDoNotEndASentence() {
        assertEquals(List.of(
                        "We use tools, e.g. compilers, as in Fig. 3 of Smith et al. and reach 3.5 points.",
                        "It is fast."),
                split("We use tools, e.g. compilers, as in Fig. 3 of Smith et al. and reach 3.5 points. It is fast."));
    }

    @Test
    void questionAndExclamationMarksEndSentences() {
        assertEquals(List.of("Is it fast?", "Yes!", "Very."), split("Is it fast? Yes! Very."));
    }

    @Test
    void theTitleIsItsOwnSentence() {
        String t = "A title without a period Our abstract starts here.";
        List<int[]> spans = Sentences.split(t, 24);
        assertEquals("A title without a period", t.substring(spans.get(0)[0], spans.get(0)[1]));
    }

    @Test
    void overlongSentencesAreCut() {
        String t = "a".repeat(Sentences.MAX_SENTENCE * 3);
        for (int[] s : Sentences.split(t, -1)) {
            assertEquals(true, s[1] - s[0] <= Sentences.MAX_SENTENCE);
        }
    }
}
