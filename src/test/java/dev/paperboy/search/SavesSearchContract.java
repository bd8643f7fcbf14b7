package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Paper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code saves:} filters and per-resource facet counts on a corpus whose lens resources are known:
 * 101 compute+memory, 102 memory+parameters, 103 compute+money, 104 labels+money, 105 and 106 none.
 * Part of the search contract: a backend's test runs it (see {@link SearchIndexContract}).
 */
public abstract class SavesSearchContract {

    @TempDir
    protected Path dir;

    private final FakeEmbedder embedder = new FakeEmbedder();
    private PaperIndex index;
    private SearchService service;

    /** Opens (creating when missing) this backend's index in {@code dir}, as of these model and lens versions. */
    protected abstract PaperIndex open(Path dir, String modelId, int lensVersion);

    @BeforeEach
    void indexFixtures() {
        index = open(dir.resolve("index"), embedder.modelId(), LensExtractor.VERSION);
        List<Paper> papers = TestPapers.loadSaves();
        index.rebuild(sink -> papers.forEach(p ->
                sink.accept(new PaperIndex.Entry(p, embedder.embedPassage(p.title(), p.abstractText())))), 6);
        service = new SearchService(index, embedder);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private SearchResults results(SearchForm form) {
        SearchService.Outcome o = service.search(form);
        return assertInstanceOf(SearchService.Found.class, o, () -> "outcome " + o).results();
    }

    private SearchResults results(String q, String mode) {
        return results(new SearchForm(q, null, null, null, mode, null, null, "50"));
    }

    private Set<String> ids(String q, String mode) {
        return ids(results(q, mode));
    }

    private static Set<String> ids(SearchResults r) {
        return r.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    private static Set<String> papers(String... suffixes) {
        return java.util.Arrays.stream(suffixes).map(s -> "2601.00" + s).collect(Collectors.toSet());
    }

    private String invalid(SearchForm form) {
        SearchService.Outcome o = service.search(form);
        return assertInstanceOf(SearchService.Invalid.class, o, () -> "outcome " + o).message();
    }

    private static Map<String, Long> counts(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
        return m;
    }

    @Test
    void theFixtureResourcesAreWhatTheExtractorSays() {
        // Guards the premise of every other test: if the extractor's rules change, fix the fixture list above.
        LensExtractor x = new LensExtractor();
        Map<String, List<String>> got = new LinkedHashMap<>();
        for (Paper p : TestPapers.loadSaves()) got.put(p.id(), x.extract(p.title(), p.abstractText()).resources());
        assertEquals(Map.of(
                "2601.00101", List.of("compute", "memory"),
                "2601.00102", List.of("memory", "parameters"),
                "2601.00103", List.of("compute", "money"),
                "2601.00104", List.of("labels", "money"),
                "2601.00105", List.of(),
                "2601.00106", List.of()), got);
    }

    @Test
    void savesFiltersTheKeywordLeg() {
        assertEquals(papers("101", "102", "103", "104", "105"), ids("document classification", "bm25"));
        assertEquals(papers("101", "102"), ids("document classification saves:memory", "bm25"));
        assertEquals(papers("101", "102"), ids("document classification saves:memory", "hybrid"));
    }

    @Test
    void savesFiltersTheSemanticLeg() {
        // The dense leg ranks every paper with a vector, reef or not: only the filter can narrow it.
        assertEquals(6, ids("coral reef fish", "dense").size());
        assertEquals(papers("103", "104"), ids("coral reef fish saves:money", "dense"));
        assertEquals(papers("103", "104"), ids("coral reef fish saves:money", "hybrid"));
    }

    @Test
    void repeatedSavesRequiresEveryResource() {
        assertEquals(papers("103"), ids("saves:compute saves:money", "hybrid"));
        assertEquals(papers("103"), ids("saves:compute,money", "dense"));
        assertEquals(papers("101"), ids("document SAVES:Memory saves:compute", "bm25"));
    }

    @Test
    void minusSavesExcludesPapersThatSaveIt() {
        assertEquals(papers("101", "102", "105"), ids("document classification -saves:money", "bm25"));
        assertEquals(papers("101", "102", "105", "106"), ids("coral reef fish -saves:money", "dense"));
        assertEquals(papers("102"), ids("saves:memory -saves:compute", "hybrid"));
    }

    @Test
    void savesAloneListsEveryPaperThatSavesIt() {
        assertEquals(papers("104"), ids("saves:labels", "hybrid"));
        assertEquals(Set.of(), ids("saves:energy", "hybrid"));
    }

    @Test
    void theSavesParameterTakesCommaSeparatedOrRepeatedValues() {
        SearchForm base = new SearchForm("", null, null, null, "hybrid", null, null, "50");
        assertEquals(papers("101"), ids(results(base.withSaves(List.of("memory,compute")))));
        assertEquals(papers("101"), ids(results(base.withSaves(List.of("memory", "Compute")))));
        assertEquals(papers("102"), ids(results(base.withSaves(List.of("memory", "-compute")))));
        // The parameter adds to the operators in q, on both legs.
        SearchForm dense = new SearchForm("coral reef saves:money", null, null, null, "dense", null, null, "50");
        assertEquals(papers("103"), ids(results(dense.withSaves(List.of("compute")))));
    }

    @Test
    void anUnknownResourceIsInvalidAndTheMessageListsTheVocabulary() {
        String vocabulary = "compute, memory, data, labels, parameters, money, energy, communication, context";
        String m = invalid(SearchForm.of("fast saves:speed"));
        assertTrue(m.contains("\"speed\"") && m.contains(vocabulary), m);
        String fromParam = invalid(SearchForm.of("fast").withSaves(List.of("memory,time")));
        assertTrue(fromParam.contains("\"time\"") && fromParam.contains(vocabulary), fromParam);
        assertTrue(invalid(SearchForm.of("-saves:cash")).contains(vocabulary));
    }

    @Test
    void keywordFacetsCountEveryMatchInVocabularyOrder() {
        SearchResults r = results("document classification", "bm25");
        assertEquals(List.copyOf(counts("compute", 2, "memory", 2, "labels", 1, "parameters", 1, "money", 2).entrySet()),
                List.copyOf(r.savesFacets().entrySet()));
        // Counts describe the whole result set, not the page shown.
        SearchResults onePage = results(new SearchForm("document classification", null, null, null, "bm25", null,
                null, "1"));
        assertEquals(1, onePage.hits().size());
        assertEquals(r.savesFacets(), onePage.savesFacets());
    }

    @Test
    void facetsCountTheFilteredResultsAndOmitZeros() {
        assertEquals(counts("compute", 1, "memory", 2, "parameters", 1),
                results("document classification saves:memory", "bm25").savesFacets());
        assertEquals(counts("memory", 1, "parameters", 1),
                results("saves:memory -saves:compute", "hybrid").savesFacets());
        assertEquals(Map.of(), results("coral reef", "bm25").savesFacets());
    }

    @Test
    void denseAndHybridFacetsCountTheFusedCandidates() {
        // Dense: every paper is a candidate, so every resource is counted; cat: narrows the candidates.
        assertEquals(counts("compute", 2, "memory", 2, "labels", 1, "parameters", 1, "money", 2),
                results("coral reef", "dense").savesFacets());
        assertEquals(counts("compute", 1, "memory", 2, "labels", 1, "parameters", 1, "money", 1),
                results("coral reef cat:cs.CL", "dense").savesFacets());
        // Hybrid counts the keyword matches (only the reef paper) and the neighbours that are not one (the rest).
        SearchResults hybrid = results("coral reef", "hybrid");
        assertEquals(6, hybrid.total());
        assertEquals(counts("compute", 2, "memory", 2, "labels", 1, "parameters", 1, "money", 2), hybrid.savesFacets());
    }

    @Test
    void aChangedLensVersionMakesTheIndexRebuildFromTheStore() {
        Path root = dir.resolve("versioned");
        InMemoryPaperStore store = new InMemoryPaperStore();
        store.upsertAll(TestPapers.loadSaves());
        try (PaperIndex old = open(root, embedder.modelId(), LensExtractor.VERSION - 1)) {
            new SearchIndexer(store, old, null).rebuildIfNeeded(SearchIndexer.Progress.NONE);
            assertTrue(old.rebuildReason().isEmpty());
        }
        try (PaperIndex current = open(root, embedder.modelId(), LensExtractor.VERSION)) {
            String reason = current.rebuildReason().orElseThrow();
            assertTrue(reason.contains("lens extractor " + (LensExtractor.VERSION - 1) + ", want " + LensExtractor.VERSION),
                    reason);
            assertTrue(new SearchIndexer(store, current, null).rebuildIfNeeded(SearchIndexer.Progress.NONE));
            assertEquals(6, current.count());
        }
        try (PaperIndex reopened = open(root, embedder.modelId(), LensExtractor.VERSION)) {
            assertTrue(reopened.rebuildReason().isEmpty(), reopened.rebuildReason().toString());
            SearchResults r = reopened.search(SearchRequest.of(
                    ((SearchQuery.Ok) SearchQuery.parse("saves:memory")).query(), 10), null);
            assertEquals(papers("101", "102"), ids(r));
        }
    }

    @Test
    void hitsCarryTheLensChipAndResourcesFromTheIndex() {
        LensExtractor extractor = new LensExtractor();
        Map<String, Paper> byId = TestPapers.loadSaves().stream().collect(Collectors.toMap(Paper::id, p -> p));
        SearchResults r = results("coral reef", "dense");
        assertEquals(6, r.hits().size());
        for (SearchHit h : r.hits()) {
            Paper p = byId.get(h.id());
            var lens = extractor.extract(p.title(), p.abstractText());
            assertEquals(lens.chip(), h.chip(), h.id());
            assertEquals(lens.resources(), h.saves(), h.id());
        }
        SearchHit fast = r.hits().stream().filter(h -> h.id().equals("2601.00101")).findFirst().orElseThrow();
        assertTrue(fast.chip().startsWith("3.2× faster"), fast.chip());
        SearchHit survey = r.hits().stream().filter(h -> h.id().equals("2601.00105")).findFirst().orElseThrow();
        assertEquals("", survey.chip());
        assertEquals(List.of(), survey.saves());
    }
}
