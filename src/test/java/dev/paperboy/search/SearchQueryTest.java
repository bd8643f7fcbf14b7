package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static SearchQuery ok(String text) {
        SearchQuery.Parsed p = SearchQuery.parse(text);
        return assertInstanceOf(SearchQuery.Ok.class, p, () -> "parsed " + p).query();
    }

    private static String invalid(String text) {
        SearchQuery.Parsed p = SearchQuery.parse(text);
        return assertInstanceOf(SearchQuery.Invalid.class, p, () -> "parsed " + p).message();
    }

    @Test
    void plainWordsAreKeptInOrder() {
        SearchQuery q = ok("efficient fine-tuning under a parameter budget");
        assertEquals(List.of("efficient", "fine-tuning", "under", "a", "parameter", "budget"), q.words());
        assertEquals("efficient fine-tuning under a parameter budget", q.semanticText());
    }

    @Test
    void quotedTextIsAPhrase() {
        SearchQuery q = ok("\"low rank\" adapters");
        assertEquals(List.of("low rank"), q.phrases());
        assertEquals(List.of("adapters"), q.words());
    }

    @Test
    void anUnbalancedQuoteRunsToTheEnd() {
        SearchQuery q = ok("adapters \"low rank");
        assertEquals(List.of("low rank"), q.phrases());
        assertEquals(List.of("adapters"), q.words());
    }

    @Test
    void savesOperatorsAreFiltersAndNeverReachTheEmbeddedText() {
        SearchQuery q = ok("fast inference saves:Memory saves:compute,memory -saves:money");
        assertEquals(List.of("memory", "compute"), q.saves());
        assertEquals(List.of("money"), q.savesExcluded());
        assertEquals(List.of("fast", "inference"), q.words());
        assertEquals("fast inference", q.semanticText());
        assertTrue(ok("saves:labels").filtersOnly());
    }

    @Test
    void anUnknownSavesResourceIsInvalid() {
        String m = invalid("saves:speed");
        assertTrue(m.startsWith("saves: unknown resource \"speed\"; use one of compute, memory, data"), m);
    }

    @Test
    void minusCatExcludesCategoriesAndIsAFilter() {
        SearchQuery q = ok("graphs cat:cs -cat:cs.CV,cs.RO -category:math");
        assertEquals(List.of("cs"), q.categories());
        assertEquals(List.of("cs.CV", "cs.RO", "math"), q.categoriesExcluded());
        assertEquals(List.of("graphs"), q.words());
        assertEquals(List.of(), q.excluded());
        assertTrue(ok("-cat:cs.CV").filtersOnly());
    }

    @Test
    void aCatParameterWithAMinusExcludes() {
        var v = new SearchForm("graphs", "cs,-cs.CV", "", "", "", "", "", "", List.of()).validate();
        SearchQuery q = assertInstanceOf(SearchForm.Valid.class, v).request().query();
        assertEquals(List.of("cs"), q.categories());
        assertEquals(List.of("cs.CV"), q.categoriesExcluded());
    }

    @Test
    void minusExcludesAWordOrPhrase() {
        SearchQuery q = ok("transformers -vision -\"image classification\"");
        assertEquals(List.of("vision", "image classification"), q.excluded());
        assertEquals(List.of("transformers"), q.words());
    }

    @Test
    void aLoneMinusOrHyphenatedWordIsText() {
        SearchQuery q = ok("state-of-the-art - results");
        assertEquals(List.of("state-of-the-art", "-", "results"), q.words());
        assertEquals(List.of(), q.excluded());
    }

    @Test
    void authorTakesAWordOrAQuotedName() {
        SearchQuery q = ok("author:hinton author:\"Yann LeCun\" au:bengio");
        assertEquals(List.of("hinton", "Yann LeCun", "bengio"), q.authors());
        assertTrue(q.filtersOnly());
    }

    @Test
    void catTakesOneOrSeveralCategories() {
        assertEquals(List.of("cs.CL"), ok("cat:cs.CL").categories());
        assertEquals(List.of("cs.CL", "cs.LG"), ok("cat:cs.CL,cs.LG").categories());
    }

    @Test
    void datesTakeYearMonthOrDay() {
        assertEquals(LocalDate.of(2024, 1, 1), ok("since:2024").since());
        assertEquals(LocalDate.of(2024, 12, 31), ok("until:2024").until());
        assertEquals(LocalDate.of(2024, 2, 1), ok("since:2024-02").since());
        assertEquals(LocalDate.of(2024, 2, 29), ok("until:2024-02").until());
        assertEquals(LocalDate.of(2024, 2, 3), ok("since:2024-02-03").since());
    }

    @Test
    void badDatesAreProblemsNotExceptions() {
        assertTrue(invalid("since:yesterday").contains("YYYY"));
        assertTrue(invalid("until:2024-13").contains("YYYY"));
        assertTrue(invalid("since:2024-02-30").contains("YYYY"));
        assertTrue(invalid("since:2025 until:2024").contains("after"));
    }

    @Test
    void unknownKeysAreText() {
        SearchQuery q = ok("title:attention foo:bar");
        assertEquals(List.of("title:attention", "foo:bar"), q.words());
    }

    @Test
    void anArxivIdOrUrlIsRecognised() {
        assertEquals("2403.12345", ok("2403.12345").arxivId().orElseThrow().base());
        assertEquals("2403.12345", ok("https://arxiv.org/abs/2403.12345v3").arxivId().orElseThrow().base());
        assertEquals("2403.12345", ok("arxiv.org/pdf/2403.12345.pdf").arxivId().orElseThrow().base());
        assertEquals("hep-th/9901001", ok("hep-th/9901001").arxivId().orElseThrow().base());
        assertTrue(ok("2403.12345 transformers").arxivId().isEmpty());
    }

    @Test
    void tooLongQueriesAreRefused() {
        assertTrue(invalid("a".repeat(10_000)).contains("limit"));
        assertTrue(invalid("w ".repeat(SearchQuery.MAX_TERMS + 1)).contains("terms"));
    }

    @Test
    void luceneSyntaxIsJustText() {
        SearchQuery q = ok("title:(foo AND bar~2^3) [a TO b] \\ / * ? {x} || && !");
        assertTrue(q.words().contains("&&"));
        assertTrue(q.words().contains("*"));
    }

    @Test
    void emptyInputIsAnEmptyQuery() {
        assertTrue(ok("").filtersOnly());
        assertTrue(ok("   ").filtersOnly());
        assertTrue(SearchQuery.parse(null) instanceof SearchQuery.Ok);
    }
}
