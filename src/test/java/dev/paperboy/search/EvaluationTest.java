package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @Test
    void ndcgIsOneForAPerfectRankingAndLowerWhenTheHitIsLater() {
        Map<String, Integer> judged = Map.of("d1", 1);
        assertEquals(1.0, Evaluation.ndcg(List.of("d1", "d2"), judged, 10), 1e-12);
        assertEquals(1 / (Math.log(3) / Math.log(2)), Evaluation.ndcg(List.of("d2", "d1"), judged, 10), 1e-12);
        assertEquals(0.0, Evaluation.ndcg(List.of("d2", "d3"), judged, 10), 1e-12);
    }

    @Test
    void ndcgUsesGradedGainsAndTheIdealOrder() {
        Map<String, Integer> judged = Map.of("a", 2, "b", 1);
        double idcg = 2 + 1 / (Math.log(3) / Math.log(2));
        double dcg = 1 + 2 / (Math.log(3) / Math.log(2));
        assertEquals(dcg / idcg, Evaluation.ndcg(List.of("b", "a"), judged, 10), 1e-12);
    }

    @Test
    void ndcgIgnoresHitsBelowTheCutoff() {
        List<String> ranked = List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "d1");
        assertEquals(0.0, Evaluation.ndcg(ranked, Map.of("d1", 1), 10), 1e-12);
    }

    @Test
    void recallCountsRelevantDocumentsFound() {
        assertEquals(0.5, Evaluation.recall(List.of("a", "x"), Map.of("a", 1, "b", 1), 100), 1e-12);
        assertEquals(0.0, Evaluation.recall(List.of("a"), Map.of("a", 0), 100), 1e-12);
    }

    @Test
    void qrelsWithAHeaderAreRead(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("q.tsv");
        Files.writeString(f, "query-id\tcorpus-id\tscore\n1\t31715818\t1\n1\t42\t1\n3\t14717500\t1\n");
        Map<String, Map<String, Integer>> q = Evaluation.readQrels(f);
        assertEquals(Map.of("31715818", 1, "42", 1), q.get("1"));
        assertEquals(Map.of("14717500", 1), q.get("3"));
    }

    @Test
    void theRunIsWrittenInTrecFormatAndReadsBack(@TempDir Path dir) throws IOException {
        Map<String, List<Evaluation.Ranked>> run = new LinkedHashMap<>();
        run.put("q1", List.of(new Evaluation.Ranked("d7", 0.9), new Evaluation.Ranked("d3", 0.5)));
        StringWriter w = new StringWriter();
        Evaluation.writeRun(w, run, "tag");
        assertEquals("q1 Q0 d7 1 0.900000 tag\nq1 Q0 d3 2 0.500000 tag\n", w.toString());
        Path f = dir.resolve("run.txt");
        Files.writeString(f, w.toString());
        assertEquals(run, Evaluation.readRun(f));
    }

    @Test
    void scoresAverageOverJudgedQueriesOnly() {
        Map<String, List<Evaluation.Ranked>> run = Map.of(
                "q1", List.of(new Evaluation.Ranked("a", 1)),
                "q9", List.of(new Evaluation.Ranked("z", 1)));
        Map<String, Map<String, Integer>> qrels = Map.of("q1", Map.of("a", 1), "q2", Map.of("b", 1));
        Evaluation.Metrics m = Evaluation.score(run, qrels);
        assertEquals(2, m.queries());
        assertEquals(0.5, m.ndcg10(), 1e-12);
        assertEquals(0.5, m.recall100(), 1e-12);
    }
}
