package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy serve} as a real process: it answers, and SIGTERM stops it cleanly. */
class ServeProcessTest {

    private static final Pattern SERVING = Pattern.compile("serving \\d+ papers on (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path data;

    @Test
    void serveAnswersAndStopsCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.paperboy.Main", "serve", "--host", "127.0.0.1", "--port", "0", "--data", data.toString(),
                // No scheduled harvests: this test must never reach arXiv or Hugging Face.
                "--harvest-enabled", "false");
        Path log = data.resolve("serve.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            String base = null;
            for (int i = 0; i < 600 && base == null && p.isAlive(); i++) {
                Matcher m = SERVING.matcher(Files.readString(log));
                if (m.find()) base = m.group(1);
                else Thread.sleep(50);
            }
            assertTrue(base != null, "no 'serving' line in " + Files.readString(log));

            var health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
            List<String> lines = Files.readAllLines(log);
            assertTrue(lines.contains("paperboy: stopped"), lines.toString());
            assertTrue(lines.contains("paperboy: scheduled harvesting is off (--harvest-enabled false)"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("paperboy: listening on 127.0.0.1 port ")),
                    lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("Exception")), lines.toString());
        } finally {
            p.destroyForcibly();
        }
    }
}
