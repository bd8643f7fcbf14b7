package dev.paperboy.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** Combines the ranked lists of the keyword and the semantic leg into one. */
public final class Fusion {

    /** How two ranked lists become one. */
    public enum Method {
        /** Reciprocal rank fusion: sum of 1 / (k + rank); ignores the scores' scales. */
        RRF,
        /** Each leg's scores min-max normalised over its own list, then a weighted sum. */
        BLEND
    }

    /** A document and its score in one leg or after fusion. */
    public record Scored(int doc, double score) {}

    /** RRF's k: the constant of Cormack et al. (2009), used unchanged. */
    static final int RRF_K = 60;

    private final Method method;
    private final double denseWeight;

    public Fusion(Method method, double denseWeight) {
        if (denseWeight < 0 || denseWeight > 1) throw new IllegalArgumentException("fusion: weight must be 0..1");
        this.method = method;
        this.denseWeight = denseWeight;
    }

    public Method method() {
        return method;
    }

    public double denseWeight() {
        return denseWeight;
    }

    /** Both lists fused, best first, every document having a vector (the semantic leg covers the corpus). */
    public List<Scored> fuse(List<Scored> keyword, List<Scored> dense) {
        return fuse(keyword, dense, doc -> true);
    }

    /**
     * Both lists fused, best first; ties keep the keyword leg's order, then the dense leg's.
     * {@code hasVector} says which keyword candidates the semantic leg could have found at all: while only
     * part of the store is embedded, the dense leg abstains on the others (they are scored by the keyword
     * leg alone instead of getting 0 from it), and documents only the dense leg found count in proportion
     * to the keyword candidates that have vectors. Its nearest neighbours among a few embedded papers are
     * then no longer normalised to the top and put above strong keyword matches (docs/search.md).
     * With every candidate embedded this is the plain weighted fusion.
     */
    public List<Scored> fuse(List<Scored> keyword, List<Scored> dense, IntPredicate hasVector) {
        Map<Integer, Double> kw = new HashMap<>();
        Map<Integer, Double> de = new HashMap<>();
        if (method == Method.RRF) {
            addRanks(kw, keyword);
            addRanks(de, dense);
        } else {
            addNormalised(kw, keyword);
            addNormalised(de, dense);
        }
        int embedded = 0;
        for (Integer doc : kw.keySet()) if (hasVector.test(doc)) embedded++;
        double coverage = kw.isEmpty() ? 1 : (double) embedded / kw.size();
        Map<Integer, Double> acc = new HashMap<>();
        kw.forEach((doc, k) -> acc.put(doc, hasVector.test(doc)
                ? (1 - denseWeight) * k + denseWeight * de.getOrDefault(doc, 0.0)
                : k));
        de.forEach((doc, d) -> acc.putIfAbsent(doc, denseWeight * d * coverage));
        List<Scored> out = new ArrayList<>(acc.size());
        acc.forEach((doc, s) -> out.add(new Scored(doc, s)));
        Map<Integer, Integer> keywordRank = ranks(keyword);
        Map<Integer, Integer> denseRank = ranks(dense);
        out.sort((a, b) -> {
            int c = Double.compare(b.score(), a.score());
            if (c != 0) return c;
            c = Integer.compare(keywordRank.getOrDefault(a.doc(), Integer.MAX_VALUE),
                    keywordRank.getOrDefault(b.doc(), Integer.MAX_VALUE));
            if (c != 0) return c;
            c = Integer.compare(denseRank.getOrDefault(a.doc(), Integer.MAX_VALUE),
                    denseRank.getOrDefault(b.doc(), Integer.MAX_VALUE));
            return c != 0 ? c : Integer.compare(a.doc(), b.doc());
        });
        return out;
    }

    private static Map<Integer, Integer> ranks(List<Scored> list) {
        Map<Integer, Integer> out = new HashMap<>();
        for (int i = 0; i < list.size(); i++) out.putIfAbsent(list.get(i).doc(), i);
        return out;
    }

    private static void addRanks(Map<Integer, Double> acc, List<Scored> list) {
        for (int i = 0; i < list.size(); i++) {
            // Times two, so equal weights (0.5 each) give plain RRF.
            acc.putIfAbsent(list.get(i).doc(), 2.0 / (RRF_K + i + 1));
        }
    }

    private static void addNormalised(Map<Integer, Double> acc, List<Scored> list) {
        if (list.isEmpty()) return;
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (Scored s : list) {
            max = Math.max(max, s.score());
            min = Math.min(min, s.score());
        }
        double range = max - min;
        for (Scored s : list) acc.putIfAbsent(s.doc(), range > 0 ? (s.score() - min) / range : 1.0);
    }
}
