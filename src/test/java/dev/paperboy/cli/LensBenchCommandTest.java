package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LensBenchCommandTest {
    private static final Path DATA = Path.of("../shared/data/arxiv-sample");

    @Test
    void printsThroughputForASmallSample() {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "shared arXiv sample not present at " + DATA);
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new LensBenchCommand());
        cmd.setOut(new PrintWriter(out));
        assertEquals(0, cmd.execute("--limit", "300", "--rounds", "1"), out::toString);
        assertTrue(out.toString().contains("lens-bench: 300 abstracts"), out.toString());
        assertTrue(out.toString().contains("abstracts/s"), out.toString());
    }
}
