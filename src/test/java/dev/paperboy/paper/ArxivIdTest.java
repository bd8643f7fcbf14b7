package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArxivIdTest {

    @ParameterizedTest(name = "{0} -> {1} v{2}")
    @CsvSource({
        "2403.12345,                                  2403.12345,     0",
        "2403.12345v2,                                2403.12345,     2",
        "0704.0001,                                   0704.0001,      0",
        "1412.9999v12,                                1412.9999,      12",
        "hep-th/9901001,                              hep-th/9901001, 0",
        "hep-th/9901001v3,                            hep-th/9901001, 3",
        "math.CA/0611800v2,                           math/0611800,   2",
        "cond-mat.str-el/0102030,                     cond-mat/0102030, 0",
        "arXiv:2403.12345,                            2403.12345,     0",
        "ARXIV: 2403.12345v1,                         2403.12345,     1",
        "https://arxiv.org/abs/2403.12345v2,          2403.12345,     2",
        "http://arxiv.org/abs/hep-th/9901001,         hep-th/9901001, 0",
        "https://arxiv.org/pdf/2403.12345v3.pdf,      2403.12345,     3",
        "https://arxiv.org/pdf/2403.12345,            2403.12345,     0",
        "https://www.arxiv.org/abs/2403.12345/,       2403.12345,     0",
        "https://export.arxiv.org/abs/2403.12345?context=cs, 2403.12345, 0",
        "arxiv.org/abs/2403.12345#section,            2403.12345,     0",
        "oai:arXiv.org:2403.12345,                    2403.12345,     0",
        "oai:arXiv.org:math/0611800,                  math/0611800,   0",
        "'  2403.12345v2  ',                          2403.12345,     2",
        "https://arxiv.org/abs/2401.12345v3,          2401.12345,     3",
        "/pdf/2401.12345.pdf,                         2401.12345,     0",
        "/abs/2401.12345v2/,                          2401.12345,     2",
        "pdf/2401.12345v1,                            2401.12345,     1",
        "http://export.arxiv.org/abs/2401.12345,      2401.12345,     0",
        "https://arxiv.org/html/2401.12345v2,         2401.12345,     2",
        "math.GT/0309136,                             math/0309136,   0",
        "https://arxiv.org/abs/math.GT/0309136v1,     math/0309136,   1",
        "https://huggingface.co/papers/2401.12345,    2401.12345,     0",
        "'huggingface.co/papers/2401.12345/ ',        2401.12345,     0",
        "https://hf.co/papers/2401.12345?utm=x,       2401.12345,     0",
        "'\t https://arxiv.org/abs/2401.12345/ \n',  2401.12345,     0",
    })
    void normalisesEveryFormPeoplePaste(String input, String base, int version) {
        ArxivId id = ArxivId.parse(input).orElseThrow(() -> new AssertionError("not parsed: " + input));
        assertEquals(base, id.base());
        assertEquals(version, id.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "hello", "2403.1234", "2403.123456", "1501.1234", "1412.12345", "2413.12345",
        "0612.0001", "12345.6789", "hep-th/99010", "https://example.org/abs/2403.12345", "2403.12345v",
        "https://huggingface.co/models/2401.12345", "https://example.org/papers/2401.12345", "//abs/2401.12345",
        "0704.0001v99999", "hep-th/9901001v123456789012",
    })
    void rejectsWhatIsNotAnArxivId(String input) {
        assertTrue(ArxivId.parse(input).isEmpty(), input);
    }

    @Test
    void printsVersionOnlyWhenKnown() {
        assertEquals("2403.12345", ArxivId.parse("2403.12345").orElseThrow().toString());
        assertEquals("2403.12345v2", ArxivId.parse("2403.12345v2").orElseThrow().toString());
        assertEquals("math/0611800v2", ArxivId.parse("math.CA/0611800v2").orElseThrow().toString());
    }

    @Test
    void ordersByBaseThenVersionNumerically() {
        List<ArxivId> ids = new ArrayList<>(List.of(
                ArxivId.parse("2403.12345v10").orElseThrow(),
                ArxivId.parse("2403.12345v2").orElseThrow(),
                ArxivId.parse("2403.12345").orElseThrow(),
                ArxivId.parse("2401.00001v1").orElseThrow()));
        Collections.sort(ids);
        assertEquals(List.of("2401.00001v1", "2403.12345", "2403.12345v2", "2403.12345v10"),
                ids.stream().map(ArxivId::toString).toList());
    }

    @Test
    void derivedIdsAreNotArxivIds() {
        assertTrue(PaperIds.isArxiv("2403.12345"));
        assertTrue(PaperIds.isArxiv("hep-th/9901001"));
        assertFalse(PaperIds.isArxiv("2403.12345v2"), "stored ids carry no version");
        assertFalse(PaperIds.isArxiv(PaperIds.derived("listing", "a title")));
    }

    @Test
    void derivedIdsAreStableAndDistinguishSources() {
        assertEquals(PaperIds.derived("listing", "x"), PaperIds.derived("listing", "x"));
        assertFalse(PaperIds.derived("listing", "x").equals(PaperIds.derived("beir", "x")));
        assertEquals(PaperIds.titleKey("Attention Is All You Need!"), PaperIds.titleKey("attention is  all you need"));
    }
}
