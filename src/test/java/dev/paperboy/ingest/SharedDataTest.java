package dev.paperboy.ingest;

import dev.paperboy.InMemoryPaperStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.ingest.files.BeirCorpus;
import dev.paperboy.ingest.files.DailyListing;
import dev.paperboy.ingest.files.KaggleSnapshot;
import dev.paperboy.ingest.huggingface.HfDailyPapers;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The parsers on the real files in ../shared/data; skipped when that folder is absent. */
class SharedDataTest {

    static final Path DATA = Path.of("../shared/data");

    static Path shared(String relative) {
        Path p = DATA.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "shared test data absent: " + p.toAbsolutePath().normalize());
        return p;
    }

    static CollectingSink read(FileFormat format, Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = Files.newInputStream(file)) {
            format.read(in, sink);
        }
        return sink;
    }

    /** Keeps only the papers asked for, so a big file streams through without being held. */
    static final class Sampling implements RecordSink {
        final List<String> wanted;
        final List<Paper> kept = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        long accepted;
        long authorsMax;

        Sampling(String... wanted) {
            this.wanted = List.of(wanted);
        }

        @Override
        public void accept(Paper paper) {
            accepted++;
            authorsMax = Math.max(authorsMax, paper.authors().size());
            if (wanted.contains(paper.id())) kept.add(paper);
        }

        @Override
        public void reject(String where, String reason) {
            rejects.add(where + ": " + reason);
        }

        Paper get(String id) {
            return kept.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }
    }

    @Test
    void hfDailyPapersCompactFileMapsEveryItem() throws Exception {
        Path file = shared("fixtures/hf-daily-papers-2026-06-12.json");
        assertTrue(new HfDailyPapers().sniff(Files.readString(file).substring(0, 8192), file.toString()));
        CollectingSink sink = read(new HfDailyPapers(), file);
        assertEquals(30, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper p = sink.paper("2606.12730");
        assertTrue(p.title().startsWith("Rethinking Psychometric Evaluation of LLMs"), p.title());
        assertEquals(8, p.authors().size());
        assertEquals("https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs", p.links().code());
        assertNull(p.links().project());
        assertEquals(List.of(new HubEntry("hf", LocalDate.of(2026, 6, 12), "RKocielnik", 5, 3, 1)), p.hubEntries());
        assertEquals(Instant.parse("2026-06-10T00:00:00Z"), p.published());
        Paper first = sink.paper("2606.00467");
        assertEquals(List.of(new Author("Etienne Casanova"), new Author("Rafal Kocielnik"),
                new Author("R. Michael Alvarez")), first.authors());
        assertEquals("zero-shot annotation", first.keywords().getFirst());
        assertEquals(14, first.keywords().size());
        assertEquals("https://jayoohwang1.github.io/webchallenger-site/", sink.paper("2606.10423").links().project());
    }

    @Test
    void hfDailyPapersPrettyFileMapsOptionalFields() throws Exception {
        CollectingSink sink = read(new HfDailyPapers(), shared("fixtures/hf-daily-papers-2026-08-pretty-5-items.json"));
        assertEquals(List.of("2607.23193", "2607.27958", "2607.28582", "2607.28308", "2607.16922"), sink.ids());
        Paper p = sink.paper("2607.23193");
        assertEquals("OmniScope: Modality-Decoupled Token Compression for Omnimodal Large Language Models", p.title());
        assertEquals("Jinsen Su", p.authors().getFirst().name());
        assertEquals(6, p.authors().size());
        assertEquals("https://github.com/MAC-AutoML/OmniScope", p.links().code());
        assertEquals(List.of(), p.keywords());
        HubEntry hub = p.hubEntries().getFirst();
        assertEquals(LocalDate.of(2026, 7, 31), hub.listDate());
        assertEquals("Consonnm", hub.submitter());
        assertEquals(3, hub.upvotes());
        assertEquals(3, hub.githubStars());
        assertEquals("https://umd-huang-lab.github.io/beta-opsd/", sink.paper("2607.28582").links().project());
        assertNull(sink.paper("2607.28308").hubEntries().getFirst().githubStars());
    }

    @Test
    void kaggleFirst200MapsVersionsAndParsedAuthors() throws Exception {
        CollectingSink sink = read(new KaggleSnapshot(), shared("arxiv-sample/kaggle-arxiv-metadata-snapshot-first-200.jsonl"));
        assertEquals(200, sink.papers.size());
        assertEquals(List.of(), sink.rejects);
        Paper p = sink.paper("0704.0001");
        assertEquals("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", p.title());
        assertEquals(List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"),
                p.authors().stream().map(Author::name).toList());
        assertEquals(2, p.version());
        assertEquals(List.of(new PaperVersion(1, Instant.parse("2007-04-02T19:18:42Z")),
                new PaperVersion(2, Instant.parse("2007-07-24T20:10:27Z"))), p.versions());
        assertEquals("10.1103/PhysRevD.76.013009", p.doi());
        assertEquals("Phys.Rev.D76:013009,2007", p.journalRef());
        assertEquals(List.of("hep-ph"), p.categories());
        assertTrue(p.abstractText().startsWith("A fully differential calculation in perturbative quantum"));
        assertEquals(List.of("math.CO", "cs.CG"), sink.paper("0704.0002").categories());
        assertEquals(List.of("quant-ph", "cs.IT"), sink.paper("0704.0046").categories());
    }

    @Test
    void astroDailyListingStreamsAllRecords() throws Exception {
        Path file = shared("arxiv-sample/daily-listings-astro-ph-2025-04_2026-07.jsonl.gz");
        Sampling sink = new Sampling("2504.11526");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536)) {
            new DailyListing().read(in, sink);
        }
        assertEquals(11_430, sink.accepted);
        assertEquals(List.of(), sink.rejects);
        Paper p = sink.get("2504.11526");
        assertEquals("What goes around comes around: the fate of stars in stripped tails of gas", p.title());
        assertEquals(8, p.authors().size());
        assertEquals("Nina Akerman", p.authors().getFirst().name());
        assertEquals(List.of("astro-ph.GA"), p.categories());
        assertEquals("17 pages, 12 figures, accepted to A&A", p.comments());
        assertEquals(Instant.parse("2025-04-17T00:00:00Z"), p.published());
        assertTrue(p.abstractText().startsWith("We conduct high-resolution wind-tunnel simulations to study in-situ star formation"));
    }

    @Test
    void csDailyListingSampleParsesCleanly() throws Exception {
        Path file = shared("arxiv-sample/daily-listings-cs-2025-03_2026-07.jsonl.gz");
        Sampling sink = new Sampling();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536)) {
            // The first 5 MB is a sample of the 136 MB file; the rest is read by the import benchmark.
            new DailyListing().read(new java.io.ByteArrayInputStream(in.readNBytes(5_000_000)), sink);
        }
        assertTrue(sink.accepted > 2_000, "accepted " + sink.accepted);
        // The cut through the last line is the only reject.
        assertTrue(sink.rejects.size() <= 1, sink.rejects.toString());
    }

    @Test
    void scifactCorpusMapsEveryDocument() throws Exception {
        Path file = shared("scifact/corpus.jsonl");
        Sampling sink = new Sampling("beir-4983");
        try (InputStream in = Files.newInputStream(file)) {
            new BeirCorpus().read(in, sink);
        }
        assertEquals(5_183, sink.accepted);
        assertEquals(List.of(), sink.rejects);
        Paper p = sink.get("beir-4983");
        assertEquals("Microstructural development of human newborn cerebral white matter assessed in vivo by "
                + "diffusion tensor magnetic resonance imaging.", p.title());
        assertTrue(p.abstractText().startsWith("Alterations of the architecture of cerebral white matter"));
    }

    @Test
    void theImporterDetectsEverySharedJsonFile() {
        FileImporter importer = new FileImporter(new InMemoryPaperStore(), FileImporterTest.formats());
        record Expect(String file, String format, long added) {}
        for (Expect e : List.of(
                new Expect("fixtures/hf-daily-papers-2026-06-12.json", "hf-daily", 30),
                new Expect("fixtures/hf-daily-papers-2026-08-pretty-5-items.json", "hf-daily", 5),
                new Expect("arxiv-sample/kaggle-arxiv-metadata-snapshot-first-200.jsonl", "kaggle-snapshot", 200))) {
            ImportReport r = importer.importFile(shared(e.file), ImportProgress.NONE);
            assertEquals(e.format, r.format(), r.summaryLine());
            assertEquals(e.added, r.added(), r.summaryLine());
            assertEquals(0, r.failed(), r.failures().toString());
        }
    }
}
