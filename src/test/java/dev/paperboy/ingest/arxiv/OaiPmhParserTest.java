package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.SafeXml;
import dev.paperboy.ingest.arxiv.OaiPmhParser.OaiPage;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OaiPmhParserTest {

    private static OaiPage parse(String fixture, Collected sink) throws Exception {
        try (var in = Collected.own(fixture)) {
            return OaiPmhParser.parse(in, sink);
        }
    }

    private static OaiPage parseText(String xml, Collected sink) throws Exception {
        return OaiPmhParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sink);
    }

    @Test
    void arxivFormatJoinsAuthorPartsAndNotesDeletedRecords() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("oai-arXiv-with-deleted.xml", sink);

        assertEquals(new OaiPage(Instant.parse("2025-02-03T04:05:06Z"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 4), page);
        assertEquals(List.of("2502.00001", "math/0601001"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(List.of("oai: record oai:arXiv.org:2502.00002 is deleted (datestamp 2025-02-02)"), sink.notes);

        Paper p = sink.paper("2502.00001");
        assertEquals(List.of(new Author("Martin Luther King Jr", List.of("Morehouse College")), new Author("Heiko Röglin"),
                new Author("The Paperboy Collaboration")), p.authors());
        assertEquals("Structured Authors and Suffixes", p.title());
        assertEquals("An abstract with hard line breaks.", p.abstractText());
        assertEquals(List.of("cs.DS", "cs.CC", "math.CO"), p.categories());
        assertEquals(Instant.parse("2025-01-30T00:00:00Z"), p.published());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), p.updated());
        assertEquals(List.of(new PaperVersion(1, Instant.parse("2025-01-30T00:00:00Z"))), p.versions());
        assertEquals("10 pages", p.comments());
        assertEquals("J. Struct. 1 (2025)", p.journalRef());
        assertEquals("10.1000/paperboy.oai", p.doi());
        assertEquals("http://creativecommons.org/licenses/by/4.0/", p.license());
        assertEquals("arxiv-oai", p.source());
    }

    @Test
    void recordWithABadDateIsRejectedWhileItsNeighboursAreKept() throws Exception {
        Collected sink = new Collected();
        parse("oai-arXiv-with-deleted.xml", sink);

        assertEquals(List.of("record 3 (2502.00003): unreadable created \"30 Jan 2025\""), sink.rejects);
        assertEquals("An Old Identifier After A Rejected Record", sink.paper("math/0601001").title());
    }

    @Test
    void arxivRawSortsVersionsAndSplitsTheAuthorString() throws Exception {
        Collected sink = new Collected();
        parse("oai-arXivRaw-page1.xml", sink);

        Paper p = sink.paper("2501.11111");
        assertEquals(2, p.version());
        assertEquals(List.of(new PaperVersion(1, Instant.parse("2025-01-15T18:00:01Z")),
                new PaperVersion(2, Instant.parse("2025-02-01T09:30:00Z"))), p.versions());
        assertEquals(Instant.parse("2025-01-15T18:00:01Z"), p.published());
        assertEquals(Instant.parse("2025-02-01T09:30:00Z"), p.updated());
        assertEquals(List.of(new Author("Ann Author", List.of("MIT")), new Author("Bob Builder Jr."),
                new Author("Carla Coder", List.of("CERN, Geneva")), new Author("Dan Dev")), p.authors());
        assertEquals("Raw Versions Out Of Order", p.title());
        assertEquals("Raw \"quoted\" abstract over two lines.", p.abstractText());
        assertEquals(List.of("hep-th", "gr-qc"), p.categories());
        assertEquals("10.1000/raw.1", p.doi());
        assertEquals("Phys. Test. 9 (2025)", p.journalRef());
        assertEquals("20 pages; v2: typos", p.comments());
        assertEquals("https://arxiv.org/abs/2501.11111v2", p.links().abs());
    }

    @Test
    void twoPageTokenChainEndsWithAnEmptyToken() throws Exception {
        Collected sink = new Collected();
        OaiPage first = parse("oai-arXivRaw-page1.xml", sink);
        OaiPage second = parse("oai-arXivRaw-page2.xml", sink);

        assertEquals(Optional.of("1234567|1001"), first.resumptionToken());
        assertEquals(Optional.of(3L), first.completeListSize());
        assertEquals(Optional.of(0L), first.cursor());
        assertEquals(2, first.records());
        assertEquals(Optional.empty(), second.resumptionToken());
        assertEquals(Optional.of(3L), second.completeListSize());
        assertEquals(Optional.of(2L), second.cursor());
        assertEquals(1, second.records());
        assertEquals(List.of("2501.11111", "2501.22222", "2501.33333"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(List.of("astro-ph.GA"), sink.paper("2501.33333").categories());
    }

    @Test
    void dublinCoreMapsCreatorsSubjectsDatesAndComments() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("oai-oai_dc.xml", sink);

        assertEquals(Optional.empty(), page.resumptionToken());
        assertEquals(Optional.of(1L), page.completeListSize());
        Paper p = sink.paper("2401.00042");
        assertEquals(0, p.version());
        assertEquals("Dublin Core Title", p.title());
        assertEquals(List.of(new Author("Ada Lovelace"), new Author("Martin Luther King Jr."),
                new Author("The Paperboy Collaboration")), p.authors());
        // Free-text subjects arXiv does not name are dropped.
        assertEquals(List.of("cs.LG", "stat.ML"), p.categories());
        assertEquals("A Dublin Core abstract.", p.abstractText());
        assertEquals("9 pages, 2 figures", p.comments());
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), p.published());
        assertEquals(Instant.parse("2024-01-24T00:00:00Z"), p.updated());
        assertEquals("10.1000/dc.42", p.doi());
    }

    @Test
    void errorResponseIsAPageNotAnException() throws Exception {
        Collected sink = new Collected();
        OaiPage page = parse("oai-error-badResumptionToken.xml", sink);

        assertEquals(new OaiPage(Instant.parse("2025-06-23T13:31:17Z"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("badResumptionToken"), Optional.of("The resumptionToken supplied is illegal for this repository"), 0),
                page);
        assertEquals(List.of("oai: error badResumptionToken: The resumptionToken supplied is illegal for this repository"),
                sink.notes);
    }

    @Test
    void unknownMetadataFormatRejectsTheRecord() throws Exception {
        Collected sink = new Collected();
        parseText("""
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                <responseDate>2025-01-01T00:00:00Z</responseDate>
                <GetRecord><record><header><identifier>oai:arXiv.org:2501.00001</identifier></header>
                <metadata><marc xmlns="http://www.loc.gov/MARC21/slim"/></metadata></record></GetRecord>
                </OAI-PMH>""", sink);

        assertEquals(List.of(), sink.papers);
        assertEquals(1, sink.rejects.size());
        assertTrue(sink.rejects.getFirst().startsWith("record 1 (2501.00001): unsupported metadata format <marc>"),
                sink.rejects.getFirst());
    }

    @Test
    void overlongTextRejectsOnlyItsRecord() throws Exception {
        String huge = "x".repeat(SafeXml.MAX_TEXT_CHARS + 10);
        Collected sink = new Collected();
        parseText("""
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                <responseDate>2025-01-01T00:00:00Z</responseDate><ListRecords>
                <record><header><identifier>oai:arXiv.org:2501.00001</identifier></header><metadata>
                <arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2501.00001</id><title>%s</title></arXiv></metadata></record>
                <record><header><identifier>oai:arXiv.org:2501.00002</identifier></header><metadata>
                <arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2501.00002</id><title>Fine</title></arXiv></metadata></record>
                </ListRecords></OAI-PMH>""".formatted(huge), sink);

        assertEquals(List.of("2501.00002"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(List.of("record 1 (2501.00001): text of <title> is longer than " + SafeXml.MAX_TEXT_CHARS + " characters"),
                sink.rejects);
    }

    @Test
    void overlongNestedVersionDateRejectsOnlyItsRecord() throws Exception {
        String huge = "d".repeat(SafeXml.MAX_TEXT_CHARS + 1);
        Collected sink = new Collected();
        OaiPage page = parseText("""
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                <responseDate>2025-01-01T00:00:00Z</responseDate><ListRecords>
                <record><header><identifier>oai:arXiv.org:2501.00001</identifier></header><metadata>
                <arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>2501.00001</id>
                <version version="v1"><date>%s</date><size>1kb</size></version><title>Huge</title></arXivRaw></metadata></record>
                <record><header><identifier>oai:arXiv.org:2501.00002</identifier></header><metadata>
                <arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>2501.00002</id><title>Fine</title></arXivRaw></metadata></record>
                <resumptionToken cursor="0" completeListSize="9">next|3</resumptionToken>
                </ListRecords></OAI-PMH>""".formatted(huge), sink);

        assertEquals(List.of("2501.00002"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(1, sink.rejects.size());
        assertTrue(sink.rejects.getFirst().startsWith("record 1 (2501.00001): text of <date> is longer than"), sink.rejects.getFirst());
        assertEquals(Optional.of("next|3"), page.resumptionToken());
        assertEquals(2, page.records());
    }

    @Test
    void truncatedPageKeepsEarlierRecordsThenThrowsSoTheTokenIsNeverMistakenForTheEnd() throws Exception {
        byte[] whole = Collected.ownBytes("oai-arXivRaw-page1.xml");
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("<title>One Version");
        byte[] truncated = Arrays.copyOf(whole, text.substring(0, cut).getBytes(StandardCharsets.UTF_8).length);
        Collected sink = new Collected();

        FormatException e = assertThrows(FormatException.class,
                () -> OaiPmhParser.parse(new ByteArrayInputStream(truncated), sink));

        assertTrue(e.getMessage().startsWith("oai: unable to parse response after 1 records: "), e.getMessage());
        assertEquals(List.of("2501.11111"), sink.papers.stream().map(Paper::id).toList());
    }

    @Test
    void missingResponseDateIsAFormatError() {
        FormatException e = assertThrows(FormatException.class,
                () -> parseText("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"/>", new Collected()));
        assertEquals("oai: the response has no <responseDate>", e.getMessage());
    }

    @Test
    void wrongRootIsAFormatError() {
        FormatException e = assertThrows(FormatException.class,
                () -> parseText("<OAI-PMH xmlns=\"urn:other\"><responseDate>2025-01-01</responseDate></OAI-PMH>", new Collected()));
        assertTrue(e.getMessage().startsWith("oai: expected an <OAI-PMH> root element"), e.getMessage());
    }

    @Test
    void notXmlIsAFormatError() {
        FormatException e = assertThrows(FormatException.class, () -> parseText("id,title\n1,x\n", new Collected()));
        assertTrue(e.getMessage().startsWith("oai: not well-formed XML"), e.getMessage());
    }
}
