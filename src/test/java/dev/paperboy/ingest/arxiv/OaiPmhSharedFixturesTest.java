package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.arxiv.OaiPmhParser.OaiPage;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recorded OAI-PMH responses in {@code ../shared/data/fixtures}; skipped when that data is absent. */
class OaiPmhSharedFixturesTest {

    private static OaiPage parse(String name, Collected sink) throws Exception {
        try (InputStream in = Collected.shared(name)) {
            return OaiPmhParser.parse(in, sink);
        }
    }

    @Test
    void arxivFormatCsSetIsACompleteListOfFortySixRecords() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-arXiv-listrecords-2016-set-cs-46-records.xml", sink);

        assertEquals(new OaiPage(Instant.parse("2016-01-18T15:33:12Z"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 46), page);
        assertEquals(46, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper p = sink.paper("1101.4388");
        assertEquals(0, p.version());
        assertEquals("Reproducing Kernel Banach Spaces with the l1 Norm", p.title());
        assertEquals(List.of("Guohui Song", "Haizhang Zhang", "Fred J. Hickernell"),
                p.authors().stream().map(Author::name).toList());
        assertEquals(List.of("stat.ML", "cs.LG", "math.FA"), p.categories());
        assertEquals(Instant.parse("2011-01-23T00:00:00Z"), p.published());
        assertEquals(Instant.parse("2012-03-28T00:00:00Z"), p.updated());
        assertEquals("10.1016/j.acha.2012.03.009", p.doi());
        assertEquals("Appl. Comput. Harmon. Anal., 34:96-116, 2013", p.journalRef());
        assertEquals("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", p.license());
        assertEquals("https://arxiv.org/abs/1101.4388", p.links().abs());
        assertEquals("arxiv-oai", p.source());
        assertEquals("Heiko Röglin", sink.paper("1111.1546").authors().get(1).name());
        assertEquals(new Author("Emilie Morvant", List.of("LIF")), sink.paper("1207.1019").authors().getFirst());
        // cs.SY is an alias: arXiv lists it under eess.SY today.
        assertEquals(List.of("eess.SY"), sink.paper("1501.03810").categories());
    }

    @Test
    void arxivFormatPhysicsSetJoinsSuffixesAfterTheName() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-arXiv-listrecords-2016-set-physics-150-records.xml", sink);

        assertEquals(150, page.records());
        assertEquals(Optional.empty(), page.resumptionToken());
        assertEquals(150, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper dark = sink.paper("1501.03491");
        assertEquals("Edésio M. Barboza Jr.", dark.authors().getFirst().name());
        assertEquals("Éverton M. C. Abreu", dark.authors().get(2).name());
        assertEquals(List.of("gr-qc", "astro-ph.CO"), dark.categories());
        Paper cdr = sink.paper("1003.4388");
        assertEquals(List.of("hep-th", "math-ph", "math.QA"), cdr.categories());
        assertEquals("Comm.Math.Phys. 318 (2013) 575-613", cdr.journalRef());
    }

    @Test
    void arxivRawGetRecordGivesEveryVersionWithItsDate() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-arXivRaw-getrecord-2015.xml", sink);

        assertEquals(new OaiPage(Instant.parse("2015-01-06T20:48:16Z"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 1), page);
        Paper p = sink.paper("1302.2146");
        assertEquals(2, p.version());
        assertEquals("The Same-Sign Dilepton Signature of RPV/MFV SUSY", p.title());
        assertEquals(List.of("Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo"),
                p.authors().stream().map(Author::name).toList());
        assertEquals(List.of("hep-ph", "hep-ex"), p.categories());
        assertEquals(Instant.parse("2013-02-08T21:00:01Z"), p.published());
        assertEquals(Instant.parse("2013-04-02T01:50:08Z"), p.updated());
        assertEquals(List.of(new PaperVersion(1, Instant.parse("2013-02-08T21:00:01Z")),
                new PaperVersion(2, Instant.parse("2013-04-02T01:50:08Z"))), p.versions());
        assertEquals("18 pages, 6 figures; v2: References added", p.comments());
        assertEquals("https://arxiv.org/abs/1302.2146v2", p.links().abs());
        assertTrue(p.abstractText().endsWith("can be probed at the 14 TeV LHC with a 100 fb^-1 data set."));
    }

    @Test
    void arxivRawPageEndsWithAResumptionToken() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-arXivRaw-listrecords-2015-with-resumptiontoken.xml", sink);

        assertEquals(new OaiPage(Instant.parse("2015-01-06T20:49:59Z"), Optional.of("726959|1001"), Optional.of(58011L),
                Optional.of(0L), Optional.empty(), Optional.empty(), 6), page);
        assertEquals(6, sink.papers.size());
        Paper shetty = sink.paper("0704.0471");
        assertEquals(List.of("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"),
                shetty.authors().stream().map(Author::name).toList());
        assertEquals("10.1103/PhysRevC.76.024606", shetty.doi());
        assertTrue(shetty.abstractText().contains("an extremely \" stiff \" and \" soft \" form"));
        Paper richard = sink.paper("0704.0716");
        assertEquals(4, richard.version());
        assertEquals(List.of("math-ph"), richard.categories()); // math.MP is an alias of math-ph
        assertEquals(Instant.parse("2008-11-14T09:07:25Z"), richard.updated());
    }

    @Test
    void prettyPrintedArxivRawPageParsesAllRecords() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-arXivRaw-listrecords-2016-387-records-with-resumptiontoken.xml", sink);

        assertEquals(new OaiPage(Instant.parse("2016-10-21T04:36:53Z"), Optional.of("1403493|1001"), Optional.of(1440L),
                Optional.of(0L), Optional.empty(), Optional.empty(), 387), page);
        assertEquals(387, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper tsp = sink.paper("0803.4354");
        assertEquals(6, tsp.version());
        assertEquals("A O(n^8) X O(n^7) Linear Programming Model of the Traveling Salesman Problem", tsp.title());
        assertEquals(Instant.parse("2008-03-30T23:26:50Z"), tsp.published());
        assertEquals(Instant.parse("2016-10-20T16:58:38Z"), tsp.updated());
        assertEquals(6, tsp.versions().size());
    }

    @Test
    void badResumptionTokenIsReturnedNotThrown() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-error-badResumptionToken-2015.xml", sink);

        assertEquals(Optional.of("badResumptionToken"), page.errorCode());
        assertEquals(Optional.of("The resumptionToken supplied is illegal for this repository"), page.errorMessage());
        assertEquals(Instant.parse("2015-06-23T13:31:17Z"), page.responseDate());
        assertEquals(0, page.records());
        assertEquals(1, sink.notes.size());
        assertTrue(sink.notes.getFirst().contains("badResumptionToken"));
    }

    @Test
    void noRecordsMatchIsReturnedNotThrown() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-error-noRecordsMatch-2015.xml", sink);

        assertEquals(Optional.of("noRecordsMatch"), page.errorCode());
        assertEquals(Optional.of("Set argument doesn't match any sets. The setSpec was 'moo'"), page.errorMessage());
        assertEquals(List.of(), sink.papers);
    }

    @Test
    void dublinCorePageMapsCreatorsSubjectsAndComments() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("arxiv-oai-oai_dc-listrecords-2024-with-resumptiontoken.xml", sink);

        assertEquals(new OaiPage(Instant.parse("2024-01-27T17:53:42Z"), Optional.of("6960524|1001"), Optional.of(1162L),
                Optional.of(0L), Optional.empty(), Optional.empty(), 5), page);
        assertEquals(5, sink.papers.size());
        Paper p = sink.paper("1303.2033");
        assertEquals("Extended Fourier analysis of signals", p.title());
        assertEquals(List.of(new Author("Vilnis Liepins")), p.authors());
        assertEquals(List.of("cs.DS", "cs.IT", "math.NA"), p.categories());
        assertEquals("32 pages, 9 figures", p.comments());
        assertTrue(p.abstractText().startsWith("This summary of the doctoral thesis"));
        assertEquals(Instant.parse("2013-03-08T00:00:00Z"), p.published());
        assertEquals(Instant.parse("2024-01-23T00:00:00Z"), p.updated());
        Paper skeleton = sink.paper("2401.14034");
        assertEquals(List.of("Chuankun Li", "Shuai Li", "Yanbo Gao", "Ping Chen", "Jian Li", "Wanqing Li"),
                skeleton.authors().stream().map(Author::name).toList());
        assertEquals(List.of("cs.CV"), skeleton.categories());
    }
}
