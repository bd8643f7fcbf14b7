package dev.paperboy.ingest.arxiv;

import dev.paperboy.ingest.RecordSink;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** A sink that keeps everything it is told, plus fixture loading for the parser tests. */
final class Collected implements RecordSink {
    final List<Paper> papers = new ArrayList<>();
    final List<String> rejects = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    @Override
    public void accept(Paper paper) {
        papers.add(paper);
    }

    @Override
    public void reject(String where, String reason) {
        rejects.add(where + ": " + reason);
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    Paper paper(String id) {
        return papers.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no paper " + id + " among " + papers.stream().map(Paper::id).toList()));
    }

    /** One of our own fixtures from {@code src/test/resources/fixtures/arxiv/}. */
    static InputStream own(String name) {
        InputStream in = Collected.class.getResourceAsStream("/fixtures/arxiv/" + name);
        if (in == null) throw new AssertionError("missing test fixture " + name);
        return in;
    }

    static byte[] ownBytes(String name) {
        try (InputStream in = own(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture from the team's shared data; skips the test when the shared data is not there. */
    static InputStream shared(String name) throws IOException {
        Path p = Path.of("../shared/data/fixtures", name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared test data absent: " + p.toAbsolutePath());
        return Files.newInputStream(p);
    }
}
