package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.Config.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void defaultsWorkWithoutAnySetting() {
        Config c = Config.load(Map.of(), Map.of());
        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals(8080, c.port());
        assertEquals("0.0.0.0", c.host());
        assertEquals("http://localhost:8080", c.baseUrl());
        assertTrue(c.jdbcUrl().startsWith("jdbc:sqlite:"), c.jdbcUrl());
        assertTrue(c.jdbcUrl().contains(Path.of("./data").toAbsolutePath().resolve("paperboy.db").toString()),
                c.jdbcUrl());
        assertEquals(java.util.List.of(), c.validate());
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
        Map<String, String> env = Map.of("PAPERBOY_PORT", "9000", "PAPERBOY_DATA", "/srv/pb", "PAPERBOY_HOST", "127.0.0.1");
        Config c = Config.load(env, Map.of(Key.PORT, "9100"));
        assertEquals(9100, c.port());
        assertEquals(Path.of("/srv/pb"), c.dataDir());
        assertEquals("127.0.0.1", c.host());
        assertTrue(c.jdbcUrl().startsWith("jdbc:sqlite:/srv/pb/paperboy.db"), c.jdbcUrl());
    }

    @Test
    void everySettingHasAnEnvironmentVariableAndAFlag() {
        for (Key k : Key.values()) {
            assertTrue(k.envVar().matches("PAPERBOY_[A-Z_]+"), k.envVar());
            assertTrue(k.flag().matches("--[a-z-]+"), k.flag());
        }
        assertEquals("PAPERBOY_BASE_URL", Key.BASE_URL.envVar());
        assertEquals("--base-url", Key.BASE_URL.flag());
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        Config c = Config.load(Map.of("PORT", "1", "PAPERBOY_NOPE", "x"), Map.of());
        assertEquals(8080, c.port());
    }

    @Test
    void validateReportsEveryBadValueByFlagAndVariable() {
        Config c = Config.load(Map.of("PAPERBOY_PORT", "eighty", "PAPERBOY_PAGE_SIZE", "0"),
                Map.of(Key.BASE_URL, "ftp://x", Key.DB, "jdbc:mysql://h/db"));
        var problems = c.validate();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("--port") && p.contains("PAPERBOY_PORT")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("--page-size") && p.contains("between 1 and 100")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("--base-url")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("--db")));
    }

    @Test
    void portOutOfRangeIsAProblem() {
        assertFalse(Config.defaults().with(Key.PORT, "65536").validate().isEmpty());
        assertTrue(Config.defaults().with(Key.PORT, "0").validate().isEmpty());
    }

    @Test
    void dataThatIsAFileIsAProblem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        var problems = Config.defaults().with(Key.DATA, file.toString()).validate();
        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().contains("not a directory"));
    }

    @Test
    void redactedMasksPasswordsInTheJdbcUrl() {
        Config c = Config.defaults()
                .with(Key.DB, "jdbc:postgresql://db.example:5432/pb?user=pb&password=hunter2&ssl=true");
        String shown = c.redacted().get("db");
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("password=***"), shown);
        assertTrue(shown.contains("ssl=true"), shown);

        String userInfo = Config.defaults().with(Key.DB, "jdbc:postgresql://pb:s3cret@db/pb").redacted().get("db");
        assertFalse(userInfo.contains("s3cret"), userInfo);
        assertTrue(userInfo.contains("pb:***@db"), userInfo);
    }

    @Test
    void redactedListsEverySettingInDeclarationOrder() {
        var shown = Config.defaults().redacted();
        assertEquals(Key.values().length, shown.size());
        assertEquals("data", shown.keySet().iterator().next());
    }

    @Test
    void baseUrlLosesItsTrailingSlashAndFollowsThePortWhenUnset() {
        assertEquals("https://papers.example", Config.defaults().with(Key.BASE_URL, "https://papers.example/").baseUrl());
        assertEquals("http://localhost:9999", Config.defaults().with(Key.PORT, "9999").baseUrl());
    }
}
