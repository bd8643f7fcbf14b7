package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.search.Evaluation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new EvalCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(args), out::toString);
        return out.toString();
    }

    @Test
    void writesATrecRunWithBeirIdsAndPrintsTheFigures() throws Exception {
        Path fixtures = Path.of("src/test/resources/fixtures/beir-tiny");
        Path runFile = dir.resolve("run.txt");
        String out = run("--corpus", fixtures.resolve("corpus.jsonl").toString(),
                "--queries", fixtures.resolve("queries.jsonl").toString(),
                "--qrels", fixtures.resolve("qrels.tsv").toString(),
                "--run-out", runFile.toString(), "--mode", "bm25");
        assertTrue(out.contains("queries 3  nDCG@10 1.0000  Recall@100 1.0000"), out);
        Map<String, List<Evaluation.Ranked>> run = Evaluation.readRun(runFile);
        assertEquals("d1", run.get("q1").getFirst().docId());
        assertEquals("d3", run.get("q2").getFirst().docId());
        assertEquals("d2", run.get("q3").getFirst().docId());
        assertTrue(Files.readAllLines(runFile).getFirst().matches("q1 Q0 d1 1 \\d+\\.\\d{6} paperboy-bm25"));
    }

    @Test
    void bm25OnTheSciFactTrainSplitReachesTheTarget() {
        Path scifact = Path.of("../shared/data/scifact");
        Assumptions.assumeTrue(Files.isRegularFile(scifact.resolve("corpus.jsonl")),
                "SciFact is not at ../shared/data/scifact; skipping the quality check");
        String out = run("--corpus", scifact.resolve("corpus.jsonl").toString(),
                "--queries", scifact.resolve("queries-train.jsonl").toString(),
                "--qrels", scifact.resolve("qrels-train.tsv").toString(),
                "--run-out", dir.resolve("run.txt").toString(), "--mode", "bm25");
        Matcher m = Pattern.compile("nDCG@10 (\\d\\.\\d+)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) >= 0.66, out);
    }
}
