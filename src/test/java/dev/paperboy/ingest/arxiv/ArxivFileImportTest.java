package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.db.Database;
import dev.paperboy.ingest.FileImporter;
import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.ImportReport;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XML formats through the real importer into a real SQLite store. */
class ArxivFileImportTest {

    @TempDir
    Path dir;

    private Database db;
    private JdbiPaperStore store;
    private FileImporter importer;

    @BeforeEach
    void open() {
        db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")));
        store = new JdbiPaperStore(db);
        importer = new FileImporter(store, List.of(new ArxivAtomFormat(), new OaiPmhFormat()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path copy(String fixture) throws Exception {
        Path p = dir.resolve(fixture);
        Files.write(p, Collected.ownBytes(fixture));
        return p;
    }

    @Test
    void atomFileIsStoredWithAuthorsAffiliationsAndVersions() throws Exception {
        ImportReport r = importer.importFile(copy("atom-2025-new-layout-with-bad-entry.xml"), ImportProgress.NONE);

        assertEquals("arxiv-atom", r.format());
        assertEquals(2, r.added());
        assertEquals(1, r.failed());
        assertEquals(Optional.empty(), r.fileError());
        Paper p = store.find("2501.01234").orElseThrow();
        assertEquals(List.of(new Author("Zoë Ångström", List.of("Uppsala University", "KTH"))), p.authors());
        assertEquals(List.of("cs.AI", "cs.CL"), p.categories());
        assertEquals(new PaperVersion(4, Instant.parse("2025-03-01T00:00:00Z")),
                store.find("2501.09999").orElseThrow().versions().getLast());
    }

    @Test
    void gzippedOaiPageIsDetectedAndImported() throws Exception {
        Path gz = dir.resolve("page.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Collected.ownBytes("oai-arXivRaw-page1.xml"));
        }

        ImportReport r = importer.importFile(gz, ImportProgress.NONE);

        assertEquals("oai-pmh", r.format());
        assertEquals(2, r.added());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("resumptionToken 1234567|1001")), r.notes().toString());
        assertEquals(2, store.find("2501.11111").orElseThrow().version());
    }

    @Test
    void truncatedFileKeepsTheRecordsBeforeTheBreakAndReportsTheFileError() throws Exception {
        byte[] whole = Collected.ownBytes("oai-arXiv-with-deleted.xml");
        Path cut = dir.resolve("cut.xml");
        Files.write(cut, Arrays.copyOf(whole, new String(whole, java.nio.charset.StandardCharsets.UTF_8)
                .indexOf("<title>An Old Identifier")));

        ImportReport r = importer.importFile(cut, ImportProgress.NONE);

        assertEquals(1, r.added());
        assertTrue(r.fileError().orElseThrow().startsWith("oai-pmh: oai: unable to parse response after 3 records"),
                r.fileError().toString());
        assertTrue(store.find("2502.00001").isPresent());
    }

    @Test
    void newerApiVersionIsNotOverwrittenByAnUnversionedOaiRecord() throws Exception {
        importer.importFile(copy("atom-2016-old-layout.xml"), ImportProgress.NONE);
        Path oai = dir.resolve("same-paper.xml");
        Files.writeString(oai, """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2025-01-01T00:00:00Z</responseDate>
                <ListRecords><record><header><identifier>oai:arXiv.org:1501.00001</identifier></header><metadata>
                <arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>1501.00001</id><created>2015-01-01</created>
                <title>An Older Title</title><categories>cs.LG</categories><abstract>Old.</abstract></arXiv>
                </metadata></record></ListRecords></OAI-PMH>""");

        ImportReport r = importer.importFile(oai, ImportProgress.NONE);

        assertEquals(1, r.records());
        Paper p = store.find("1501.00001").orElseThrow();
        assertEquals(3, p.version());
        assertEquals("Paperboy Test Paper: A Study of Hard Line Breaks", p.title());
    }
}
