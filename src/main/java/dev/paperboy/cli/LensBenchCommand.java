package dev.paperboy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures lens extraction throughput on one thread over arXiv metadata dumps (JSONL, gzipped). */
@Command(name = "lens-bench", mixinStandardHelpOptions = true,
        description = "Run the lens extractor over the abstracts of *.jsonl.gz files on one thread; print abstracts/s.")
public final class LensBenchCommand implements Callable<Integer> {

    @Option(names = "--samples", paramLabel = "DIR", description = "folder of *.jsonl.gz files (default: ${DEFAULT-VALUE})",
            defaultValue = "../shared/data/arxiv-sample")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "read at most N abstracts (default: all)")
    int limit = Integer.MAX_VALUE;

    @Option(names = "--rounds", paramLabel = "N", description = "timed passes over the abstracts (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    int rounds;

    @Spec
    CommandSpec spec;

    private record Abstract(String title, String text) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Abstract> abstracts = load();
        if (abstracts.isEmpty()) {
            spec.commandLine().getErr().println("lens-bench: no abstracts found in " + data);
            return 1;
        }
        long chars = 0;
        for (Abstract a : abstracts) chars += a.title().length() + a.text().length();
        out.printf(Locale.ROOT, "lens-bench: %d abstracts, %.1f MB of text, extractor version %d%n",
                abstracts.size(), chars / 1e6, LensExtractor.VERSION);
        LensExtractor extractor = new LensExtractor();
        // Warm-up pass so the JIT has compiled the hot paths before timing.
        int warm = Math.min(abstracts.size(), 20_000);
        for (int i = 0; i < warm; i++) extractor.extract(abstracts.get(i).title(), abstracts.get(i).text());
        for (int r = 1; r <= rounds; r++) {
            long claims = 0;
            long withLens = 0;
            long t0 = System.nanoTime();
            for (Abstract a : abstracts) {
                Lens lens = extractor.extract(a.title(), a.text());
                claims += lens.claims().size();
                if (!lens.isEmpty()) withLens++;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "round %d: %.2f s, %.0f abstracts/s, %.1f µs/abstract, %d claims, %d papers with a lens%n",
                    r, secs, abstracts.size() / secs, secs * 1e6 / abstracts.size(), claims, withLens);
            out.flush();
        }
        return 0;
    }

    private List<Abstract> load() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(data)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
        } catch (IOException e) {
            throw new IOException("lens-bench: unable to list " + data + ": " + e.getMessage(), e);
        }
        ObjectMapper json = new ObjectMapper();
        List<Abstract> out = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && out.size() < limit) {
                    JsonNode n = json.readTree(line);
                    String text = n.path("summary").asText(n.path("abstract").asText(""));
                    if (!text.isEmpty()) out.add(new Abstract(n.path("title").asText(""), text));
                }
            } catch (IOException e) {
                throw new IOException("lens-bench: unable to read " + f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
