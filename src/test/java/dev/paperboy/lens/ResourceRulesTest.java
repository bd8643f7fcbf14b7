package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which resources a paper saves: the general cues and sentence roles of version 3, each in an ordinary abstract. */
class ResourceRulesTest {
    private final LensExtractor extractor = new LensExtractor();

    private List<String> resources(String title, String abstractText) {
        return extractor.extract(title, abstractText).resources();
    }

    private List<String> resources(String abstractText) {
        return resources("A method for segmentation", "We study segmentation. " + abstractText);
    }

    @Test
    void aSavingVerbAFewWordsBeforeAResourceNounIsASaving() {
        assertEquals(List.of("compute"), resources("A sparse GRU design is proposed to reduce the computation cost."));
        assertEquals(List.of("compute", "memory"),
                resources("The framework is designed to reduce memory usage and computational time."));
        assertEquals(List.of("parameters"), resources("A compact head and dropout reduce parameters."));
        assertEquals(List.of("context"), resources("We then cut token usage while keeping accuracy."));
    }

    @Test
    void aResourceWordThatOnlyModifiesAnotherNounIsNoSaving() {
        assertEquals(List.of(), resources("We mitigate annotation bias with a weighted loss."));
        assertEquals(List.of(), resources("We reduce bias through energy-guided diffusion sampling."));
        assertEquals(List.of("memory"), resources("Our detector is less time- and memory-intensive than prior work."));
    }

    @Test
    void aBurdenThatOtherMethodsCarryIsBackgroundNotAContribution() {
        assertEquals(List.of(),
                resources("Pure transformer models, while effective, require large datasets and high computational cost."));
        assertEquals(List.of(), resources("Some main challenges are their high computational cost and memory requirement."));
        assertEquals(List.of("compute", "memory"), resources(
                "To mitigate the substantial storage and computational demands, the proposed system uses quantization."));
    }

    @Test
    void latencyAndLabelledDataCountOnlyWithAWordThatSaysWhichWayTheyGo() {
        assertEquals(List.of(), resources("We report accuracy alongside per-page cost and cache-busted latency."));
        assertEquals(List.of(), resources("We use a labeled data set of 250 pairs of abstracts."));
        assertEquals(List.of("compute"), resources("It answers within sub ninety millisecond latency."));
        assertEquals(List.of("labels"), resources("It needs only a few labeled examples and little labeled data."));
    }

    @Test
    void aFewOrNoLabelsIsALabelBudget() {
        assertEquals(List.of("labels"), resources("SMOL-MapSeg: Show Me One Label", "We segment historical maps."));
        assertEquals(List.of("labels"), resources("It generalises using only annotated images from older cohorts."));
        assertEquals(List.of("labels"), resources("Given a single user-annotated image, it finds the parts."));
        assertEquals(List.of("labels"), resources("It trains without human annotations."));
        assertEquals(List.of(), resources("A reweighting strategy mitigates pseudo-label noise."));
    }

    @Test
    void littleDataIsADataBudgetButLittleAnnotatedDataIsALabelBudget() {
        assertEquals(List.of("data"), resources("Meta-updates enable quick adaptation with little data."));
        assertEquals(List.of("labels"), resources("Our model copes with limited annotated data."));
        assertEquals(List.of(), resources("We create a small, custom dataset of military vehicles."));
        assertEquals(List.of("data"), resources("Improving Resnet-9 Generalization Trained on Small Datasets",
                "We won a competition."));
    }

    @Test
    void titlesThatPromiseSpeedAreCompute() {
        assertEquals(List.of("compute"), resources("Leveraging motion vectors for Fast and Dense Feature Matching", "x."));
        assertEquals(List.of("compute"), resources("A Network for Real-Time Deepfake Detection", "We detect."));
        assertEquals(List.of("compute"), resources("GreenFactory: Ensembling Zero-Cost Proxies", "We rank networks."));
        assertEquals(List.of(), resources("MER-R1: Emotion Reasoning via Slow-Fast Thinking Synergy", "We reason."));
        assertEquals(List.of("compute"), resources("TAPS: Task Aware Proposal Distributions for Speculative Sampling",
                "We study drafters."));
    }

    @Test
    void operatingCostsAreMoney() {
        Lens lens = extractor.extract("A process model", "The model reduces operating costs by 35%.");
        assertEquals(List.of("money"), lens.resources());
        assertEquals("money", lens.claims().getFirst().resource());
    }

    @Test
    void aResultListedForNamedDatasetsIsNotAboutData() {
        Lens lens = extractor.extract("Communication-efficient FL", "Our quantization reduces total communicated data "
                + "by up to 52.64% for MNIST and 31% to 37% for medical imaging datasets.");
        assertEquals(List.of("communication"), lens.resources());
    }
}
