package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How version 4 weighs the evidence for a resource: full and half pieces, one vote per sentence, vague words. */
class ResourceEvidenceTest {
    private final LensExtractor extractor = new LensExtractor();

    private List<String> resources(String title, String abstractText) {
        return extractor.extract(title, abstractText).resources();
    }

    private List<String> resources(String abstractText) {
        return resources("A method for segmentation", "We study segmentation. " + abstractText);
    }

    @Test
    void efficientWithoutAResourceIsHalfAPieceOfEvidenceForCompute() {
        assertEquals(List.of(), resources("Our approach is efficient."));
        assertEquals(List.of("compute"), resources("Our approach is efficient. It segments frames efficiently."));
        assertEquals(List.of("compute"), resources("It suits real-time use. The model is lightweight."));
    }

    @Test
    void efficientBelongsToTheResourceThePaperSavesElsewhere() {
        assertEquals(List.of("communication"), resources(
                "It reduces communication bandwidth. It is efficient. Its training runs efficiently."));
    }

    @Test
    void oneBackgroundSentenceIsNotEnoughHoweverManyCuesItHolds() {
        assertEquals(List.of(), resources(
                "Due to the great saving of computation and memory overhead, token pruning has become popular."));
        assertEquals(List.of("memory"), resources("However, existing methods incur a large memory footprint. "
                + "Current approaches also demand huge GPU memory."));
    }

    @Test
    void aResourceNamedAsAGrowingCostACauseOrAComparisonIsNotSaved() {
        assertEquals(List.of(), resources("These points are noisy and can increase computational burden."));
        assertEquals(List.of(), resources("The limit is context availability rather than computational resources."));
        assertEquals(List.of(), resources("The gains fade due to communication overhead in large clusters."));
        assertEquals(List.of("compute"), resources("Our filter lowers the computational burden."));
    }

    @Test
    void aSmallHardwareBudgetIsCompute() {
        assertEquals(List.of("compute"), resources("The network is trained on a single consumer-grade GPU."));
        assertEquals(List.of("compute"), resources("It needs minimal hardware resources for training."));
        assertEquals(List.of("compute"), resources("Attention runs in linear complexity."));
        assertEquals(List.of(), resources("We evaluate on a cluster of GPUs."));
        assertEquals(List.of("compute"), resources("MuJoCo-Drones-Gym: A GPU-Accelerated Multi-Drone Simulator",
                "We present a simulator."));
    }

    @Test
    void aSavingNounOrSuffixAfterAResourceNounIsASaving() {
        assertEquals(List.of("compute"), resources("The adapter is compute-efficient."));
        assertEquals(List.of("compute"), resources("We observe a clear latency reduction on phones."));
        assertEquals(List.of("labels"), resources("The pipeline bypasses the annotation step."));
    }

    @Test
    void cuePhrasesMatchAtWordStartsOnly() {
        assertEquals(List.of(), resources("FocusDiff: Advancing Fine-Grained Text-Image Alignment",
                "We propose FocusDiff, which sharpens alignment."));
        assertEquals(List.of("money"), resources("Cheap labelling", "We cut the cost to 5 USD per page."));
    }
}
