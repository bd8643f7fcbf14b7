package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArxivSubjectsTest {

    @Test
    void dublinCoreSubjectNamesMapToCategoryIds() {
        assertEquals(Optional.of("cs.LG"), ArxivSubjects.category("Computer Science - Machine Learning"));
        assertEquals(Optional.of("cs.LG"), ArxivSubjects.category("Computer Science - Learning"));
        assertEquals(Optional.of("cs.DS"), ArxivSubjects.category("Computer Science - Data Structures and Algorithms"));
        assertEquals(Optional.of("math.NA"), ArxivSubjects.category("Mathematics - Numerical Analysis"));
        assertEquals(Optional.of("hep-th"), ArxivSubjects.category("High Energy Physics - Theory"));
        assertEquals(Optional.of("cond-mat.str-el"), ArxivSubjects.category("Condensed Matter - Strongly Correlated Electrons"));
        assertEquals(Optional.of("physics.optics"), ArxivSubjects.category("Physics - Optics"));
        assertEquals(Optional.of("quant-ph"), ArxivSubjects.category("  Quantum\n Physics "));
    }

    @Test
    void categoryIdsPassThroughAndFreeTextIsDropped() {
        assertEquals(Optional.of("cs.CL"), ArxivSubjects.category("cs.CL"));
        assertEquals(Optional.empty(), ArxivSubjects.category("Some Free Text Subject"));
        assertEquals(Optional.empty(), ArxivSubjects.category("68T05"));
        assertEquals(Optional.empty(), ArxivSubjects.category(""));
    }
}
