package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static List<Fusion.Scored> list(int... docs) {
        return java.util.stream.IntStream.range(0, docs.length)
                .mapToObj(i -> new Fusion.Scored(docs[i], 10.0 - i)).toList();
    }

    private static List<Integer> docs(List<Fusion.Scored> fused) {
        return fused.stream().map(Fusion.Scored::doc).toList();
    }

    @Test
    void rrfPrefersDocumentsBothLegsRankHigh() {
        Fusion rrf = new Fusion(Fusion.Method.RRF, 0.5);
        // 2: ranks 2 and 1 (1/62 + 1/61) beats 1: ranks 1 and 3 (1/61 + 1/63); one-leg documents follow.
        assertEquals(List.of(2, 1, 3, 4), docs(rrf.fuse(list(1, 2, 4), list(2, 3, 1))));
        assertEquals(2, docs(rrf.fuse(list(1, 2), list(2, 3))).getFirst());
    }

    @Test
    void rrfScoresAreOneOverSixtyPlusRank() {
        List<Fusion.Scored> fused = new Fusion(Fusion.Method.RRF, 0.5).fuse(list(7), list(7));
        assertEquals(2.0 / 61, fused.getFirst().score(), 1e-12);
    }

    @Test
    void blendNormalisesEachLegBeforeWeighting() {
        Fusion blend = new Fusion(Fusion.Method.BLEND, 0.7);
        List<Fusion.Scored> keyword = List.of(new Fusion.Scored(1, 30), new Fusion.Scored(2, 10));
        List<Fusion.Scored> dense = List.of(new Fusion.Scored(2, 0.9), new Fusion.Scored(1, 0.8));
        List<Fusion.Scored> fused = blend.fuse(keyword, dense);
        assertEquals(List.of(2, 1), docs(fused));
        assertEquals(0.7, fused.get(0).score(), 1e-12);
        assertEquals(0.3, fused.get(1).score(), 1e-12);
    }

    @Test
    void oneEmptyLegLeavesTheOtherInOrder() {
        Fusion rrf = new Fusion(Fusion.Method.RRF, 0.5);
        assertEquals(List.of(5, 6, 7), docs(rrf.fuse(list(), list(5, 6, 7))));
        assertEquals(List.of(5, 6, 7), docs(new Fusion(Fusion.Method.BLEND, 0.5).fuse(list(5, 6, 7), list())));
    }

    @Test
    void tiesKeepTheKeywordOrder() {
        Fusion rrf = new Fusion(Fusion.Method.RRF, 0.5);
        // 1 is first in the keyword leg and 9 first in the dense leg: equal scores, keyword order wins.
        assertEquals(List.of(1, 9), docs(rrf.fuse(list(1), list(9))));
    }

    @Test
    void withVectorsOnEveryCandidateTheCoverageAwareFusionIsThePlainOne() {
        Fusion blend = new Fusion(Fusion.Method.BLEND, 0.5);
        List<Fusion.Scored> keyword = List.of(new Fusion.Scored(1, 9), new Fusion.Scored(2, 5), new Fusion.Scored(3, 1));
        List<Fusion.Scored> dense = List.of(new Fusion.Scored(4, 0.9), new Fusion.Scored(2, 0.7), new Fusion.Scored(1, 0.2));
        assertEquals(blend.fuse(keyword, dense), blend.fuse(keyword, dense, doc -> true));
    }

    @Test
    void theDenseLegAbstainsOnPapersWithoutVectorsAndDenseOnlyPapersCountByCoverage() {
        Fusion blend = new Fusion(Fusion.Method.BLEND, 0.5);
        // Keyword matches 1, 2, 3 have no vectors yet; 9 is an embedded paper only the dense leg found.
        List<Fusion.Scored> keyword = List.of(new Fusion.Scored(1, 9), new Fusion.Scored(2, 5), new Fusion.Scored(3, 1));
        List<Fusion.Scored> dense = List.of(new Fusion.Scored(9, 0.9), new Fusion.Scored(8, 0.1));
        List<Fusion.Scored> plain = blend.fuse(keyword, dense);
        assertEquals(9, docs(plain).get(1), "the plain blend puts the dense-only paper second: " + plain);
        List<Fusion.Scored> fused = blend.fuse(keyword, dense, doc -> doc >= 8);
        assertEquals(List.of(1, 2, 3, 9, 8), docs(fused));
        assertEquals(1.0, fused.getFirst().score(), 1e-12, "scored by the keyword leg alone");
        // Half the keyword candidates embedded: a dense-only paper gets half its weighted score.
        List<Fusion.Scored> half = blend.fuse(keyword.subList(0, 2), dense, doc -> doc == 1 || doc >= 8);
        assertEquals(0.5 * 1.0 * 0.5, half.stream().filter(f -> f.doc() == 9).findFirst().orElseThrow().score(), 1e-12);
    }
}
