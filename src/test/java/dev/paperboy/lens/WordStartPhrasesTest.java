package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordStartPhrasesTest {

    @Test
    void findsPhrasesOnlyAtTheStartOfAWord() {
        WordStartPhrases index = new WordStartPhrases(List.of("memory", "usd", "kv cache", "$", "é"));
        assertArrayEquals(new boolean[] {true, false, true, true, false},
                index.present("less memory and a smaller kv cache for $5 in FocusDiff (focusd)"));
        assertArrayEquals(new boolean[] {false, true, false, false, true}, index.present("usd-priced éléments"));
    }

    @Test
    void agreesWithSearchingEachPhraseOnRandomText() {
        List<String> phrases = List.of("ab", "a b", "b-", "ba", "a", "-a", "é", " b");
        WordStartPhrases index = new WordStartPhrases(phrases);
        Random random = new Random(3);
        String alphabet = "ab -é1.";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            boolean[] present = index.present(s.toString());
            for (int k = 0; k < phrases.size(); k++) {
                assertEquals(ResourceCues.containsAtWordStart(s.toString(), phrases.get(k)), present[k],
                        "\"" + phrases.get(k) + "\" in \"" + s + "\"");
            }
        }
    }

    @Test
    void wordsSplitsLikeTheRegex() {
        Random random = new Random(5);
        String alphabet = "ab \t\n\r\u00A0\u2003,";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertArrayEquals(s.toString().strip().split("\\s+"), ResourceCues.words(s.toString()), "input: " + s);
        }
    }
}
