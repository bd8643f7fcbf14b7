package dev.paperboy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.files.BeirCorpus;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.BeirEvaluator;
import dev.paperboy.search.Evaluation;
import dev.paperboy.search.Fusion;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paperboy eval}: runs a BEIR collection through the search code and scores the run. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Index a BEIR corpus in a temporary index, run its queries, write a TREC run and, "
                + "with qrels, print nDCG@10 and Recall@100.")
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, description = "BEIR corpus.jsonl")
    Path corpus;

    @Option(names = "--queries", required = true, description = "BEIR queries.jsonl")
    Path queries;

    @Option(names = "--qrels", description = "BEIR qrels TSV; prints nDCG@10 and Recall@100 when given")
    Path qrels;

    @Option(names = "--run-out", required = true, description = "where to write the TREC run (top 100 per query)")
    Path runOut;

    @Option(names = "--mode", defaultValue = "hybrid", description = "bm25, dense or hybrid (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--fusion", description = "rrf or blend (default: the product's setting)")
    String fusionMethod;

    @Option(names = "--dense-weight", description = "weight of the semantic leg in fusion, 0..1")
    Double denseWeight;

    @Option(names = "--embeddings-db",
            description = "SQLite file caching passage vectors between runs (default: a temporary file)")
    Path embeddingsDb;

    private static final int DEPTH = 100;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        SearchMode m = SearchMode.parse(mode).orElse(null);
        if (m == null) {
            err.println("eval: --mode must be bm25, dense or hybrid");
            return 2;
        }
        Fusion fusion = SearchDefaults.fusion();
        if (fusionMethod != null || denseWeight != null) {
            Fusion.Method method = fusionMethod == null ? fusion.method()
                    : Fusion.Method.valueOf(fusionMethod.strip().toUpperCase(Locale.ROOT));
            fusion = new Fusion(method, denseWeight == null ? fusion.denseWeight() : denseWeight);
        }
        List<Paper> papers = readCorpus(corpus, err);
        List<BeirEvaluator.Query> qs = readQueries(queries);
        err.printf(Locale.ROOT, "eval: %d documents, %d queries, mode %s%n", papers.size(), qs.size(),
                m.name().toLowerCase(Locale.ROOT));

        Path scratch = Files.createTempDirectory("paperboy-eval-");
        Path db = embeddingsDb != null ? embeddingsDb : scratch.resolve("embeddings.db");
        try (App.EvalParts parts = App.evaluation(db, m != SearchMode.BM25, fusion, (step, done, total) ->
                err.printf(Locale.ROOT, "eval: %s %d/%d%n", step, done, total))) {
            BeirEvaluator evaluator = parts.evaluator();
            Map<String, List<Evaluation.Ranked>> run = evaluator.run(papers, qs, m, scratch.resolve("index"), DEPTH);
            Map<String, List<Evaluation.Ranked>> byBeirId = new java.util.LinkedHashMap<>();
            run.forEach((q, docs) -> byBeirId.put(q, docs.stream()
                    .map(r -> new Evaluation.Ranked(beirId(r.docId()), r.score())).toList()));
            if (runOut.toAbsolutePath().getParent() != null) Files.createDirectories(runOut.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(runOut, StandardCharsets.UTF_8)) {
                Evaluation.writeRun(w, byBeirId, "paperboy-" + m.name().toLowerCase(Locale.ROOT));
            }
            BeirEvaluator.Stats st = evaluator.stats();
            out.printf(Locale.ROOT, "indexed %d papers in %.2f s (%.0f papers/s)%n", st.papers(), st.indexSeconds(),
                    st.papers() / Math.max(st.indexSeconds(), 1e-9));
            if (st.embedded() > 0) {
                out.printf(Locale.ROOT, "embedded %d papers in %.1f s (%.1f papers/s)%n", st.embedded(),
                        st.embedSeconds(), st.embedded() / Math.max(st.embedSeconds(), 1e-9));
            }
            out.printf(Locale.ROOT, "searched %d queries in %.2f s (%.1f ms/query)%n", qs.size(), st.searchSeconds(),
                    1000 * st.searchSeconds() / Math.max(1, qs.size()));
            if (m != SearchMode.BM25) {
                out.printf(Locale.ROOT, "fusion %s, dense weight %.2f%n",
                        fusion.method().name().toLowerCase(Locale.ROOT), fusion.denseWeight());
            }
            out.println("run written to " + runOut);
            if (qrels != null) {
                Evaluation.Metrics metrics = Evaluation.score(byBeirId, Evaluation.readQrels(qrels));
                out.printf(Locale.ROOT, "queries %d  nDCG@10 %.4f  Recall@100 %.4f%n", metrics.queries(),
                        metrics.ndcg10(), metrics.recall100());
            }
            return 0;
        } finally {
            deleteTree(scratch);
        }
    }

    /** The BEIR id of a paper read by {@link BeirCorpus} (plain ids are kept behind a {@code beir-} prefix). */
    static String beirId(String paperId) {
        return paperId.startsWith("beir-") ? paperId.substring(5) : paperId;
    }

    /** Reads the corpus with the product's BEIR importer format. */
    private static List<Paper> readCorpus(Path file, PrintWriter err) throws IOException {
        List<Paper> out = new ArrayList<>();
        int[] rejected = {0};
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new BeirCorpus().read(in, new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    out.add(paper);
                }

                @Override
                public void reject(String where, String reason) {
                    if (rejected[0]++ < 10) err.println("eval: skipped corpus " + where + ": " + reason);
                }
            });
        }
        if (rejected[0] > 0) err.println("eval: skipped " + rejected[0] + " corpus records");
        return out;
    }

    private static List<BeirEvaluator.Query> readQueries(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<BeirEvaluator.Query> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) continue;
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (IOException e) {
                throw new IOException("eval: queries line " + n + " is not JSON: " + e.getMessage(), e);
            }
            out.add(new BeirEvaluator.Query(node.path("_id").asText(""), node.path("text").asText("")));
        }
        return out;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A scratch directory under the system temp dir; leaving it behind is harmless.
        }
    }
}
