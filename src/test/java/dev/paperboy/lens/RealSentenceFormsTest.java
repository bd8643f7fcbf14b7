package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The number forms the lens missed on abstracts it was not tuned on, each inside an ordinary sentence. */
class RealSentenceFormsTest {
    private final LensExtractor extractor = new LensExtractor();

    private List<Claim> claims(String title, String abstractText) {
        Lens lens = extractor.extract(title, abstractText);
        String input = LensExtractor.input(title, abstractText);
        for (Claim c : lens.claims()) {
            assertEquals(c.text(), input.substring(c.start(), c.end()), "text is the exact substring at its span");
        }
        return lens.claims();
    }

    private Claim only(String abstractText) {
        List<Claim> cs = claims("A method", abstractText);
        assertEquals(1, cs.size(), () -> "claims of \"" + abstractText + "\": " + cs);
        return cs.getFirst();
    }

    private static void assertClaim(Claim c, double value, String unit, String kind, String resource) {
        assertEquals(value, c.value(), 1e-9 * Math.max(1, value), "value of " + c);
        assertEquals(unit, c.unit(), "unit of " + c);
        assertEquals(kind, c.kind(), "kind of " + c);
        assertEquals(resource, c.resource(), "resource of " + c);
    }

    @Test
    void aNumberGluedToTimesWithWordsAfterItIsASpeedup() {
        assertClaim(only("Our drafter speeds decoding up by 5.2times over autoregressive decoding."),
                5.2, "x", "speedup", "compute");
    }

    @Test
    void approximateValuesWithALatexRemnantAreRead() {
        assertClaim(only("The cache gives sim4x lower latency than full attention."), 4, "x", "reduction", "compute");
        Claim c = only("Compute cost varies by up to {approx}5{times} across harm categories.");
        assertEquals(5, c.value());
        assertEquals("x", c.unit());
        assertClaim(only("Pruning needs $\\sim$ 4x fewer FLOPs."), 4, "x", "reduction", "compute");
    }

    @Test
    void aCountWithAHyphenatedUnitIsASize() {
        assertClaim(only("We pretrain a small model on a 50M-token corpus."), 5e7, "tokens", "size", "data");
    }

    @Test
    void terabytesOfTextAreDataAndTerabytesOfStorageAreMemory() {
        Claim text = only("We release 1.2TB of text crawled from the web.");
        assertClaim(text, 1200, "GB", "size", "data");
        assertEquals("1.2TB", text.text());
        assertClaim(only("The index needs 1.2TB of storage."), 1200, "GB", "size", "memory");
    }

    @Test
    void commaGroupedCountsOfDataItemsAreDatasetSizes() {
        Claim c = only("We collect 12,500 images from public archives.");
        assertClaim(c, 12_500, "other", "size", "data");
        assertEquals("12,500 images", c.text());
        List<Claim> cs = claims("A corpus", "It holds 1.5M documents and over 250,000 clinical notes.");
        assertEquals(List.of("1.5M documents", "over 250,000 clinical notes"), cs.stream().map(Claim::text).toList());
        assertEquals(1_500_000, cs.get(0).value());
        assertEquals(250_000, cs.get(1).value());
    }

    @Test
    void countsOfPeopleModelsAndYearsAreNotDatasetSizes() {
        assertEquals(List.of(), claims("A study", "We surveyed 8,096 users in 2024 across 2,000 models."));
    }

    @Test
    void aDatasetSizeAloneDoesNotMakeDataAResource() {
        Lens lens = extractor.extract("A plankton dataset", "We release a dataset of 17.4 million images.");
        assertEquals(List.of(), lens.resources());
        assertClaim(lens.claims().getFirst(), 17.4e6, "other", "size", "data");
    }

    @Test
    void anImprovementByABareNumberIsInPoints() {
        assertClaim(only("It improves BLEU by 3.1 over the strongest baseline."), 3.1, "points", "improvement", null);
    }

    @Test
    void bareScoresAfterAMetricNameAreResults() {
        List<Claim> cs = claims("A detector", "The detector reaches an AUC of 0.91 and F1 of 0.78 on the test set.");
        assertEquals(2, cs.size(), cs::toString);
        assertClaim(cs.get(0), 0.91, "other", "accuracy", null);
        assertClaim(cs.get(1), 0.78, "other", "accuracy", null);
        List<Claim> listed = claims("A generator", "It reaches high fidelity (FID 16.60) and good reports (METEOR 0.2650 and 0.2580).");
        assertEquals(List.of(16.6, 0.265, 0.258), listed.stream().map(Claim::value).toList());
        assertTrue(listed.stream().allMatch(c -> c.kind().equals("accuracy")), listed::toString);
    }

    @Test
    void aThresholdBeforeItsScoreIsNotAScore() {
        assertClaim(only("The detector achieves a mean Average Precision at IoU 0.50 of 0.756."), 0.756, "other", "accuracy", null);
    }

    @Test
    void aModelSizeStandingAloneIsAParameterCount() {
        assertClaim(only("Our 13B model beats much larger systems on all tasks."), 13e9, "params", "size", "parameters");
        assertEquals(List.of(), claims("A probe", "We probe models up to Llama 3.3 70B and LLaMA-3 70B."));
    }

    @Test
    void aSettingIsOtherAndAHedgedCutKeepsItsHedgeAndResource() {
        List<Claim> cs = claims("A compressor", "At 25% overall token retention, it delivers up to 3.53x prefill speedup "
                + "and more than 15% GPU memory reduction, with only a 0.35-point drop in average accuracy.");
        assertEquals(4, cs.size(), cs::toString);
        assertClaim(cs.get(0), 25, "%", "other", "context");
        assertClaim(cs.get(1), 3.53, "x", "speedup", "compute");
        assertEquals("up to 3.53x", cs.get(1).text());
        assertClaim(cs.get(2), 15, "%", "reduction", "memory");
        assertEquals("more than 15%", cs.get(2).text());
        assertClaim(cs.get(3), 0.35, "points", "accuracy", null);
    }

    @Test
    void energyInJoulesIsAnEnergyClaim() {
        assertClaim(only("Each recognition consumes only 136.16 pJ of energy."), 136.16, "other", "budget", "energy");
    }

    @Test
    void aSpelledPlusGluedToANumberIsASign() {
        assertClaim(only("Joint training gives plus6.43 percent BLEU-1."), 6.43, "%", "improvement", null);
    }

    @Test
    void itemsPerSecondIsThroughput() {
        assertClaim(only("It recognises 8.84 actions per second on the drone."), 8.84, "other", "other", "compute");
    }

    @Test
    void bothEndsOfAChangeBetweenBareScoresAreClaims() {
        List<Claim> cs = claims("An eraser", "It cuts the nudity rate on the benchmark from 91.58 to 3.15.");
        assertEquals(List.of(91.58, 3.15), cs.stream().map(Claim::value).toList());
        assertTrue(cs.stream().allMatch(c -> c.kind().equals("reduction")), cs::toString);
    }

    @Test
    void anErrorInPixelsOrMillimetresIsAnAccuracy() {
        assertClaim(only("The model reaches a mean localization error of 3.61 pixels."), 3.61, "other", "accuracy", null);
        assertClaim(only("It reduces the joint error to 37.2mm on the benchmark."), 37.2, "other", "accuracy", null);
    }

    @Test
    void efficientInTheTitleIsComputeUnlessItNamesAnotherResource() {
        assertEquals(List.of("compute"), extractor.extract("Efficient Hallucination Detection", "We detect errors.").resources());
        assertEquals(List.of("communication"),
                extractor.extract("Communication Efficiency in Federated Learning", "We study it.").resources());
        assertEquals(List.of(), extractor.extract("Adapters for efficient fine-tuning", "We adapt models.").resources());
    }

    @Test
    void unsupervisedAsTheSettingIsLabels() {
        assertEquals(List.of("labels"),
                extractor.extract("Unsupervised Image Registration", "We align scans without any ground truth.").resources());
    }

    @Test
    void aSpelledMultiplierMayBeCapitalised() {
        assertClaim(only("We continue pre-training on 68 Billion tokens of curated financial text."),
                68e9, "tokens", "size", "data");
    }

    @Test
    void aGainVerbFarBeforeByStillMakesAnImprovement() {
        assertClaim(only("FiMI Instruct outperforms the Mistral Small Instruct model by 87% on tool-calling."),
                87, "%", "improvement", null);
    }

    @Test
    void shorteningATimeIsAReductionOfCompute() {
        assertClaim(only("The model shortens process processing time by 42% in all scenarios."),
                42, "%", "reduction", "compute");
    }

    @Test
    void scoresListedPerNamedBenchmarkAreAllScores() {
        List<Claim> cs = claims("A method", "We achieve Kendall correlations of 0.921 for CIFAR-10, 0.929 for CIFAR-100, "
                + "and 0.908 for ImageNet-16-120.");
        assertEquals(List.of(0.921, 0.929, 0.908), cs.stream().map(Claim::value).toList());
        cs.forEach(c -> assertClaim(c, c.value(), "other", "accuracy", null));
    }

    @Test
    void aDistanceIsAMetric() {
        assertClaim(only("BioVid achieves a Wasserstein-1 distance of 1.24 against the ground truth."),
                1.24, "other", "accuracy", null);
    }

    @Test
    void aShareThatIsNoScoreIsOther() {
        assertClaim(only("AR produces fluent but repetitive outputs (99.8% begin with the same word)."),
                99.8, "%", "other", null);
        assertClaim(only("The system maintained 99.9% availability under high concurrent loads."),
                99.9, "%", "other", null);
        assertClaim(only("The RAG system achieved 100% agreement with the computed values."), 100, "%", "accuracy", null);
        assertClaim(only("The detector reaches 55% pass rate on the hard split."), 55, "%", "accuracy", null);
    }
}
