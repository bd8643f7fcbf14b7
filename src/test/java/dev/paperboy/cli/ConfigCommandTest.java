package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigCommandTest {

    @Test
    void printsEffectiveSettingsAndWhereEachCameFrom() {
        var r = CliRun.run(Map.of("PAPERBOY_PORT", "9000", "PAPERBOY_HOST", "127.0.0.1"),
                "config", "--port", "9100", "--data", "/srv/pb");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("port ") && l.contains("9100") && l.contains("flag --port")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("host ") && l.contains("env PAPERBOY_HOST")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("page-size ") && l.contains("default")), r.out());
        assertTrue(r.out().contains("# store: jdbc:sqlite:/srv/pb/paperboy.db"), r.out());
    }

    @Test
    void masksThePasswordOfTheDatabase() {
        var r = CliRun.run(Map.of("PAPERBOY_DB", "jdbc:postgresql://db/pb?user=pb&password=hunter2"),
                "config");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("hunter2"), r.out());
        assertTrue(r.out().contains("password=***"), r.out());
    }

    @Test
    void invalidSettingsExitWithCode2AndOneLineEach() {
        var r = CliRun.run(Map.of("PAPERBOY_PORT", "eighty"), "config", "--page-size", "0");
        assertEquals(2, r.exitCode());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("PAPERBOY_PORT"), r.err());
        assertTrue(r.err().contains("--page-size"), r.err());
    }

    @Test
    void otherCommandsRefuseInvalidSettingsWithoutAStackTrace() {
        var r = CliRun.run(Map.of(), "export", "--db", "jdbc:mysql://x/y");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("paperboy export: config: --db"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void unknownCommandsAndFlagsAreUsageErrors() {
        assertEquals(2, CliRun.run(Map.of(), "frobnicate").exitCode());
        assertEquals(2, CliRun.run(Map.of(), "export", "--nope").exitCode());
        assertEquals(2, CliRun.run(Map.of()).exitCode());
    }
}
