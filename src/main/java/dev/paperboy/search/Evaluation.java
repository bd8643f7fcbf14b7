package dev.paperboy.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Retrieval evaluation: TREC qrels, TREC run files, nDCG@k and Recall@k as BEIR computes them. */
public final class Evaluation {
    private Evaluation() {}

    /** One ranked document of a run. */
    public record Ranked(String docId, double score) {}

    /** Mean figures over the judged queries. */
    public record Metrics(int queries, double ndcg10, double recall100) {}

    /** Reads BEIR qrels ({@code query-id corpus-id score}, tab-separated, optional header). */
    public static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.strip().split("\\s+");
                if (f.length < 3) throw new IOException("qrels: line " + n + " has " + f.length + " fields, want 3");
                int score;
                try {
                    score = Integer.parseInt(f[f.length - 1]);
                } catch (NumberFormatException e) {
                    if (n == 1) continue; // the header
                    throw new IOException("qrels: line " + n + ": score is not a number: " + f[f.length - 1], e);
                }
                String qid = f[0];
                String doc = f.length == 4 ? f[2] : f[1]; // TREC qrels have an iteration column
                out.computeIfAbsent(qid, k -> new LinkedHashMap<>()).put(doc, score);
            }
        }
        return out;
    }

    /** nDCG@k with linear gains, as trec_eval and BEIR compute it. */
    public static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            int rel = judged.getOrDefault(ranked.get(i), 0);
            if (rel > 0) dcg += rel / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream().filter(v -> v > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) idcg += ideal.get(i) / log2(i + 2);
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** The share of relevant documents found in the top {@code k}. */
    public static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
        Set<String> relevant = new HashSet<>();
        judged.forEach((d, s) -> {
            if (s > 0) relevant.add(d);
        });
        if (relevant.isEmpty()) return 0;
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) if (relevant.contains(ranked.get(i))) found++;
        return (double) found / relevant.size();
    }

    /** Mean nDCG@10 and Recall@100 over the queries that have judgements. */
    public static Metrics score(Map<String, List<Ranked>> run, Map<String, Map<String, Integer>> qrels) {
        double ndcg = 0, recall = 0;
        int n = 0;
        for (Map.Entry<String, Map<String, Integer>> q : qrels.entrySet()) {
            List<String> docs = run.getOrDefault(q.getKey(), List.of()).stream().map(Ranked::docId).toList();
            ndcg += ndcg(docs, q.getValue(), 10);
            recall += recall(docs, q.getValue(), 100);
            n++;
        }
        return n == 0 ? new Metrics(0, 0, 0) : new Metrics(n, ndcg / n, recall / n);
    }

    /** Writes a TREC run: {@code qid Q0 docid rank score tag}, ranks from 1. */
    public static void writeRun(Writer out, Map<String, List<Ranked>> run, String tag) throws IOException {
        for (Map.Entry<String, List<Ranked>> q : run.entrySet()) {
            List<Ranked> docs = q.getValue();
            for (int i = 0; i < docs.size(); i++) {
                out.write(q.getKey() + " Q0 " + docs.get(i).docId() + " " + (i + 1) + " "
                        + String.format(Locale.ROOT, "%.6f", docs.get(i).score()) + " " + tag + "\n");
            }
        }
    }

    /** Reads a TREC run back (for tests and comparisons). */
    public static Map<String, List<Ranked>> readRun(Path file) throws IOException {
        Map<String, List<Ranked>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] f = line.strip().split("\\s+");
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Ranked(f[2], Double.parseDouble(f[4])));
        }
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
