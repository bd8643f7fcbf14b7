package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LensChipTest {
    private static Claim claim(String text, double value, String unit, String kind, String resource) {
        return new Claim(text, value, unit, kind, resource, 0, 100, 10, 10 + text.length());
    }

    @Test
    void speedupAndAnotherResourceReadAsOneLine() {
        Lens lens = new Lens(1, List.of("compute", "memory"), List.of(claim("5.1×", 5.1, "x", "speedup", "compute")));
        assertEquals("5.1× faster · memory", lens.chip());
    }

    @Test
    void aSavingBeatsAnAccuracyForTheHeadline() {
        Lens lens = new Lens(1, List.of("memory"), List.of(
                claim("96.1%", 96.1, "%", "accuracy", null),
                claim("40%", 40, "%", "reduction", "memory")));
        assertEquals("40% less memory", lens.chip());
    }

    @Test
    void budgetsInDollarsReadAsUnder() {
        Lens lens = new Lens(1, List.of("money"), List.of(claim("$500", 500, "$", "budget", "money")));
        assertEquals("under $500", lens.chip());
    }

    @Test
    void resourcesAloneStillMakeAChip() {
        assertEquals("labels · parameters", new Lens(1, List.of("labels", "parameters"), List.of()).chip());
    }

    @Test
    void anEmptyLensHasAnEmptyChip() {
        assertEquals("", new Lens(1, List.of(), List.of()).chip());
    }

    @Test
    void chipFromExtractedLens() {
        Lens lens = new LensExtractor().extract("Fast attention",
                "Our kernel is 5.1× faster and reduces peak GPU memory usage by 30%.");
        assertEquals("5.1× faster · memory", lens.chip());
    }
}
