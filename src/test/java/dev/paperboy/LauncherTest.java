package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./paperboy} script with fake JDKs (shell scripts that print a version) and a
 * PATH holding only the tools the script needs, so the machine's own JDKs never interfere.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("paperboy").toAbsolutePath();
    private static final List<String> TOOLS = List.of("sh", "dirname", "sed", "head", "readlink", "find", "cat");

    @TempDir
    Path tmp;

    private Path tools;
    private Path root;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell at /bin/sh");
        tools = Files.createDirectories(tmp.resolve("tools"));
        for (String t : TOOLS) {
            Path real = List.of(Path.of("/usr/bin", t), Path.of("/bin", t)).stream()
                    .filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("tool missing: " + t));
            // Wrappers rather than symlinks: JUnit warns about links leaving the temp dir.
            script(tools.resolve(t), "#!/bin/sh\nexec " + real + " \"$@\"\n");
        }
        // A copy of the project root with a jar newer than its sources, so no build runs.
        root = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(LAUNCHER, root.resolve("paperboy"));
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("src/main/A.java"), "class A {}");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/paperboy.jar"), "jar");
        age(root.resolve("src/main/A.java"), 3600);
        age(root.resolve("pom.xml"), 3600);
    }

    private static void age(Path p, long seconds) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(seconds)));
    }

    /** A directory holding bin/java that reports {@code version} and, when run for real, prints its arguments. */
    private Path fakeJdk(String name, String version) throws IOException {
        return fakeJdk(tmp.resolve("jdks"), name, version);
    }

    private Path fakeJdk(Path parent, String name, String version) throws IOException {
        Path home = Files.createDirectories(parent.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        script(bin.resolve("java"), """
                #!/bin/sh
                if [ "$1" = "-version" ]; then
                  echo 'openjdk version "%s" 2024-01-16' >&2
                  exit 0
                fi
                echo "%s ran: $*"
                """.formatted(version, name));
        return home;
    }

    /** Puts the JDK's java on PATH. */
    private void onPath(Path jdk) throws IOException {
        script(tools.resolve("java"), "#!/bin/sh\nexec " + jdk.resolve("bin/java") + " \"$@\"\n");
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("/bin/sh", root.resolve("paperboy").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().put("PATH", tools.toString());
        pb.environment().put("PAPERBOY_JVM_DIRS", tmp.resolve("no-jvms").toString());
        pb.environment().putAll(env);
        pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher timed out");
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    }

    @Test
    void withoutAJdk21ItPrintsOneClearLineAndExits1() throws Exception {
        Path old = fakeJdk("jdk17", "17.0.1");
        Path ancient = fakeJdk("jdk8", "1.8.0_292");
        onPath(ancient);
        Run r = launch(Map.of("JAVA_HOME", old.toString()), "serve");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("paperboy: no JDK 21 or newer found"), r.err());
    }

    @Test
    void withNoJavaAtAllItAlsoExits1() throws Exception {
        Run r = launch(Map.of(), "config");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no JDK 21 or newer found"), r.err());
    }

    @Test
    void javaHomeWinsWhenItIsRecentEnough() throws Exception {
        Path home = fakeJdk("jdk21", "21.0.2");
        onPath(fakeJdk("jdk25", "25"));
        Run r = launch(Map.of("JAVA_HOME", home.toString()), "serve", "--port", "9");
        assertEquals(0, r.exitCode(), r.err());
        // No incubator module: the JVM would print a warning on every command.
        assertEquals("jdk21 ran: --enable-native-access=ALL-UNNAMED -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="
                + root.resolve("target/paperboy.jsa") + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar "
                + root.resolve("target/paperboy.jar") + " serve --port 9\n", r.out());
    }

    @Test
    void anOldJavaHomeFallsBackToJavaOnPath() throws Exception {
        Path old = fakeJdk("jdk17", "17.0.1");
        onPath(fakeJdk("jdk22", "22"));
        Run r = launch(Map.of("JAVA_HOME", old.toString()), "config");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("jdk22 ran:"), r.out());
    }

    @Test
    void installedJdksAreTheLastResortAndTheNewestWins() throws Exception {
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        for (var v : List.of(new String[] {"a-17", "17.0.9"}, new String[] {"b-25", "25.0.1"}, new String[] {"c-21", "21"})) {
            fakeJdk(jvms, v[0], v[1]);
        }
        Run r = launch(Map.of("PAPERBOY_JVM_DIRS", jvms.toString(), "PAPERBOY_JAVA_OPTS", "-Xmx64m -Dx=y"), "export");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("b-25 ran:"), r.out());
        assertTrue(r.out().contains("-Xmx64m -Dx=y -jar"), r.out());
    }

    @Test
    void aJarOlderThanTheSourcesIsRebuiltWithOutputOnStderr() throws Exception {
        Path home = fakeJdk("jdk21", "21.0.2");
        age(root.resolve("target/paperboy.jar"), 7200);
        // A stand-in for the Maven wrapper: records its JAVA_HOME and arguments.
        script(root.resolve("mvnw"), """
                #!/bin/sh
                echo "mvnw JAVA_HOME=$JAVA_HOME $*"
                echo rebuilt > target/paperboy.jar
                """);
        Run r = launch(Map.of("JAVA_HOME", home.toString()), "export");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("mvnw JAVA_HOME=" + home + " -B -q -DskipTests package"), r.err());
        assertFalse(r.out().contains("mvnw"), r.out());
        assertEquals("rebuilt\n", Files.readString(root.resolve("target/paperboy.jar")));
        assertTrue(r.out().startsWith("jdk21 ran:"), r.out());
    }

    @Test
    void aFailedBuildExits1() throws Exception {
        Path home = fakeJdk("jdk21", "21.0.2");
        Files.delete(root.resolve("target/paperboy.jar"));
        script(root.resolve("mvnw"), "#!/bin/sh\necho broken >&2\nexit 3\n");
        Run r = launch(Map.of("JAVA_HOME", home.toString()), "serve");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("build failed"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theTestCommandRunsMavenVerifyWithTheJdkItFindsWhenJavaOnPathIs17() throws Exception {
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        Path jdk25 = fakeJdk(jvms, "temurin-25", "25.0.1");
        onPath(fakeJdk("jdk17", "17.0.9"));
        // Stands in for the Maven wrapper: records its JAVA_HOME and arguments, fails as Maven would.
        script(root.resolve("mvnw"), "#!/bin/sh\necho \"mvnw JAVA_HOME=$JAVA_HOME $*\"\nexit 3\n");
        age(root.resolve("target/paperboy.jar"), 7200); // a stale jar must not be rebuilt first

        Run r = launch(Map.of("PAPERBOY_JVM_DIRS", jvms.toString()), "test", "-o");

        assertEquals(3, r.exitCode(), "Maven's exit code is the command's: " + r.err());
        assertEquals("mvnw JAVA_HOME=" + jdk25 + " -B verify -o\n", r.out());
        assertEquals("jar", Files.readString(root.resolve("target/paperboy.jar")));
    }

    @Test
    void theCiScriptRunsExactlyTheReadmesTestCommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> commands = readme.lines()
                .filter(l -> l.startsWith("./paperboy test"))
                .map(l -> l.replaceAll("\\s+#.*", "").strip())
                .toList();
        assertEquals(List.of("./paperboy test"), commands, "the README names one test command");
        List<String> ci = Files.readAllLines(Path.of(".ci/run")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertEquals(commands.get(0), ci.get(ci.size() - 1));
    }
}
