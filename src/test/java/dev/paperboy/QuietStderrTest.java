package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands run as real processes, the way the launcher starts them, with the real embedding model: stderr
 * carries the command's own lines only (no JVM, Lucene or DJL chatter) unless {@code --verbose} asks for more.
 */
class QuietStderrTest {

    private static final String FIXTURE = "src/test/resources/fixtures/web/five-papers.atom.xml";

    @TempDir
    Path dir;

    record Run(int exitCode, String out, List<String> err) {}

    private Run paperboy(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", pathingJar().toString(), "dev.paperboy.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out"), err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "paperboy timed out");
        return new Run(p.exitValue(), Files.readString(out), Files.readAllLines(err));
    }

    /**
     * A jar whose manifest holds the test class path, as target/paperboy.jar holds its libraries: with the
     * whole class path in {@code java.class.path} (~10 KB here) the model's native code crashes the JVM.
     */
    private Path pathingJar() throws Exception {
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classPath.append(Path.of(entry).toUri()).append(' ');
        }
        var manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, classPath.toString().strip());
        Path jar = dir.resolve("classpath.jar");
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }

    private static void onlyOwnLines(Run r, String command) {
        assertEquals(0, r.exitCode(), r.err().toString());
        for (String line : r.err()) {
            assertTrue(line.startsWith(command + ": "), "unexpected stderr line: " + line + " in " + r.err());
        }
    }

    @Test
    void importAndASearchThatLoadsTheModelPrintOnlyTheirOwnLinesAndVerboseShowsMore() throws Exception {
        String data = dir.resolve("data").toString();
        onlyOwnLines(paperboy("import", "--data", data, "--no-embed", FIXTURE), "import");

        Run search = paperboy("search", "--data", data, "--mode", "hybrid", "sparse", "experts");
        onlyOwnLines(search, "search");
        assertTrue(search.out().contains("2511.04321"), search.out());

        Run verbose = paperboy("search", "--data", data, "--verbose", "sparse", "experts");
        assertEquals(0, verbose.exitCode(), verbose.err().toString());
        assertTrue(verbose.err().stream().anyMatch(l -> l.contains(" INFO ")), verbose.err().toString());
    }
}
