package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoriesTest {

    @Test
    void aliasesBecomeTheirCanonicalName() {
        assertEquals("math.NA", Categories.canonical("cs.NA"));
        assertEquals("eess.SY", Categories.canonical("cs.SY"));
        assertEquals("cs.IT", Categories.canonical("math.IT"));
        assertEquals("math-ph", Categories.canonical("math.MP"));
        assertEquals("math.ST", Categories.canonical("stat.TH"));
        assertEquals("econ.GN", Categories.canonical("q-fin.EC"));
        assertEquals("cs.CL", Categories.canonical("cmp-lg"));
        assertEquals("cs.LG", Categories.canonical("cs.LG"));
    }

    @Test
    void keepsPrimaryFirstAndDropsDuplicatesCreatedByAliases() {
        assertEquals(List.of("math.NA", "cs.LG"), Categories.canonical(List.of("cs.NA", "cs.LG", "math.NA", " ")));
        assertEquals(List.of("cs.CV", "cs.LG"), Categories.primaryFirst("cs.CV", List.of("cs.LG", "cs.CV")));
    }
}
