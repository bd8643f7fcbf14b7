package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each number form named in the issue, in a sentence of its own. */
class NumberFormsTest {
    private static final String TITLE = "A method";
    private final LensExtractor extractor = new LensExtractor();

    private Claim only(String abstractText) {
        Lens lens = extractor.extract(TITLE, abstractText);
        assertEquals(1, lens.claims().size(), () -> "claims of \"" + abstractText + "\": " + lens.claims());
        Claim c = lens.claims().getFirst();
        String input = LensExtractor.input(TITLE, abstractText);
        assertEquals(c.text(), input.substring(c.start(), c.end()), "text is the exact substring at its span");
        assertTrue(c.sentenceStart() <= c.start() && c.end() <= c.sentenceEnd(), "claim lies in its sentence");
        return c;
    }

    private static void assertClaim(Claim c, double value, String unit, String kind, String resource) {
        assertEquals(value, c.value(), 1e-9 * Math.max(1, value), "value of " + c);
        assertEquals(unit, c.unit(), "unit of " + c);
        assertEquals(kind, c.kind(), "kind of " + c);
        assertEquals(resource, c.resource(), "resource of " + c);
    }

    @Test
    void multiplicationSignFasterIsASpeedup() {
        Claim c = only("Our kernel is 3.5× faster than the baseline.");
        assertClaim(c, 3.5, "x", "speedup", "compute");
        assertEquals("3.5×", c.text());
    }

    @Test
    void letterXIsAFactor() {
        assertClaim(only("Our kernel is 3.5x faster than the baseline."), 3.5, "x", "speedup", "compute");
    }

    @Test
    void spelledTimesIsAFactor() {
        assertClaim(only("Decoding becomes 3.5 times faster on one GPU."), 3.5, "x", "speedup", "compute");
    }

    @Test
    void upToKeepsTheNumber() {
        assertClaim(only("We reduce peak GPU memory by up to 42%."), 42, "%", "reduction", "memory");
    }

    @Test
    void lessThanDollarsIsABudget() {
        Claim c = only("The whole model is trained for less than $500 on rented hardware.");
        assertClaim(c, 500, "$", "budget", "money");
    }

    @Test
    void thousandsSuffixIsExpanded() {
        assertClaim(only("Pretraining costs about $20K in cloud credits."), 20_000, "$", "cost", "money");
    }

    @Test
    void spelledBillionIsExpanded() {
        assertClaim(only("We pretrain on 2.5 billion tokens of curated text."), 2.5e9, "tokens", "size", "data");
    }

    @Test
    void percentRangeIsOneClaimWithItsUpperEnd() {
        Claim c = only("The method improves accuracy by 5%-15% across tasks.");
        assertClaim(c, 15, "%", "improvement", null);
        assertEquals("5%-15%", c.text());
    }

    @Test
    void approximatePercentKeepsItsValue() {
        Claim c = only("It cuts the number of visual tokens by ~12.5% without loss.");
        assertClaim(c, 12.5, "%", "reduction", "context");
        assertEquals("~12.5%", c.text());
    }

    @Test
    void timesGluedToTheNumberIsAFactor() {
        assertClaim(only("The adapter needs 3times fewer trainable parameters."), 3, "x", "reduction", "parameters");
    }

    @Test
    void latexSimBeforeAFactorIsCleaned() {
        Claim c = only("Sampling runs $\\sim$2x faster with our solver.");
        assertClaim(c, 2, "x", "speedup", "compute");
    }

    @Test
    void latexTimesScrapedWithoutDollarsIsAFactor() {
        assertClaim(only("Training is 40\\times faster than full fine-tuning."), 40, "x", "speedup", "compute");
    }

    @Test
    void latexTimesInsideMathIsAFactor() {
        Claim c = only("Inference is $8\\times$ faster while keeping quality.");
        assertClaim(c, 8, "x", "speedup", "compute");
        assertTrue(c.text().startsWith("8"), c.text());
    }

    @Test
    void aFactorWrittenBeforeTheNumberIsAFactor() {
        assertClaim(only("The solver achieves a speedup of 2.5 over the baseline."), 2.5, "x", "speedup", "compute");
        assertClaim(only("It reduces activation memory by a factor of 4 during training."), 4, "x", "reduction", "memory");
    }

    @Test
    void aCapitalXBeforeAWordIsNotAFactor() {
        assertEquals(List.of(), extractor.extract(TITLE, "It is trained on over 5 million X rays from hospitals.").claims());
    }

    @Test
    void aShareOfTrainableParametersIsABudget() {
        assertClaim(only("It adapts the model while introducing only 0.17% trainable parameters."), 0.17, "%", "budget", "parameters");
    }

    @Test
    void pointsAreAnImprovement() {
        assertClaim(only("It improves the average score by 0.7 points over the baseline."), 0.7, "points", "improvement", null);
    }

    @Test
    void escapedPercentIsAPercent() {
        assertClaim(only("The detector reaches 96.1\\% accuracy on the test split."), 96.1, "%", "accuracy", null);
    }

    @Test
    void dollarRangeIsMoneyNotMath() {
        Claim c = only("Training costs $5-$20 in total.");
        assertClaim(c, 20, "$", "cost", "money");
    }

    @Test
    void parameterCountWithMillionSuffix() {
        assertClaim(only("Each block adds merely 0.35M parameters."), 350_000, "params", "budget", "parameters");
    }

    @Test
    void foldReductionOfMemory() {
        assertClaim(only("We achieve a 3.01-fold reduction in peak VRAM."), 3.01, "x", "reduction", "memory");
    }

    @Test
    void gigabytesAreMemory() {
        assertClaim(only("The model fits in 1.8 GB less memory than before."), 1.8, "GB", "size", "memory");
    }

    @Test
    void gpuHoursAreACompute() {
        assertClaim(only("With just 120 GPU hours, the model surpasses the baseline."), 120, "other", "budget", "compute");
    }

    @Test
    void framesPerSecondAreThroughput() {
        assertClaim(only("The renderer runs at 260 FPS on a laptop."), 260, "FPS", "other", "compute");
    }

    @Test
    void namesDimensionsAndCountsAreNotClaims() {
        Lens lens = extractor.extract("Qwen2-VL-7B on 3D scenes",
                "We evaluate ViT-7B and YAGO3-10 on 34 games with 4-bit weights at 16×256×256 resolution in 2025.");
        assertEquals(List.of(), lens.claims());
    }

    @Test
    void physicalMeasurementsAreNotClaims() {
        Lens lens = extractor.extract("A galaxy at redshift 7",
                "We observe a stellar halo of 20 kpc around the galaxy at $z = 7.2$ with 55% binary fraction "
                        + "and a black hole of $10^{9}$ solar masses.");
        assertEquals(List.of(), lens.claims());
        assertEquals(List.of(), lens.resources());
    }

    @Test
    void scaleFactorsOfATaskAreNotSpeedups() {
        assertEquals(List.of(), extractor.extract(TITLE, "We report results at 4x and 8x upscaling.").claims());
    }

    @Test
    void fromAToBIsTwoClaims() {
        Lens lens = extractor.extract(TITLE, "It reduced drafting time by 97% (from 100 h to 3.7 h).");
        assertEquals(List.of(97.0, 100.0, 3.7), lens.claims().stream().map(Claim::value).toList());
    }

    @Test
    void aBareNumberAfterAMetricNameIsAScore() {
        assertClaim(only("On YAGO3-10 it achieves an MRR of 0.521."), 0.521, "other", "accuracy", null);
    }

    @Test
    void noNumbersMeansNoClaims() {
        assertNull(extractor.extract(TITLE, "We study how attention heads bind entities.").headline());
    }
}
