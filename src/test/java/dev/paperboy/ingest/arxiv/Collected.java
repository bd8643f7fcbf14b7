package dev.paperboy.ingest.arxiv;

import dev.paperboy.ingest.CollectingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The collecting sink, plus fixture loading for the parser tests. */
final class Collected extends CollectingSink {
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
