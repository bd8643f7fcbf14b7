package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the browser tests run and when they skip, without starting a browser. */
class HeadlessChromiumTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws Exception {
        return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(Set.of(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE)));
    }

    @Test
    void theSkipReasonNamesTheMissingDriverAndHowToInstallIt() throws Exception {
        Path chromium = executable("chromium");
        String reason = HeadlessChromium.unavailableReason(chromium, dir.resolve("chromedriver")).orElseThrow();
        assertTrue(reason.contains(dir.resolve("chromedriver").toString()), reason);
        assertTrue(reason.contains("apt-get install --no-install-recommends chromium chromium-driver"), reason);
    }

    @Test
    void aFileThatIsNotExecutableCountsAsMissing() throws Exception {
        Path driver = executable("chromedriver");
        Path chromium = Files.createFile(dir.resolve("chromium"));
        assertTrue(HeadlessChromium.unavailableReason(chromium, driver).orElseThrow().contains("chromium"));
    }

    @Test
    void bothProgramsPresentMeansTheTestsRun() throws Exception {
        assertEquals(Optional.empty(), HeadlessChromium.unavailableReason(executable("chromium"), executable("chromedriver")));
    }
}
