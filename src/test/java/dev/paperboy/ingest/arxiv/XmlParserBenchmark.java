package dev.paperboy.ingest.arxiv;

import dev.paperboy.ingest.RecordSink;
import dev.paperboy.paper.Paper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * Throughput of the Atom and OAI-PMH parsers; prints numbers, asserts nothing. Usage (after test-compile):
 * {@code java -cp target/classes:target/test-classes dev.paperboy.ingest.arxiv.XmlParserBenchmark ../shared/data/fixtures}
 */
public final class XmlParserBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/fixtures");
        byte[] atom = Files.readAllBytes(dir.resolve("arxiv-api-2026-q-testing-100-entries.xml"));
        byte[] raw = Files.readAllBytes(dir.resolve("arxiv-oai-arXivRaw-listrecords-2016-387-records-with-resumptiontoken.xml"));
        byte[] arxiv = Files.readAllBytes(dir.resolve("arxiv-oai-arXiv-listrecords-2016-set-physics-150-records.xml"));

        for (int warm = 0; warm < 30; warm++) {
            ArxivAtomParser.parse(new ByteArrayInputStream(atom), new Counter());
            OaiPmhParser.parse(new ByteArrayInputStream(raw), new Counter());
        }
        run("atom   100 entries x 200", 200, atom, true);
        run("arXivRaw 387 records x 50", 50, raw, false);
        run("arXiv  150 records x 100", 100, arxiv, false);
        streamed(raw, 200);
    }

    private static void run(String label, int times, byte[] doc, boolean atom) throws Exception {
        Counter c = new Counter();
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            if (atom) ArxivAtomParser.parse(new ByteArrayInputStream(doc), c);
            else OaiPmhParser.parse(new ByteArrayInputStream(doc), c);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-28s %8.0f records/s %7.1f MB/s%n", label, c.papers / s, doc.length * (double) times / s / 1e6);
    }

    /** One synthetic page of {@code copies} × the arXivRaw records, streamed, to show memory stays flat. */
    private static void streamed(byte[] page, int copies) throws Exception {
        String text = new String(page, StandardCharsets.UTF_8);
        int from = text.indexOf("<record>");
        int to = text.lastIndexOf("</record>") + "</record>".length();
        byte[] head = text.substring(0, from).getBytes(StandardCharsets.UTF_8);
        byte[] body = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(to).getBytes(StandardCharsets.UTF_8);
        List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(new ByteArrayInputStream(head));
        for (int i = 0; i < copies; i++) parts.add(new ByteArrayInputStream(body));
        parts.add(new ByteArrayInputStream(tail));
        long bytes = head.length + (long) body.length * copies + tail.length;

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Counter c = new Counter();
        long t0 = System.nanoTime();
        OaiPmhParser.parse(new SequenceInputStream(Collections.enumeration(parts)), c);
        double s = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("streamed one %.0f MB page: %d records in %.2f s (%.0f records/s), heap after GC %+.1f MB%n",
                bytes / 1e6, c.papers, s, c.papers / s, (after - before) / 1e6);
    }

    private static final class Counter implements RecordSink {
        long papers;

        @Override
        public void accept(Paper paper) {
            papers++;
        }

        @Override
        public void reject(String where, String reason) {
            throw new IllegalStateException(where + ": " + reason);
        }
    }
}
