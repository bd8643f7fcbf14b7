package dev.paperboy.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.Admission;
import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.ingest.FileFormat;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import dev.paperboy.paper.PaperVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesFormatsTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/json");

    /** What the format reads, through the admission check every stored record passes. */
    static CollectingSink read(FileFormat format, String fixture) throws Exception {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            format.read(in, new Admission(sink));
        }
        return sink;
    }

    static CollectingSink read(FileFormat format, byte[] content) throws Exception {
        CollectingSink sink = new CollectingSink();
        format.read(new ByteArrayInputStream(content), new Admission(sink));
        return sink;
    }

    static String head(String fixture) throws IOException {
        return Files.readString(FIXTURES.resolve(fixture)).replace("\uFEFF", "");
    }

    @Test
    void kaggleRecordsMapEveryField() throws Exception {
        CollectingSink sink = read(new KaggleSnapshot(), "kaggle-small.jsonl");
        Paper p = sink.paper("0704.0099");
        assertEquals("A Test of Kaggle Parsing", p.title());
        assertEquals(List.of(new Author("A. Béla"), new Author("C. Dunn Jr")), p.authors());
        assertEquals("First line wrapped here.", p.abstractText());
        // math.IT is an alias of cs.IT.
        assertEquals(List.of("hep-ph", "cs.IT"), p.categories());
        assertEquals(2, p.version());
        assertEquals(List.of(new PaperVersion(1, Instant.parse("2007-04-02T19:18:42Z")),
                new PaperVersion(2, Instant.parse("2007-07-24T20:10:27Z"))), p.versions());
        assertEquals(Instant.parse("2007-04-02T19:18:42Z"), p.published());
        assertEquals(Instant.parse("2007-07-24T20:10:27Z"), p.updated());
        assertEquals("10.1000/test.1", p.doi());
        assertEquals("J. Test 1 (2007) 2", p.journalRef());
        assertEquals("5 pages", p.comments());
        assertEquals("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", p.license());
        assertEquals("https://arxiv.org/abs/0704.0099", p.links().abs());
        assertEquals("kaggle", p.source());
        assertEquals("hep-th/9901001", sink.paper("hep-th/9901001").id());
    }

    @Test
    void kaggleKeepsNeighboursOfAMalformedLineAndNamesItsLine() throws Exception {
        CollectingSink sink = read(new KaggleSnapshot(), "kaggle-small.jsonl");
        assertEquals(List.of("0704.0099", "hep-th/9901001", "0704.0101"), sink.ids());
        assertEquals(2, sink.rejects.size(), sink.rejects.toString());
        assertTrue(sink.rejects.get(0).startsWith("line 2: malformed JSON"), sink.rejects.get(0));
        assertEquals("line 4 (0704.0100): title is not a string but an array", sink.rejects.get(1));
    }

    @Test
    void dailyListingRecordsMapEveryField() throws Exception {
        CollectingSink sink = read(new DailyListing(), "daily-listing-small.jsonl");
        Paper p = sink.paper("2504.00001");
        assertEquals("Listing Record One", p.title());
        assertEquals(List.of(new Author("Ann Bee"), new Author("Cee Dee")), p.authors());
        assertEquals(List.of("astro-ph.GA", "astro-ph.CO"), p.categories());
        assertEquals("Line one line two.", p.abstractText());
        assertEquals("10 pages", p.comments());
        assertEquals(0, p.version());
        assertEquals(Instant.parse("2025-04-02T00:00:00Z"), p.published());
        assertEquals(Instant.parse("2025-04-09T00:00:00Z"), p.updated());
        assertEquals("https://arxiv.org/abs/2504.00001", p.links().abs());
        assertEquals("arxiv-listing", p.source());
        // A javascript: link is dropped and replaced by the arXiv page of the id.
        assertEquals("https://arxiv.org/abs/2504.00002", sink.paper("2504.00002").links().abs());
        assertNull(sink.paper("2504.00004").published());
        assertEquals(List.of("2504.00001", "2504.00002", "2504.00004"), sink.ids());
        assertEquals(List.of("line 3 (not-an-id): id is not an arXiv id: not-an-id",
                "line 4 (2504.00003): first_listing_date is not a YYYY-MM-DD date: April 3"), sink.rejects);
    }

    @Test
    void beirDocumentsGetPrefixedOrDerivedIds() throws Exception {
        CollectingSink sink = read(new BeirCorpus(), "beir-corpus-small.jsonl");
        Paper p = sink.paper("beir-4983");
        assertEquals("Microstructure Of Things.", p.title());
        assertEquals("Some text. More.", p.abstractText());
        assertEquals("beir", p.source());
        assertEquals(PaperIds.derived("beir", "doc with spaces/1"), sink.paper(BeirCorpus.paperId("doc with spaces/1")).id());
        assertEquals("Twelve.", sink.paper("beir-12").abstractText());
        assertEquals(List.of("line 3: missing _id or not a string", "line 4 (beir-77): missing title"), sink.rejects);
    }

    @Test
    void beirPaperIdHelperMapsPlainAndOddIds() {
        assertEquals("beir-4983", BeirCorpus.paperId("4983"));
        assertEquals("beir-a.b_c-1", BeirCorpus.paperId("a.b_c-1"));
        assertTrue(BeirCorpus.paperId("x/y").startsWith("beir-"));
        assertEquals(PaperIds.derived("beir", "x".repeat(65)), BeirCorpus.paperId("x".repeat(65)));
    }

    @Test
    void eachFormatSniffsOnlyItsOwnFiles() throws Exception {
        String kaggle = head("kaggle-small.jsonl"), listing = head("daily-listing-small.jsonl"),
                beir = head("beir-corpus-small.jsonl"), hf = head("hf-daily-small.json");
        List<String> all = List.of(kaggle, listing, beir, hf);
        List<FileFormat> formats = List.of(new KaggleSnapshot(), new DailyListing(), new BeirCorpus());
        for (int f = 0; f < formats.size(); f++) {
            for (int h = 0; h < all.size(); h++) {
                assertEquals(f == h, formats.get(f).sniff(all.get(h), "x"), formats.get(f).name() + " on file " + h);
            }
        }
    }

    @Test
    void sniffingReadsKeysFromAFirstLineCutShort() {
        String longLine = "{\"id\":\"2504.00001\",\"title\":\"T\",\"authors\":[" + "\"A B\",".repeat(3000);
        assertTrue(new DailyListing().sniff(longLine.substring(0, 8192), "x.jsonl"));
        assertFalse(new KaggleSnapshot().sniff(longLine.substring(0, 8192), "x.jsonl"));
        String kaggle = "{\"id\":\"0704.0001\",\"submitter\":\"S\",\"authors\":\"" + "A B, ".repeat(3000) + "\"}";
        assertTrue(new KaggleSnapshot().sniff(kaggle.substring(0, 8192), "x.jsonl"));
        assertFalse(new DailyListing().sniff(kaggle.substring(0, 8192), "x.jsonl"));
    }

    @Test
    void wrongTypesRejectTheRecordNotTheFile() throws Exception {
        String lines = """
                {"id":"2504.00010","title":"Fine","authors":["A"],"summary":"s"}
                {"id":"2504.00011","title":"Authors Not A List","authors":"A, B","summary":"s"}
                {"id":"2504.00012","title":"Number In Authors","authors":[1,2],"summary":"s"}
                {"id":2504.00013,"title":"Numeric Id","authors":[],"summary":"s"}
                ["an","array"]
                {"id":"2504.00014","title":{"nested":true},"summary":"s"}
                {"id":"2504.00015","title":"Also Fine","summary":"s"}
                """;
        CollectingSink sink = read(new DailyListing(), lines.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("2504.00010", "2504.00015"), sink.ids());
        assertEquals(List.of(
                "line 2 (2504.00011): authors is not an array but a string",
                "line 3 (2504.00012): authors holds a number, not strings",
                "line 4 (2504.00013): id is not a string but a number",
                "line 5: not a JSON object",
                "line 6 (2504.00014): title is not a string but an object"), sink.rejects);
    }

    @Test
    void texInKaggleAndListingNamesBecomesUnicodeAndInvalidCategoriesAreDroppedWithANote() throws Exception {
        String kaggle = "{\"id\":\"0801.0001\",\"submitter\":\"X\",\"title\":\"On Erd\\\\H{o}s' Graphs with $\\\\alpha$\","
                + "\"categories\":\"math.CO cs.\\\"><img\",\"abstract\":\"a\","
                + "\"authors_parsed\":[[\"Bollob\\\\'as\",\"B\\\\'ela\",\"\"],[\"Magnusson\",\"M{\\\\aa}ns\",\"\"]]}\n";
        CollectingSink k = read(new KaggleSnapshot(), kaggle.getBytes(StandardCharsets.UTF_8));
        Paper p = k.paper("0801.0001");
        assertEquals("On Erdős' Graphs with $\\alpha$", p.title());
        assertEquals(List.of(new Author("Béla Bollobás"), new Author("Måns Magnusson")), p.authors());
        assertEquals(List.of("math.CO"), p.categories());
        assertEquals(List.of("line 1 (0801.0001): categories that are not arXiv categories dropped: \"cs.\"><img\""),
                k.notes);

        String listing = "{\"id\":\"2504.00030\",\"title\":\"Caf\\\\'e Networks\",\"authors\":[\"J\\\\\\\"urgen Sch\\\\\\\"onberg\"],"
                + "\"categories\":[\"cs.LG\"],\"summary\":\"s\"}\n";
        CollectingSink l = read(new DailyListing(), listing.getBytes(StandardCharsets.UTF_8));
        assertEquals("Café Networks", l.paper("2504.00030").title());
        assertEquals(List.of(new Author("Jürgen Schönberg")), l.paper("2504.00030").authors());
    }

    @Test
    void limitsRejectAHugeTitleAndTenThousandAuthors() throws Exception {
        String hugeTitle = "T".repeat(100_000);
        StringBuilder authors = new StringBuilder();
        for (int i = 0; i < 10_000; i++) authors.append(i == 0 ? "" : ",").append("\"Author ").append(i).append('"');
        String lines = "{\"id\":\"2504.00020\",\"title\":\"" + hugeTitle + "\",\"summary\":\"s\"}\n"
                + "{\"id\":\"2504.00021\",\"title\":\"Crowd\",\"authors\":[" + authors + "],\"summary\":\"s\"}\n"
                + "{\"id\":\"2504.00022\",\"title\":\"Normal\",\"summary\":\"s\"}\n";
        CollectingSink sink = read(new DailyListing(), lines.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("2504.00022"), sink.ids());
        assertEquals(List.of("line 1 (2504.00020): title is 100000 characters (limit 2000)",
                "line 2 (2504.00021): too many authors: 10000 > 5000"), sink.rejects);
    }

    @Test
    void namesGluedTogetherByTheCrawlerAreSplitOnlyWhenFarTooLong() {
        String glued = "Xiangyu Kongand Xiaoxia Xingand Fan Wangand " + "Yu Liand ".repeat(30) + "Watchara Ruangsangand";
        List<Author> authors = DailyListing.authors(List.of("Ferdinand Smith", glued));
        assertEquals(new Author("Ferdinand Smith"), authors.get(0));
        assertEquals(new Author("Xiangyu Kong"), authors.get(1));
        assertEquals(new Author("Xiaoxia Xing"), authors.get(2));
        assertEquals(new Author("Watchara Ruangsang"), authors.getLast());
        assertEquals(1 + 3 + 30 + 1, authors.size());
    }

    @Test
    void anOverlongLineIsRejectedWithoutReadingItWhole() throws Exception {
        byte[] big = ("{\"id\":\"2504.00030\",\"title\":\"" + "x".repeat(JsonLinesFormat.MAX_LINE_CHARS) + "\"}\n"
                + "{\"id\":\"2504.00031\",\"title\":\"After\",\"summary\":\"s\"}\n").getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = read(new DailyListing(), big);
        assertEquals(List.of("2504.00031"), sink.ids());
        assertEquals(List.of("line 1: line longer than 2000000 characters"), sink.rejects);
    }
}
