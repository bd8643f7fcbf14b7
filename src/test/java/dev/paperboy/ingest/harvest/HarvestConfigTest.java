package dev.paperboy.ingest.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarvestConfigTest {

    private static HarvestConfig from(Map<String, String> env) {
        return App.harvestConfig(Config.load(env, Map.of()));
    }

    @Test
    void everyHarvestSettingComesFromItsConfigKey() {
        Config c = Config.load(Map.of("PAPERBOY_ARXIV_OAI_URL", "http://oai.example/oai/",
                "PAPERBOY_HARVEST_OAI_AT", "21:30", "PAPERBOY_HARVEST_OAI_ZONE", "UTC",
                "PAPERBOY_HARVEST_HF_EVERY_MINUTES", "15", "PAPERBOY_HARVEST_START_DELAY_SECONDS", "1.5",
                "PAPERBOY_HARVEST_ENABLED", "false", "PAPERBOY_HARVEST_OAI_SETS", "math, cs"), Map.of());
        HarvestConfig h = App.harvestConfig(c);
        assertEquals("http://oai.example/oai", h.oaiUrl());
        assertEquals(java.time.LocalTime.of(21, 30), h.oaiAt());
        assertEquals(java.time.ZoneOffset.UTC, h.oaiZone().normalized());
        assertEquals(Duration.ofMinutes(15), h.hfEvery());
        assertEquals(Duration.ofMillis(1500), h.startDelay());
        assertEquals(List.of("math", "cs"), h.oaiSets());
        assertTrue(!h.enabled());
    }

    @Test
    void defaultsArePoliteToArxiv() {
        HarvestConfig c = App.harvestConfig(Config.defaults());
        assertEquals(Duration.ofSeconds(3), c.interval());
        assertEquals(List.of("cs", "stat"), c.oaiSets());
        assertEquals(Set.of("cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML"), c.categories());
        assertEquals(7, c.lookbackDays());
        assertEquals(Duration.ofMinutes(60), c.hfEvery());
    }

    @Test
    void theIntervalTakesFractionsOfASecondAndConfigRejectsWords() {
        assertEquals(Duration.ofMillis(250), from(Map.of("PAPERBOY_HARVEST_INTERVAL_SECONDS", "0.25")).interval());
        assertEquals(List.of("config: --harvest-interval-seconds / PAPERBOY_HARVEST_INTERVAL_SECONDS must be a number "
                        + "of seconds (got \"soon\")"),
                Config.load(Map.of("PAPERBOY_HARVEST_INTERVAL_SECONDS", "soon"), Map.of()).validate());
    }

    @Test
    void setsFollowTheArchivesOfTheCategoriesAndStarKeepsEverything() {
        assertEquals(List.of("cs", "physics:hep-th", "math"),
                HarvestConfig.oaiSetsOf(new java.util.LinkedHashSet<>(List.of("cs.LG", "hep-th", "math.ST", "cs.AI"))));
        HarvestConfig all = from(Map.of("PAPERBOY_HARVEST_CATEGORIES", "*"));
        assertTrue(all.categories().isEmpty());
        assertEquals(List.of("cs"), all.oaiSets());
    }

    @Test
    void theUserAgentNamesTheContact() {
        HarvestConfig c = from(Map.of("PAPERBOY_CONTACT", "mailto:ops@example.org"));
        assertEquals("Paperboy/1.2 (+mailto:ops@example.org)", c.fetchSettings("1.2").userAgent());
    }
}
