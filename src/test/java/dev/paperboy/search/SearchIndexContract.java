package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search contract: what every backend of {@link PaperIndex} must do, on the fixture corpus with the
 * fake embedder for the semantic leg. A backend's test extends this and says how to open its index.
 */
public abstract class SearchIndexContract {

    @TempDir
    protected Path dir;

    private final FakeEmbedder embedder = new FakeEmbedder();
    private PaperIndex index;
    private SearchService service;

    /** Opens (creating when missing) this backend's index in {@code dir}, as of these model and lens versions. */
    protected abstract PaperIndex open(Path dir, String modelId, int lensVersion);

    private PaperIndex open(Path dir) {
        return open(dir, embedder.modelId(), LensExtractor.VERSION);
    }

    @BeforeEach
    void indexFixtures() {
        index = open(dir.resolve("index"));
        List<Paper> papers = TestPapers.load();
        index.rebuild(sink -> papers.forEach(p ->
                sink.accept(new PaperIndex.Entry(p, embedder.embedPassage(p.title(), p.abstractText())))), 14);
        service = new SearchService(index, embedder);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> ids(String q, String mode) {
        return ids(new SearchForm(q, null, null, null, mode, null, null, "50"));
    }

    private List<String> ids(SearchForm form) {
        SearchService.Outcome o = service.search(form);
        SearchService.Found f = assertInstanceOf(SearchService.Found.class, o, () -> "outcome " + o);
        return f.results().hits().stream().map(SearchHit::id).toList();
    }

    private static Set<String> set(List<String> ids) {
        return ids.stream().collect(Collectors.toCollection(java.util.HashSet::new));
    }

    @Test
    void bm25RanksTheMatchingPaperFirst() {
        assertEquals("2405.00005", ids("galaxy rotation curves dark matter", "bm25").getFirst());
        assertEquals("2412.00012", ids("gravitational waves from neutron stars", "bm25").getFirst());
        assertEquals("2403.00003", ids("diffusion image synthesis", "bm25").getFirst());
    }

    @Test
    void bm25ReturnsOnlyPapersContainingAQueryTerm() {
        assertEquals(List.of("2409.00009"), ids("quantum error correction", "bm25"));
    }

    @Test
    void stemmingMatchesOtherFormsOfAWord() {
        // "segmenting" and "segmentation" share the stem "segment".
        assertEquals(List.of("2404.00004"), ids("segmenting", "bm25"));
    }

    @Test
    void aPhraseRequiresTheWordsInOrder() {
        assertEquals(Set.of("2401.00001", "2410.00010"), set(ids("\"language models\"", "bm25")));
        assertEquals(Set.of("2401.00001", "2410.00010"), set(ids("\"language models\"", "hybrid")));
    }

    @Test
    void aMinusWordExcludesPapersContainingIt() {
        List<String> with = ids("\"language models\" -experts", "bm25");
        assertEquals(List.of("2401.00001"), with);
        assertFalse(ids("language -experts", "hybrid").contains("2410.00010"));
    }

    @Test
    void authorFiltersByNameInEitherOrder() {
        Set<String> moreau = Set.of("2401.00001", "2402.00002", "2501.00013");
        assertEquals(moreau, set(ids("author:\"Alice Moreau\"", "hybrid")));
        assertEquals(moreau, set(ids("author:\"Moreau Alice\"", "hybrid")));
        assertEquals(moreau, set(ids("author:moreau", "hybrid")));
        assertEquals(Set.of("2402.00002"), set(ids("prefix author:moreau", "bm25")));
    }

    @Test
    void authorNamesDoNotMatchAcrossTwoAuthors() {
        // "Bin Zhao" and "Alice Moreau" are on the same paper, but "Zhao Alice" is nobody.
        assertEquals(List.of(), ids("author:\"Moreau Bin\"", "hybrid"));
    }

    @Test
    void categoryFiltersByExactCategoryOrByArchive() {
        assertEquals(Set.of("2405.00005"), set(ids("cat:astro-ph.GA", "hybrid")));
        assertEquals(Set.of("2405.00005", "2406.00006", "2412.00012"), set(ids("cat:astro-ph", "hybrid")));
        assertEquals(Set.of("2403.00003", "2404.00004", "2411.00011"), set(ids("cat:cs.cv", "hybrid")));
    }

    @Test
    void minusCatExcludesACategoryOrAnArchive() {
        assertEquals(Set.of("2406.00006", "2412.00012"), set(ids("cat:astro-ph -cat:astro-ph.GA", "hybrid")));
        assertEquals(Set.of("2406.00006", "2412.00012"), set(ids("-cat:astro-ph.ga cat:astro-ph", "bm25")));
        Set<String> all = set(ids("cat:astro-ph,cs.cv", "hybrid"));
        assertEquals(Set.of("2403.00003", "2404.00004", "2411.00011"), set(ids("cat:astro-ph,cs.cv -cat:astro-ph", "hybrid")));
        assertEquals(6, all.size());
    }

    @Test
    void sinceAndUntilFilterByDateInclusively() {
        assertEquals(Set.of("2501.00013", "2502.00014"), set(ids("since:2025", "hybrid")));
        assertEquals(Set.of("2401.00001", "2402.00002"), set(ids("until:2024-02", "hybrid")));
        assertEquals(Set.of("2406.00006"), set(ids("since:2024-06-01 until:2024-06-30", "hybrid")));
    }

    @Test
    void filtersApplyToTheSemanticLegToo() {
        // Dense mode ranks every paper with a vector; the filters must still hold.
        assertEquals(Set.of("2405.00005", "2406.00006", "2412.00012"),
                set(ids("cat:astro-ph neural networks for images", "dense")));
        assertEquals(Set.of("2501.00013", "2502.00014"), set(ids("language models since:2025", "dense")));
        assertFalse(ids("language models -experts", "dense").contains("2410.00010"));
        assertEquals(Set.of("2401.00001", "2402.00002", "2501.00013"), set(ids("networks author:moreau", "dense")));
        assertEquals(Set.of("2401.00001", "2410.00010"), set(ids("\"language models\" training", "dense")));
    }

    @Test
    void denseModeFindsPapersWithoutSharedKeywordsFirstByVector() {
        List<String> dense = ids("galaxies rotation", "dense");
        assertEquals(14, dense.size(), "the semantic leg ranks every paper with a vector");
        assertEquals("2405.00005", dense.getFirst());
    }

    @Test
    void hybridFusesBothLegs() {
        List<String> hybrid = ids("parameter budget fine-tuning", "hybrid");
        assertEquals(Set.of("2401.00001", "2402.00002"), Set.copyOf(hybrid.subList(0, 2)));
        assertEquals(14, hybrid.size());
    }

    @Test
    void filtersOnlyListNewestFirst() {
        assertEquals(List.of("2502.00014", "2410.00010", "2407.00007", "2402.00002", "2401.00001"),
                ids("cat:cs.CL", "hybrid"));
    }

    @Test
    void dateOrderSortsMatchesNewestFirst() {
        List<String> byDate = ids(new SearchForm("language", null, null, null, "bm25", "date", null, null));
        assertEquals(List.of("2410.00010", "2401.00001"), byDate);
        List<String> hybridByDate = ids(new SearchForm("language", null, null, null, "hybrid", "date", null, null));
        assertEquals("2502.00014", hybridByDate.getFirst());
    }

    @Test
    void pagesAreSlicesOfTheFullList() {
        List<String> all = ids(new SearchForm("networks", null, null, null, "hybrid", null, "0", "14"));
        List<String> page2 = ids(new SearchForm("networks", null, null, null, "hybrid", null, "4", "4"));
        assertEquals(all.subList(4, 8), page2);
        SearchService.Found f = (SearchService.Found) service.search(
                new SearchForm("networks", null, null, null, "hybrid", null, "4", "4"));
        assertEquals(14, f.results().total());
    }

    @Test
    void apiParametersActLikeOperators() {
        assertEquals(set(ids("cat:astro-ph", "hybrid")),
                set(ids(new SearchForm("", "astro-ph", null, null, null, null, null, null))));
        assertEquals(set(ids("since:2025", "hybrid")),
                set(ids(new SearchForm(null, null, "2025", null, null, null, null, null))));
        assertEquals(set(ids("until:2024-02", "hybrid")),
                set(ids(new SearchForm(null, null, null, "2024-02", null, null, null, null))));
    }

    @Test
    void snippetsMarkTheMatchedWords() {
        SearchService.Found f = (SearchService.Found) service.search(SearchForm.of("diffusion"));
        SearchHit top = f.results().hits().getFirst();
        assertEquals("2403.00003", top.id());
        assertTrue(top.snippet().stream().anyMatch(s -> s.highlighted() && s.text().equalsIgnoreCase("diffusion")),
                () -> "snippet " + top.snippet());
        String text = top.snippet().stream().map(SearchHit.Segment::text).collect(Collectors.joining());
        assertTrue(text.startsWith("Denoising diffusion models"), text);
    }

    @Test
    void snippetsMarkOtherFormsOfAWordAndEveryWordOfAPhrase() {
        SearchService.Found f = (SearchService.Found) service.search(SearchForm.of("segmenting"));
        SearchHit hit = f.results().hits().getFirst();
        assertTrue(hit.snippet().stream().anyMatch(s -> s.highlighted() && s.text().toLowerCase().startsWith("segment")),
                () -> "snippet " + hit.snippet());
        SearchService.Found p = (SearchService.Found) service.search(SearchForm.of("\"language models\""));
        assertTrue(p.results().hits().stream().anyMatch(h -> h.id().equals("2401.00001")));
        // 2401.00001 has the phrase in its abstract (2410.00010 only in its title, which snippets don't show).
        for (SearchHit h : p.results().hits().stream().filter(h -> h.id().equals("2401.00001")).toList()) {
            // The phrase may be marked as one run; its words must both be marked, nothing else.
            String marked = h.snippet().stream().filter(SearchHit.Segment::highlighted)
                    .map(s -> s.text().toLowerCase()).collect(Collectors.joining(" "));
            assertTrue(marked.contains("language") && marked.contains("model"), () -> h.id() + " " + h.snippet());
            assertTrue(marked.replace("language", "").replace("models", "").replace("model", "").isBlank(),
                    () -> h.id() + " " + h.snippet());
        }
        // A match in the title only: the snippet is the abstract's opening, nothing marked, no title remnant.
        assertTrue(p.results().hits().stream().anyMatch(h -> h.id().equals("2410.00010")), () -> p.results().hits().toString());
        for (SearchHit h : p.results().hits().stream().filter(h -> h.id().equals("2410.00010")).toList()) {
            assertFalse(h.snippet().isEmpty(), h.id());
            assertFalse(Character.isWhitespace(h.snippet().getFirst().text().charAt(0)), () -> h.snippet().toString());
            assertTrue(h.snippet().stream().noneMatch(SearchHit.Segment::highlighted), () -> h.snippet().toString());
        }
    }

    @Test
    void snippetsWithoutAMatchShowTheAbstractOpening() {
        SearchService.Found f = (SearchService.Found) service.search(SearchForm.of("cat:quant-ph"));
        SearchHit hit = f.results().hits().getFirst();
        assertTrue(hit.snippet().getFirst().text().startsWith("Surface codes"), () -> hit.snippet().toString());
        assertTrue(hit.snippet().stream().noneMatch(SearchHit.Segment::highlighted));
    }

    @Test
    void hitsCarryDisplayFields() {
        SearchHit h = ((SearchService.Found) service.search(SearchForm.of("surface codes"))).results().hits().getFirst();
        assertEquals("Quantum Error Correction with Surface Codes", h.title());
        assertEquals(List.of("Luis Ortega", "Mina Park"), h.authors());
        assertEquals(List.of("quant-ph"), h.categories());
        assertEquals(java.time.LocalDate.of(2024, 9, 19), h.date());
    }

    @Test
    void aPastedArxivIdOrUrlGoesToThePaper() {
        assertEquals(new SearchService.GoToPaper("2403.00003"), service.search(SearchForm.of("2403.00003")));
        assertEquals(new SearchService.GoToPaper("2403.00003"),
                service.search(SearchForm.of("https://arxiv.org/abs/2403.00003v2")));
        assertEquals(new SearchService.GoToPaper("2403.00003"), service.search(SearchForm.of("arXiv:2403.00003")));
        SearchService.Found unknown = assertInstanceOf(SearchService.Found.class,
                service.search(SearchForm.of("2403.99999")));
        assertEquals(0, unknown.results().total());
    }

    @Test
    void relatedPapersAreNearestNeighboursWithoutThePaperItself() {
        List<SearchHit> related = service.related("2401.00001", 5);
        assertEquals(5, related.size());
        assertTrue(related.stream().noneMatch(h -> h.id().equals("2401.00001")));
        assertEquals(List.of(), service.related("0000.00000", 5));
    }

    @Test
    void relatedPapersFollowChangesToTheIndex() {
        List<SearchHit> before = index.related("2401.00001", 5);
        assertEquals(before, index.related("2401.00001", 5)); // asked again: the same answer
        String gone = before.getFirst().id();
        index.delete(List.of(gone));
        index.refresh();
        List<SearchHit> after = index.related("2401.00001", 5);
        assertTrue(after.stream().noneMatch(h -> h.id().equals(gone)), after.toString());
    }

    @Test
    void relatedFallsBackToMoreLikeThisWithoutVectors() {
        List<Paper> papers = TestPapers.load();
        index.rebuild(sink -> papers.forEach(p -> sink.accept(new PaperIndex.Entry(p, null))), 14);
        List<SearchHit> related = index.related("2405.00005", 3);
        assertFalse(related.isEmpty());
        assertTrue(related.stream().noneMatch(h -> h.id().equals("2405.00005")));
        assertTrue(Set.of("2406.00006", "2412.00012").contains(related.getFirst().id()), related.toString());
    }

    @Test
    void relatedPapersFoundByWordsAreFoundAgainByVectorOnceThePaperIsEmbedded() {
        List<Paper> papers = TestPapers.load();
        rebuild(papers, p -> null);
        List<SearchHit> byWords = index.related("2401.00001", 5);
        assertFalse(byWords.isEmpty());
        List<SearchHit> expected = withVectors(papers);
        assertNotEquals(ids(byWords), ids(expected), "the fixtures must tell words and vectors apart");
        // Now embed them one by one in place, as the embedding catch-up does; the answer kept from before must go.
        rebuild(papers, p -> null);
        assertEquals(byWords, index.related("2401.00001", 5));
        index.upsert(papers.stream().map(p -> new PaperIndex.Entry(p, vector(p))).toList());
        index.refresh();
        assertEquals(ids(expected), ids(index.related("2401.00001", 5)));
    }

    /** Related papers of 2401.00001 in an index of {@code papers} built with their vectors. */
    private List<SearchHit> withVectors(List<Paper> papers) {
        rebuild(papers, this::vector);
        return index.related("2401.00001", 5);
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    @Test
    void withoutAnEmbedderHybridFallsBackToBm25() {
        SearchService keywordOnly = new SearchService(index, null);
        SearchService.Found f = (SearchService.Found) keywordOnly.search(SearchForm.of("quantum error correction"));
        assertEquals(SearchMode.BM25, f.results().mode());
        assertEquals(List.of("2409.00009"), f.results().hits().stream().map(SearchHit::id).toList());
    }

    @Test
    void upsertReplacesAPaperById() {
        Paper old = TestPapers.load().getFirst();
        Paper renamed = TestPapers.paper(old.id(), "Completely different title about zebras", old.abstractText(),
                old.authors(), old.categories(), null);
        index.upsert(List.of(new PaperIndex.Entry(renamed, null)));
        index.refresh();
        assertEquals(14, index.count());
        assertEquals(List.of("2401.00001"), ids("zebras", "bm25"));
    }

    // ---- totals -------------------------------------------------------------------------------

    private SearchResults results(String q, String mode, String order) {
        SearchService.Outcome o = service.search(new SearchForm(q, null, null, null, mode, order, null, "10"));
        return assertInstanceOf(SearchService.Found.class, o, () -> "outcome " + o).results();
    }

    private void rebuild(List<Paper> papers, java.util.function.Function<Paper, float[]> vectors) {
        index.rebuild(sink -> papers.forEach(p -> sink.accept(new PaperIndex.Entry(p, vectors.apply(p)))), 0);
    }

    private float[] vector(Paper p) {
        return embedder.embedPassage(p.title(), p.abstractText());
    }

    @Test
    void totalsCountEveryMatchInEveryOrderBeyondTheRelevanceDepth() {
        List<Paper> many = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            many.add(TestPapers.paper(String.format(Locale.ROOT, "2501.%05d", i), "A model of thing " + i,
                    "We study model number " + i + ".", List.of(new Author("Ada Lovelace")), List.of("cs.LG"),
                    LocalDate.of(2025, 1, 1).plusDays(i % 300)));
        }
        rebuild(many, this::vector);
        for (String order : List.of("relevance", "date")) {
            for (String mode : List.of("bm25", "hybrid")) {
                SearchResults r = results("model", mode, order);
                assertEquals(1_050, r.total(), mode + " " + order);
                assertTrue(r.totalExact(), mode + " " + order);
            }
        }
        assertEquals("1,050", results("model", "bm25", null).totalText());
        // The semantic leg alone: every embedded paper is a neighbour; only the (at most 100) looked at are counted.
        SearchResults dense = results("model", "dense", null);
        assertTrue(dense.total() > 0 && dense.total() <= 100, () -> "total " + dense.total());
        assertFalse(dense.totalExact());
        assertEquals(dense.total() + "+", dense.totalText());
    }

    @Test
    void aHybridTotalIsTheKeywordMatchesPlusTheNeighboursThatAreNotOne() {
        assertEquals(1, results("quantum error correction", "bm25", null).total());
        Set<String> neighbours = set(ids("quantum error correction", "dense"));
        neighbours.add("2409.00009");
        SearchResults hybrid = results("quantum error correction", "hybrid", null);
        assertEquals(neighbours.size(), hybrid.total());
        assertTrue(hybrid.totalExact());
        assertEquals(neighbours.size(), results("quantum error correction", "hybrid", "date").total());
        List<String> byDate = ids(new SearchForm("quantum error correction", null, null, null, "hybrid", "date", null, "50"));
        assertEquals(neighbours, set(byDate), "date order lists exactly the set the total counts");
    }

    // ---- queries without words -------------------------------------------------------------------

    @Test
    void queriesWithoutSearchableWordsFindNothingWhileFiltersAloneStillList() {
        for (String q : List.of("*", "~~~", "\uD83D\uDE80", "* ~~~ ?", "\"***\"")) {
            for (String mode : List.of("hybrid", "bm25", "dense")) {
                SearchResults r = results(q, mode, null);
                assertEquals(0, r.total(), q + " " + mode);
                assertEquals(List.of(), r.hits(), q + " " + mode);
            }
        }
        assertEquals(5, results("cat:cs.CL", "hybrid", null).total());
    }

    // ---- accents ---------------------------------------------------------------------------------

    @Test
    void namesAndTextMatchWithOrWithoutAccents() {
        Paper mans = TestPapers.paper("2503.00001", "Bayesian topic inference", "Sampling latent Dirichlet allocation.",
                List.of(new Author("Måns Magnusson")), List.of("stat.ML"), LocalDate.of(2025, 3, 1));
        // TeX converted at ingest can come decomposed: "a" followed by a combining acute accent.
        String bollobas = "Béla Bollob" + "a\u0301" + "s";
        Paper bela = TestPapers.paper("2503.00002", "Percolation at the café", "Sparse random graphs percolate.",
                List.of(new Author(bollobas)), List.of("math.CO"), LocalDate.of(2025, 3, 2));
        index.upsert(List.of(new PaperIndex.Entry(mans, null), new PaperIndex.Entry(bela, null)));
        index.refresh();
        assertEquals(List.of("2503.00001"), ids("author:\"Mans Magnusson\"", "bm25"));
        assertEquals(List.of("2503.00001"), ids("author:Måns", "bm25"));
        assertEquals(List.of("2503.00001"), ids("Magnússon", "bm25"));
        assertEquals(List.of("2503.00002"), ids("Bollobas", "bm25"));
        assertEquals(List.of("2503.00002"), ids("author:\"Béla Bollobás\"", "bm25"));
        assertEquals(List.of("2503.00002"), ids("cafe", "bm25"));
        assertEquals(List.of("2503.00002"), ids("\"the cafe\"", "bm25"));
        SearchHit hit = results("Bollobas", "bm25", null).hits().getFirst();
        assertEquals(List.of(bollobas), hit.authors(), "the stored name keeps its spelling");
    }

    // ---- fusion while part of the store has vectors ----------------------------------------------

    @Test
    void whileFewPapersHaveVectorsHybridKeepsUnrelatedEmbeddedPapersBelowKeywordMatches() {
        Author a = new Author("Edward Hu");
        List<Paper> lora = List.of(
                TestPapers.paper("2505.00001", "LoRA: low-rank adaptation of large language models",
                        "We freeze the weights and train low-rank LoRA matrices; LoRA matches full fine-tuning.",
                        List.of(a), List.of("cs.CL"), LocalDate.of(2025, 5, 1)),
                TestPapers.paper("2505.00002", "Quantised LoRA on one GPU", "LoRA adapters over a 4-bit model.",
                        List.of(a), List.of("cs.LG"), LocalDate.of(2025, 5, 2)),
                TestPapers.paper("2505.00003", "Parameter-efficient methods compared",
                        "We compare prefix tuning, adapters and lora on eight tasks.", List.of(a), List.of("cs.CL"),
                        LocalDate.of(2025, 5, 3)));
        List<Paper> all = new ArrayList<>(TestPapers.load());
        all.addAll(lora);
        // The fixtures are embedded, the new LoRA papers wait for it; the galaxy paper's vector happens to be
        // the nearest to "lora" among the embedded ones.
        rebuild(all, p -> p.id().startsWith("2505.") ? null
                : p.id().equals("2405.00005") ? embedder.embedQuery("lora") : vector(p));
        List<String> hybrid = ids("lora", "hybrid");
        assertEquals(ids("lora", "bm25"), hybrid.subList(0, 3), hybrid.toString());
        assertEquals(Set.of("2505.00001", "2505.00002", "2505.00003"), set(hybrid.subList(0, 3)));
    }

    // ---- writes, versions ------------------------------------------------------------------------

    @Test
    void deleteRemovesAPaperFromBothLegs() {
        index.delete(List.of("2409.00009", "0000.00000"));
        index.refresh();
        assertEquals(13, index.count());
        assertFalse(index.contains("2409.00009"));
        assertEquals(List.of(), ids("quantum error correction", "bm25"));
        assertFalse(ids("quantum error correction", "dense").contains("2409.00009"));
    }

    @Test
    void aReopenedIndexKeepsItsPapersAndSequencesAndAnotherModelOrLensAsksForARebuild() {
        index.commit(14);
        index.commitEmbedded(9);
        index.close();
        Path at = dir.resolve("index");
        try (PaperIndex same = open(at)) {
            assertEquals(java.util.Optional.empty(), same.rebuildReason());
            assertEquals(14, same.count());
            assertEquals(14, same.committedSequence());
            assertEquals(9, same.embeddedSequence());
            // A rebuild under the same model keeps the embedding cursor: the vectors it counts are in the store.
            same.rebuild(sink -> TestPapers.load().forEach(p -> sink.accept(new PaperIndex.Entry(p, null))), 20);
            assertEquals(20, same.committedSequence());
            assertEquals(9, same.embeddedSequence());
        }
        try (PaperIndex lens = open(at, embedder.modelId(), LensExtractor.VERSION + 1)) {
            assertTrue(lens.rebuildReason().orElseThrow().contains("lens"), lens.rebuildReason().toString());
        }
        try (PaperIndex model = open(at, "another-model", LensExtractor.VERSION)) {
            assertTrue(model.rebuildReason().orElseThrow().contains("model"), model.rebuildReason().toString());
            assertEquals(0, model.embeddedSequence(), "another model's vectors must all be computed");
        }
        index = open(at);
    }
}
