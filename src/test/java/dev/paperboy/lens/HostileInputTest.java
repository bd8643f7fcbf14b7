package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile text finishes, throws nothing and yields well-formed spans. */
class HostileInputTest {
    // A guard against hangs (catastrophic backtracking), not a speed claim: each case takes milliseconds, and
    // the bound is wide enough that no load on the machine reaches it. Speed is measured by lens-bench.
    private static final Duration BOUND = Duration.ofSeconds(30);

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("100 KB of digits", "1".repeat(100_000)),
                Arguments.of("100 KB of digits with separators", "12,345.6 ".repeat(11_000)),
                Arguments.of("unbalanced \\frac{", "\\frac{".repeat(17_000)),
                Arguments.of("unbalanced dollars", "$5 $\\sim ".repeat(12_000)),
                Arguments.of("a backslash at the very end", "40\\"),
                Arguments.of("mixed scripts", "模型速度提高了3.5倍 Модель в 3,5 раза быстрее النموذج أسرع 3.5× ".repeat(1_500)),
                Arguments.of("letters whose lower case is longer", "İSTANBUL 3.5× FASTER İİİ 40% LESS MEMORY ".repeat(2_000)),
                Arguments.of("emoji", "🚀 10× faster 🔥 with 50% less memory 💾 ".repeat(2_500)),
                Arguments.of("percent storm", "%%%%1%%%%×××x".repeat(8_000)),
                Arguments.of("period storm", "e.g. Fig. 3. 1.2.3.4.5. ".repeat(4_000)),
                Arguments.of("one giant sentence of cues", "we reduce memory by 5% and ".repeat(4_000)),
                Arguments.of("lone surrogates", "\uD800 3.5x faster \uDC00".repeat(5_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void finishesWithWellFormedClaims(String name, String text) {
        LensExtractor extractor = new LensExtractor();
        Lens lens = assertTimeoutPreemptively(BOUND, () -> extractor.extract(name, text));
        String input = LensExtractor.input(name, text);
        for (Claim c : lens.claims()) {
            assertTrue(0 <= c.sentenceStart() && c.sentenceEnd() <= input.length(), c::toString);
            assertEquals(c.text(), input.substring(c.start(), c.end()));
            assertTrue(Double.isFinite(c.value()), c::toString);
        }
        assertTrue(Lens.RESOURCES.containsAll(lens.resources()));
        lens.chip();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileTextAsTitleAlsoFinishes(String name, String text) {
        assertTimeoutPreemptively(BOUND, () -> new LensExtractor().extract(text, text));
    }

    @org.junit.jupiter.api.Test
    void randomNumberSoupNeverThrows() {
        String[] pieces = {"1", "23", "4.5", ",", ".", " ", "%", "\\%", "$", "\\times", "x", "×", "-", "--", "~", "\\sim",
            "{", "}", "^", "_", "K", "M", "B", "billion", " to ", "times", "fold", " GPU hours", " GB", " tokens",
            " parameters", "faster", " less ", "only", "e.g.", "Fig.", "\n", "(", ")", "GPUs", " A100", "é", "🚀"};
        java.util.Random random = new java.util.Random(42);
        LensExtractor extractor = new LensExtractor();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 3_000; i++) {
                StringBuilder b = new StringBuilder();
                int n = random.nextInt(80);
                for (int k = 0; k < n; k++) b.append(pieces[random.nextInt(pieces.length)]);
                String text = b.toString();
                Lens lens = extractor.extract("t", text);
                String input = LensExtractor.input("t", text);
                for (Claim c : lens.claims()) assertEquals(c.text(), input.substring(c.start(), c.end()), text);
            }
        });
    }

    @org.junit.jupiter.api.Test
    void nullAndEmptyInputsGiveAnEmptyLens() {
        LensExtractor extractor = new LensExtractor();
        assertTrue(extractor.extract(null, null).isEmpty());
        assertTrue(extractor.extract("", "").isEmpty());
        assertEquals(LensExtractor.VERSION, extractor.extract("", "").version());
    }
}
