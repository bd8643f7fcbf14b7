package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void arxivCategoriesAreValid() {
        for (String c : List.of("cs.LG", "hep-th", "math-ph", "q-bio.PE", "astro-ph.GA", "cond-mat.mes-hall",
                "physics.optics", "physics.acc-ph", "stat.ML", "eess.SY", "gr-qc", "quant-ph", "cs", "nlin.AO")) {
            assertTrue(Categories.isValid(c), c);
        }
    }

    @Test
    void markupClassesAndOtherShapesAreNot() {
        for (String c : List.of("cs.\"><img", "<script>", "I.2.6", "68T05", "CS.LG", "cs.Lg", "cs.", ".LG", "cs..LG",
                "cs.LG.x", "hep--th", "-th", "cs.LGX", "cs LG", "", "src=x", "a".repeat(41))) {
            assertFalse(Categories.isValid(c), c);
        }
    }
}
