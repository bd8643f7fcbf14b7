package dev.paperboy.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Both lists fused, best first; ties keep the keyword leg's order, then the document number. */
    public List<Scored> fuse(List<Scored> keyword, List<Scored> dense) {
        Map<Integer, double[]> acc = new HashMap<>();
        if (method == Method.RRF) {
            addRanks(acc, keyword, 1 - denseWeight, 0);
            addRanks(acc, dense, denseWeight, 1);
        } else {
            addNormalised(acc, keyword, 1 - denseWeight, 0);
            addNormalised(acc, dense, denseWeight, 1);
        }
        List<Scored> out = new ArrayList<>(acc.size());
        acc.forEach((doc, s) -> out.add(new Scored(doc, s[2])));
        Map<Integer, Integer> keywordRank = new HashMap<>();
        for (int i = 0; i < keyword.size(); i++) keywordRank.putIfAbsent(keyword.get(i).doc(), i);
        out.sort((a, b) -> {
            int c = Double.compare(b.score(), a.score());
            if (c != 0) return c;
            c = Integer.compare(keywordRank.getOrDefault(a.doc(), Integer.MAX_VALUE),
                    keywordRank.getOrDefault(b.doc(), Integer.MAX_VALUE));
            return c != 0 ? c : Integer.compare(a.doc(), b.doc());
        });
        return out;
    }

    private static void addRanks(Map<Integer, double[]> acc, List<Scored> list, double weight, int leg) {
        for (int i = 0; i < list.size(); i++) {
            double[] s = acc.computeIfAbsent(list.get(i).doc(), d -> new double[3]);
            // Equal weights (0.5 each) give plain RRF up to a constant factor.
            s[2] += weight * 2 / (RRF_K + i + 1);
            s[leg] = 1;
        }
    }

    private static void addNormalised(Map<Integer, double[]> acc, List<Scored> list, double weight, int leg) {
        if (list.isEmpty()) return;
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (Scored s : list) {
            max = Math.max(max, s.score());
            min = Math.min(min, s.score());
        }
        double range = max - min;
        for (Scored s : list) {
            double norm = range > 0 ? (s.score() - min) / range : 1.0;
            double[] a = acc.computeIfAbsent(s.doc(), d -> new double[3]);
            a[2] += weight * norm;
            a[leg] = 1;
        }
    }
}
