package dev.paperboy.ingest.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarvestConfigTest {

    @Test
    void theAppConfigDefaultsAreTheHarvestDefaults() {
        assertEquals(HarvestConfig.defaults(), HarvestConfig.fromEnv(Config.defaults().asEnv()));
    }

    @Test
    void defaultsArePoliteToArxiv() {
        HarvestConfig c = HarvestConfig.defaults();
        assertEquals(Duration.ofSeconds(3), c.interval());
        assertEquals(List.of("cs", "stat"), c.oaiSets());
        assertEquals(Set.of("cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML"), c.categories());
        assertEquals(7, c.lookbackDays());
        assertEquals(Duration.ofMinutes(60), c.hfEvery());
    }

    @Test
    void theIntervalTakesFractionsOfASecond() {
        assertEquals(Duration.ofMillis(250),
                HarvestConfig.fromEnv(Map.of("PAPERBOY_HARVEST_INTERVAL_SECONDS", "0.25")).interval());
        assertThrows(IllegalArgumentException.class,
                () -> HarvestConfig.fromEnv(Map.of("PAPERBOY_HARVEST_INTERVAL_SECONDS", "soon")));
    }

    @Test
    void setsFollowTheArchivesOfTheCategoriesAndStarKeepsEverything() {
        assertEquals(List.of("cs", "physics:hep-th", "math"),
                HarvestConfig.oaiSetsOf(new java.util.LinkedHashSet<>(List.of("cs.LG", "hep-th", "math.ST", "cs.AI"))));
        HarvestConfig all = HarvestConfig.fromEnv(Map.of("PAPERBOY_HARVEST_CATEGORIES", "*"));
        assertTrue(all.categories().isEmpty());
        assertEquals(List.of("cs"), all.oaiSets());
    }

    @Test
    void theUserAgentNamesTheContact() {
        HarvestConfig c = HarvestConfig.fromEnv(Map.of("PAPERBOY_CONTACT", "mailto:ops@example.org"));
        assertEquals("Paperboy/1.2 (+mailto:ops@example.org)", c.fetchSettings("1.2").userAgent());
    }
}
