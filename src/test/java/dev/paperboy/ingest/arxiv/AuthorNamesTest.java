package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.paper.Author;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorNamesTest {

    @Test
    void rawAuthorsSplitOnCommasAndTheLastAnd() {
        assertEquals(List.of(new Author("D.V. Shetty"), new Author("S.J. Yennello"), new Author("G.A. Souliotis")),
                AuthorNames.splitRaw("D.V. Shetty, S.J. Yennello, and G.A. Souliotis"));
        assertEquals(List.of(new Author("A B"), new Author("C D")), AuthorNames.splitRaw("A B and\n  C D"));
    }

    @Test
    void commasInsideParenthesesBelongToTheAffiliation() {
        assertEquals(List.of(new Author("Ann Author", List.of("MIT, Cambridge")), new Author("Bob Builder", List.of("CERN"))),
                AuthorNames.splitRaw("Ann Author (MIT, Cambridge), Bob Builder (CERN)"));
    }

    @Test
    void suffixesStayWithTheirNameAndEtAlIsDropped() {
        assertEquals(List.of(new Author("John Smith Jr."), new Author("Jane Roe III")),
                AuthorNames.splitRaw("John Smith, Jr., Jane Roe, III, et al."));
    }

    @Test
    void numberedAffiliationLegendsAndReferencesAreDropped() {
        assertEquals(List.of(new Author("A. One"), new Author("B. Two")),
                AuthorNames.splitRaw("A. One (1), B. Two (1 and 2) ((1) MIT, (2) CERN)"));
    }

    @Test
    void semicolonsSeparateToo() {
        assertEquals(List.of(new Author("X Y"), new Author("Z W")), AuthorNames.splitRaw("X Y; Z W"));
    }

    @Test
    void blankAuthorsGiveNoAuthors() {
        assertEquals(List.of(), AuthorNames.splitRaw("  \n "));
        assertEquals(List.of(), AuthorNames.splitRaw(null));
    }

    @Test
    void dublinCoreCreatorsAreTurnedRound() {
        assertEquals("Vilnis Liepins", AuthorNames.lastFirst("Liepins, Vilnis"));
        assertEquals("Martin Luther King Jr.", AuthorNames.lastFirst("King, Martin Luther, Jr."));
        assertEquals("ATLAS Collaboration", AuthorNames.lastFirst("ATLAS Collaboration"));
    }

    @Test
    void structuredPartsJoinForenamesFirst() {
        assertEquals("Edésio M. Barboza Jr.", AuthorNames.join("Edésio M.", "Barboza", "Jr."));
        assertEquals("CMS Collaboration", AuthorNames.join(null, "CMS Collaboration", null));
    }
}
