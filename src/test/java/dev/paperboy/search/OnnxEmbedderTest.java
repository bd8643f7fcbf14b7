package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.lucene.LuceneIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bge-small model from the Maven jar, on the fourteen fixture papers (kept small for CI). */
class OnnxEmbedderTest {

    @TempDir
    static Path dir;

    static OnnxEmbedder embedder;
    static LuceneIndex index;
    static SearchService service;

    @BeforeAll
    static void loadModelAndIndex() {
        embedder = OnnxEmbedder.load(2);
        List<Paper> papers = TestPapers.load();
        List<float[]> vectors = embedder.embedPassages(
                papers.stream().map(p -> new Embedder.Passage(p.title(), p.abstractText())).toList());
        index = LuceneIndex.open(dir.resolve("index"), embedder.modelId(), SearchDefaults.fusion());
        index.rebuild(sink -> {
            for (int i = 0; i < papers.size(); i++) sink.accept(new PaperIndex.Entry(papers.get(i), vectors.get(i)));
        }, 0);
        service = new SearchService(index, embedder);
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
        if (embedder != null) embedder.close();
    }

    private static List<String> ids(String q, String mode) {
        SearchService.Found f = (SearchService.Found) service.search(
                new SearchForm(q, null, null, null, mode, null, null, "5"));
        return f.results().hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void vectorsHaveTheModelsSizeAndUnitLength() {
        float[] v = embedder.embedQuery("attention is all you need");
        assertEquals(384, v.length);
        assertEquals(384, embedder.dimensions());
        double norm = 0;
        for (float x : v) norm += x * x;
        assertEquals(1.0, norm, 1e-4);
    }

    @Test
    void batchEmbeddingMatchesOneByOneInOrder() {
        List<Embedder.Passage> ps = List.of(new Embedder.Passage("A", "first text"),
                new Embedder.Passage("B", "second text"), new Embedder.Passage("C", "third text"));
        List<float[]> batch = embedder.embedPassages(ps);
        for (int i = 0; i < ps.size(); i++) {
            assertArrayEquals(embedder.embedPassage(ps.get(i).title(), ps.get(i).abstractText()), batch.get(i), 1e-6f);
        }
    }

    @Test
    void veryLongTextIsTruncatedNotRejected() {
        assertEquals(384, embedder.embedPassage("Long", "word ".repeat(5_000)).length);
    }

    @Test
    void theIssuesExampleFindsTheParameterEfficientPapers() {
        List<String> top = ids("efficient fine-tuning under a parameter budget", "hybrid");
        assertEquals(Set.of("2401.00001", "2402.00002"), Set.copyOf(top.subList(0, 2)));
    }

    @Test
    void theSemanticLegFindsPapersWithoutSharedWords() {
        assertEquals("2412.00012", ids("ripples in spacetime from colliding compact stars", "dense").getFirst());
        assertEquals("2406.00006", ids("what gases surround planets orbiting other suns", "dense").getFirst());
        assertEquals("2412.00012", ids("ripples in spacetime from colliding compact stars", "hybrid").getFirst());
    }

    @Test
    void relatedPapersShareTheTopic() {
        List<SearchHit> related = service.related("2405.00005", 2);
        assertTrue(related.stream().allMatch(h -> Set.of("2406.00006", "2412.00012").contains(h.id())),
                related.toString());
    }
}
