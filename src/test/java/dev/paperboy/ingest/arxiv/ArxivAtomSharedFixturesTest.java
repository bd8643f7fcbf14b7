package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.arxiv.ArxivAtomParser.AtomPage;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recorded arXiv API responses in {@code ../shared/data/fixtures}; skipped when that data is absent. */
class ArxivAtomSharedFixturesTest {

    private static AtomPage parse(String name, Collected sink) throws Exception {
        try (InputStream in = Collected.shared(name)) {
            return ArxivAtomParser.parse(in, sink);
        }
    }

    @Test
    void oldLayoutAuthorSearchGivesTenEntriesOfThirtyOne() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("arxiv-api-2016-classic-au-del_maestro.xml", sink);

        assertEquals(new AtomPage(31, 0, 10, 10, Optional.empty()), page);
        assertEquals(10, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper p = sink.paper("1201.4869");
        assertEquals(1, p.version());
        assertEquals("A Luttinger Liquid Core Inside Helium-4 Filled Nanopores", p.title());
        assertTrue(p.abstractText().startsWith("As helium-4 is cooled below 2.17 K it undergoes a phase transition to a fundamentally"));
        assertEquals(List.of(new Author("Adrian Del Maestro")), p.authors());
        assertEquals(List.of("cond-mat.mes-hall", "cond-mat.other"), p.categories());
        assertEquals("10.1142/S021797921244002X", p.doi());
        assertEquals("Int. J. Mod. Phys. B, 26, 1244002 (2012)", p.journalRef());
        assertEquals("26 pages, 10 figures", p.comments());
        assertEquals(Instant.parse("2012-01-23T21:15:02Z"), p.published());
        assertEquals("http://arxiv.org/abs/1201.4869v1", p.links().abs());
        assertEquals("http://arxiv.org/pdf/1201.4869v1", p.links().pdf());
        assertEquals("arxiv-api", p.source());

        Paper old = sink.paper("cond-mat/0412498");
        assertEquals(1, old.version());
        assertEquals(List.of("Adrian Del Maestro", "Subir Sachdev"), old.authors().stream().map(Author::name).toList());
    }

    @Test
    void oldLayoutIdListEntryCarriesVersionTwoAndBothVersionDates() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("arxiv-api-2016-classic-id_list-1111.2011v2.xml", sink);

        assertEquals(new AtomPage(1, 0, 10, 1, Optional.empty()), page);
        Paper p = sink.paper("1111.2011");
        assertEquals(2, p.version());
        assertEquals("Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit", p.title());
        assertEquals(List.of("James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic"),
                p.authors().stream().map(Author::name).toList());
        assertEquals(List.of("cond-mat.str-el", "cond-mat.stat-mech"), p.categories());
        assertEquals(Instant.parse("2011-11-08T18:48:36Z"), p.published());
        assertEquals(Instant.parse("2012-04-02T12:38:54Z"), p.updated());
        assertEquals(List.of(new PaperVersion(1, Instant.parse("2011-11-08T18:48:36Z")),
                new PaperVersion(2, Instant.parse("2012-04-02T12:38:54Z"))), p.versions());
        assertEquals("10.1103/PhysRevB.85.115117", p.doi());
        assertEquals("Phys. Rev. B 85, 115117 (2012)", p.journalRef());
        assertEquals("8 pages, 3 figures. Published version", p.comments());
    }

    @Test
    void newLayoutSearchKeepsAffiliationsAndPrimaryCategoryFirst() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("arxiv-api-2025-electron-and-proton.xml", sink);

        assertEquals(new AtomPage(7432, 0, 10, 10, Optional.empty()), page);
        assertEquals(10, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper first = sink.paper("nucl-ex/0408020");
        assertEquals(List.of("nucl-ex", "hep-ph"), first.categories());
        assertEquals(9, first.authors().size());
        assertEquals("H. de Vries", first.authors().getLast().name());
        assertEquals(Instant.parse("2004-08-18T23:13:32Z"), first.published());
        assertEquals(Instant.parse("2005-09-17T15:04:24Z"), first.updated());
        assertEquals("https://arxiv.org/abs/nucl-ex/0408020v1", first.links().abs());
        assertEquals("https://arxiv.org/pdf/nucl-ex/0408020v1", first.links().pdf());

        Paper isis = sink.paper("1309.4668");
        assertEquals(List.of(new Author("A. Pertica", List.of("Rutherford")), new Author("S. J. Payne", List.of("Rutherford"))),
                isis.authors());
        assertEquals("10.5170/CERN-2013-002.237", isis.doi());
        assertEquals("CERN Yellow Report CERN-2013-002, pp.237-240", isis.journalRef());
    }

    @Test
    void emptyResultHasZeroTotalAndNoPapers() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("arxiv-api-2025-empty-result.xml", sink);

        assertEquals(new AtomPage(0, 0, 10, 0, Optional.empty()), page);
        assertEquals(List.of(), sink.papers);
        assertEquals(List.of(), sink.rejects);
    }

    @Test
    void partialIdListHitGivesTheOneFoundEntry() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("arxiv-api-2025-id_list-partial-hit.xml", sink);

        assertEquals(new AtomPage(1, 0, 10, 1, Optional.empty()), page);
        Paper p = sink.paper("2201.13452");
        assertEquals(1, p.version());
        assertEquals("Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease", p.title());
        assertEquals(List.of("Hong-Ming Yin", "Jun Zou"), p.authors().stream().map(Author::name).toList());
        assertEquals(List.of("math.AP"), p.categories());
        assertEquals("34 pages", p.comments());
        assertEquals(Instant.parse("2022-01-31T18:59:34Z"), p.published());
    }

    @Test
    void hundredEntryPageParsesEveryEntry() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("arxiv-api-2026-q-testing-100-entries.xml", sink);

        assertEquals(new AtomPage(214881, 0, 100, 100, Optional.empty()), page);
        assertEquals(100, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper first = sink.papers.getFirst();
        assertEquals("2202.12139", first.id());
        assertEquals(List.of("cs.SE", "cs.LG"), first.categories());
        assertEquals("10.1109/ICSTW55395.2022.00035", first.doi());
        Paper gaudel = sink.paper("0804.0970");
        assertEquals(new Author("Marie-Claude Gaudel", List.of("LRI")), gaudel.authors().getFirst());
        assertEquals("Formal Methods and Testing, Springer-Verlag (Ed.) (2008) 209-239", gaudel.journalRef());
        assertTrue(sink.papers.stream().allMatch(p -> !p.title().isBlank() && p.published() != null && !p.categories().isEmpty()));
    }
}
