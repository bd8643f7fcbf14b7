package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.db.Database;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.files.BeirCorpus;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.BeirEvaluator;
import dev.paperboy.search.embed.EmbeddingStore;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchIndexer;
import dev.paperboy.search.SearchMode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App builds what {@code eval} runs on; the passage vectors stay in the given file for the next run. */
class AppEvalPartsTest {

    @TempDir
    Path dir;

    @Test
    void aDenseEvaluationEmbedsThroughTheGivenModelAndCachesTheVectorsInTheFile() throws Exception {
        List<Paper> corpus = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/fixtures/beir-tiny/corpus.jsonl"))) {
            new BeirCorpus().read(in, new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    corpus.add(paper);
                }

                @Override
                public void reject(String where, String reason) {
                    throw new AssertionError(where + ": " + reason);
                }
            });
        }
        Path vectors = dir.resolve("vectors.db");
        try (App.EvalParts parts = App.evaluation(TinyEmbedder.embedding(), vectors, true, SearchDefaults.fusion(),
                SearchIndexer.Progress.NONE)) {
            var run = parts.evaluator().run(corpus, List.of(new BeirEvaluator.Query("q1", "vitamin D bone density")),
                    SearchMode.HYBRID, dir.resolve("index"), 10);
            assertTrue(!run.get("q1").isEmpty(), run.toString());
        }
        try (Database db = Database.open(Database.sqliteUrl(vectors))) {
            assertEquals(corpus.size(), new EmbeddingStore(db.jdbi(), TinyEmbedder.MODEL_ID).count());
        }
    }
}
