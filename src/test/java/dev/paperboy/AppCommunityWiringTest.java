package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.User;
import dev.paperboy.community.PaperCounts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App builds the account and community stores over its own database. */
class AppCommunityWiringTest {

    @TempDir
    Path dir;

    @Test
    void theAccountAndCommunityStoresShareTheAppsDatabase() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
        try (App app = App.open(Config.load(Map.of("PAPERBOY_DATA", dir.toString()), Map.of()), clock)) {
            app.papers().upsert(TestPapers.simple("2612.00001", "Wired", "2026-11-30T12:00:00Z"));
            User ada = app.accounts().users().findOrCreate("ada@example.org");
            String one = app.accounts().sessions().create(ada.id());
            String two = app.accounts().sessions().create(ada.id());
            assertNotEquals(one, two, "session ids come from a real random source");
            assertEquals(ada, app.accounts().sessions().find(one).orElseThrow().user());
            assertTrue(app.community().votes().toggle(ada.id(), "2612.00001").isDone());
            assertEquals(new PaperCounts.Counts(1, 0), app.community().counts().of("2612.00001"));
            assertTrue(app.community().comments().add(ada.id(), "2612.00001", Optional.empty(), "Nice").isDone());
            assertEquals(new PaperCounts.Counts(1, 1), app.community().counts().of("2612.00001"));
            assertSame(app.accounts(), app.accounts(), "built once");
            assertSame(app.community(), app.community());
        }
    }
}
