package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.SafeXml;
import dev.paperboy.ingest.arxiv.ArxivAtomParser.AtomPage;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArxivAtomParserTest {

    private static AtomPage parse(String fixture, Collected sink) throws Exception {
        try (var in = Collected.own(fixture)) {
            return ArxivAtomParser.parse(in, sink);
        }
    }

    private static AtomPage parseText(String xml, Collected sink) throws Exception {
        return ArxivAtomParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sink);
    }

    @Test
    void oldLayoutEntryIsMappedFieldByField() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("atom-2016-old-layout.xml", sink);

        assertEquals(new AtomPage(42, 2, 2, 2, Optional.empty()), page);
        Paper p = sink.paper("1501.00001");
        assertEquals(3, p.version());
        assertEquals("Paperboy Test Paper: A Study of Hard Line Breaks", p.title());
        assertEquals("This abstract is wrapped at seventy-nine characters, like arXiv does, and uses <angle> brackets & ampersands.",
                p.abstractText());
        assertEquals(List.of(new Author("Ada Lovelace", List.of("Analytical Engine Society")), new Author("Charles Babbage")),
                p.authors());
        // Primary first, ACM class I.2.6 dropped, cs.NA canonicalised to math.NA.
        assertEquals(List.of("cs.LG", "stat.ML", "math.NA"), p.categories());
        assertEquals(Instant.parse("2015-01-01T10:00:00Z"), p.published());
        assertEquals(Instant.parse("2015-03-04T05:06:07Z"), p.updated());
        assertEquals(List.of(new PaperVersion(1, Instant.parse("2015-01-01T10:00:00Z")),
                new PaperVersion(3, Instant.parse("2015-03-04T05:06:07Z"))), p.versions());
        assertEquals("10.1000/paperboy.1", p.doi());
        assertEquals("J. Test. 1, 2 (2015)", p.journalRef());
        assertEquals("12 pages, 3 figures", p.comments());
        assertEquals(new Links("http://arxiv.org/abs/1501.00001v3", "http://arxiv.org/pdf/1501.00001v3", null, null), p.links());
        assertEquals("arxiv-api", p.source());
    }

    @Test
    void nonArxivLinksAreIgnoredAndReplacedByTheCanonicalOnes() throws Exception {
        Collected sink = new Collected();
        parse("atom-2016-old-layout.xml", sink);

        Paper p = sink.paper("hep-th/9901001");
        assertEquals(1, p.version());
        assertEquals(Links.arxiv(new dev.paperboy.paper.ArxivId("hep-th/9901001", 1)), p.links());
        assertEquals(List.of("hep-th"), p.categories());
    }

    @Test
    void newLayoutRejectsTheEntryWithABadDateAndKeepsItsNeighbours() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("atom-2025-new-layout-with-bad-entry.xml", sink);

        assertEquals(new AtomPage(1234, 0, 3, 3, Optional.empty()), page);
        assertEquals(List.of("2501.01234", "2501.09999"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(1, sink.rejects.size());
        assertTrue(sink.rejects.getFirst().startsWith("entry 2 (2501.05678v2): unreadable date \"yesterday\""),
                sink.rejects.getFirst());

        Paper first = sink.paper("2501.01234");
        assertEquals(List.of("cs.AI", "cs.CL"), first.categories());
        assertEquals(List.of(new Author("Zoë Ångström", List.of("Uppsala University", "KTH"))), first.authors());
        assertEquals("Läuft gut: naïve café résumé.", first.abstractText());
        assertEquals("http://creativecommons.org/licenses/by/4.0/", first.license());
        assertEquals("https://arxiv.org/pdf/2501.01234v1", first.links().pdf());
        Paper third = sink.paper("2501.09999");
        assertEquals(4, third.version());
        assertEquals("10.1000/paperboy.3", third.doi());
        assertEquals("Comb. Test. 3 (2025)", third.journalRef());
    }

    @Test
    void errorFeedReturnsTheMessageAndNoPapers() throws Exception {
        Collected sink = new Collected();
        AtomPage page = parse("atom-error.xml", sink);

        assertEquals(Optional.of("incorrect id format for 1234.12345"), page.error());
        assertEquals(0, page.entries());
        assertEquals(List.of(), sink.papers);
        assertEquals(List.of(), sink.rejects);
        assertEquals(List.of("arxiv api error: incorrect id format for 1234.12345"), sink.notes);
    }

    @Test
    void entryWithoutAnArxivIdIsRejected() throws Exception {
        Collected sink = new Collected();
        parseText("""
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry><id>urn:uuid:not-arxiv</id><title>No</title></entry>
                  <entry><title>No id at all</title></entry>
                  <entry><id>http://arxiv.org/abs/2402.00001v1</id><title>Yes</title></entry>
                </feed>""", sink);

        assertEquals(List.of("2402.00001"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(List.of("entry 1: <id> is not an arXiv id: \"urn:uuid:not-arxiv\"", "entry 2: missing <id>"), sink.rejects);
    }

    @Test
    void overlongAuthorNameRejectsOnlyItsEntry() throws Exception {
        String huge = "n".repeat(SafeXml.MAX_TEXT_CHARS + 1);
        Collected sink = new Collected();
        AtomPage page = parseText("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
                  <entry><id>http://arxiv.org/abs/2402.00001v1</id><title>Huge</title>
                    <author><name>%s</name><arxiv:affiliation>Somewhere</arxiv:affiliation></author>
                    <author><name>Normal</name></author></entry>
                  <entry><id>http://arxiv.org/abs/2402.00002v1</id><title>Next</title></entry>
                </feed>""".formatted(huge), sink);

        assertEquals(2, page.entries());
        assertEquals(List.of("2402.00002"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(List.of("entry 1 (2402.00001v1): text of <name> is longer than " + SafeXml.MAX_TEXT_CHARS + " characters"),
                sink.rejects);
    }

    @Test
    void feedWithoutOpenSearchCountsReportsMinusOne() throws Exception {
        AtomPage page = parseText("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", new Collected());

        assertEquals(new AtomPage(-1, -1, -1, 0, Optional.empty()), page);
    }

    @Test
    void wrongRootElementIsAFormatError() {
        FormatException e = assertThrows(FormatException.class,
                () -> parseText("<rss version=\"2.0\"><channel/></rss>", new Collected()));
        assertTrue(e.getMessage().startsWith("atom: expected an Atom <feed> root element, found <rss>"), e.getMessage());
    }

    @Test
    void truncatedFeedKeepsEarlierEntriesThenThrows() throws Exception {
        byte[] whole = Collected.ownBytes("atom-2016-old-layout.xml");
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("<title>An Old-Style Identifier");
        byte[] truncated = Arrays.copyOf(whole, text.substring(0, cut).getBytes(StandardCharsets.UTF_8).length);
        Collected sink = new Collected();

        FormatException e = assertThrows(FormatException.class,
                () -> ArxivAtomParser.parse(new ByteArrayInputStream(truncated), sink));

        assertTrue(e.getMessage().startsWith("atom: unable to parse feed after 1 entries: "), e.getMessage());
        assertEquals(List.of("1501.00001"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(List.of(), sink.rejects);
    }

    @Test
    void notXmlIsAFormatError() {
        FormatException e = assertThrows(FormatException.class,
                () -> parseText("{\"this\": \"is JSON\"}", new Collected()));
        assertTrue(e.getMessage().startsWith("atom: not well-formed XML"), e.getMessage());
    }

    @Test
    void emptyInputIsAFormatError() {
        assertThrows(FormatException.class, () -> parseText("", new Collected()));
    }
}
