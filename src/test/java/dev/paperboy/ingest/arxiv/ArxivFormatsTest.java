package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.FileFormat;
import dev.paperboy.paper.Paper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ArxivFormatsTest {

    private final FileFormat atom = new ArxivAtomFormat();
    private final FileFormat oai = new OaiPmhFormat();

    private static String head(String fixture) {
        byte[] bytes = Collected.ownBytes(fixture);
        return new String(Arrays.copyOf(bytes, Math.min(bytes.length, 8192)), StandardCharsets.UTF_8);
    }

    @Test
    void namesAreStable() {
        assertEquals("arxiv-atom", atom.name());
        assertEquals("oai-pmh", oai.name());
    }

    @Test
    void eachFormatRecognisesOnlyItsOwnFiles() {
        for (String f : List.of("atom-2016-old-layout.xml", "atom-2025-new-layout-with-bad-entry.xml", "atom-error.xml")) {
            assertTrue(atom.sniff(head(f), f), f);
            assertFalse(oai.sniff(head(f), f), f);
        }
        for (String f : List.of("oai-arXiv-with-deleted.xml", "oai-arXivRaw-page1.xml", "oai-oai_dc.xml",
                "oai-error-badResumptionToken.xml")) {
            assertTrue(oai.sniff(head(f), f), f);
            assertFalse(atom.sniff(head(f), f), f);
        }
    }

    @Test
    void everySharedXmlFixtureIsClaimedByExactlyTheRightFormat() throws Exception {
        Path dir = Path.of("../shared/data/fixtures");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared test data absent: " + dir.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        assertEquals(14, files.size());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String head = new String(Arrays.copyOf(bytes, Math.min(bytes.length, 8192)), StandardCharsets.UTF_8);
            String name = f.getFileName().toString();
            assertEquals(name.startsWith("arxiv-api-"), atom.sniff(head, name), name);
            assertEquals(name.startsWith("arxiv-oai-"), oai.sniff(head, name), name);
        }
    }

    @Test
    void otherFeedsAndNonXmlAreNotClaimed() {
        String otherAtom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><id>tag:example.com,2025:1</id>";
        String rss = "<rss version=\"2.0\"><channel><link>https://arxiv.org/</link>";
        String json = "[{\"paper\": {\"id\": \"2401.00001\"}}]";
        for (String head : List.of(otherAtom, rss, json, "")) {
            assertFalse(atom.sniff(head, "x.xml"), head);
            assertFalse(oai.sniff(head, "x.xml"), head);
        }
    }

    @Test
    void readingAnAtomFileEmitsItsPapers() throws Exception {
        Collected sink = new Collected();
        try (var in = Collected.own("atom-2025-new-layout-with-bad-entry.xml")) {
            atom.read(in, sink);
        }
        assertEquals(List.of("2501.01234", "2501.09999"), sink.papers.stream().map(Paper::id).toList());
        assertEquals(1, sink.rejects.size());
    }

    @Test
    void readingAnOaiPageWithATokenSaysTheListGoesOn() throws Exception {
        Collected sink = new Collected();
        try (var in = Collected.own("oai-arXivRaw-page1.xml")) {
            oai.read(in, sink);
        }
        assertEquals(2, sink.papers.size());
        assertEquals(List.of("oai: this page is incomplete; the list continues with resumptionToken 1234567|1001"), sink.notes);
    }
}
