package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.cli.LensEvalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extractor against the hand-labelled abstracts in {@code src/test/resources/lens/labelled.jsonl}. */
class LabelledSetTest {
    static final Path LABELLED = Path.of("src/test/resources/lens/labelled.jsonl");

    record Gold(String id, String split, String group, String formerSplit, String title, String abstractText,
                List<String> resources, List<JsonNode> claims) {}

    static Map<String, Gold> load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Gold> out = new ArrayList<>();
        for (String line : Files.readAllLines(LABELLED)) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            List<String> res = new ArrayList<>();
            n.get("resources").forEach(r -> res.add(r.asText()));
            List<JsonNode> claims = new ArrayList<>();
            n.get("claims").forEach(claims::add);
            out.add(new Gold(n.get("id").asText(), n.get("split").asText(), n.get("group").asText(),
                    n.has("former_split") ? n.get("former_split").asText() : null, n.get("title").asText(),
                    n.get("abstract").asText(), res, claims));
        }
        return out.stream().collect(Collectors.toMap(Gold::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** "value@start" keys of gold claims, matched to predictions by overlap and equal value. */
    private static List<String> unmatched(Gold g, Lens lens) {
        List<String> problems = new ArrayList<>();
        boolean[] used = new boolean[g.claims().size()];
        for (Claim c : lens.claims()) {
            boolean hit = false;
            for (int i = 0; i < used.length && !hit; i++) {
                JsonNode gc = g.claims().get(i);
                if (!used[i] && c.start() < gc.get("end").asInt() && gc.get("start").asInt() < c.end()
                        && Math.abs(c.value() - gc.get("value").asDouble()) <= 1e-9 * Math.max(1, c.value())) {
                    used[i] = hit = true;
                }
            }
            if (!hit) problems.add("extra " + c.text() + "=" + c.value());
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) problems.add("missed " + g.claims().get(i).get("text").asText());
        }
        return problems;
    }

    @Test
    void labelledClaimTextsSitAtTheirOffsets() throws IOException {
        for (Gold g : load().values()) {
            String input = LensExtractor.input(g.title(), g.abstractText());
            for (JsonNode c : g.claims()) {
                assertEquals(c.get("text").asText(), input.substring(c.get("start").asInt(), c.get("end").asInt()), g.id());
            }
        }
    }

    @Test
    void theSetHasTheRequiredShape() throws IOException {
        Map<String, Gold> all = load();
        List<Gold> dev = all.values().stream().filter(g -> g.split().equals("dev")).toList();
        assertTrue(dev.size() >= 190, "at least 190 dev abstracts");
        assertEquals(75, dev.stream().filter(g -> "heldout".equals(g.formerSplit())).count(),
                "the 75 papers held out for versions 2-3 are dev from version 4");
        assertTrue(dev.stream().filter(g -> g.group().startsWith("draw")).count() >= 120, "dev papers drawn at random");
        assertTrue(all.values().stream().filter(g -> g.resources().isEmpty() && g.claims().isEmpty()).count() >= 15,
                "papers with no budget content");
        long validation = dev.stream().filter(g -> LensEvalCommand.isValidationFold(g.id())).count();
        assertTrue(validation >= dev.size() / 4 && validation <= dev.size() * 2 / 5, "validation fold of about a third: "
                + validation);
    }

    /**
     * Dev papers of the training part whose lens must come out exactly as labelled (the validation fold and held-out
     * papers are only scored in aggregate, so version 4 dropped the 16 validation papers this list had).
     * 2505.11497 left the list with version 3: it names memory only in a problem statement ("their substantial
     * computational and memory demands pose serious challenges"), which no longer counts as a contribution.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "2504.00883", "2606.31612", "2606.26734", "2506.21170", "2602.05951", "2504.11793", "2510.05125",
        "2506.05828", "2605.25657", "2603.18234", "2506.07978", "2604.16885", "2508.02339", "2604.07354",
        "2605.24410", "2505.23451", "2505.14088", "2509.04981", "2506.02477", "2506.05612", "2605.22391",
        "2510.25721", "2606.08872", "2603.22911", "2508.19579", "2505.05855", "2511.15183", "2506.10813",
        "2510.19273", "2511.10260", "2511.10984", "2604.08966", "2606.04454", "2508.07516", "2512.24562",
        "2607.23193", "2606.12451", "2606.10896", "2606.13106", "2606.08103", "2606.11662"})
    void lensMatchesTheLabels(String id) throws IOException {
        Gold g = load().get(id);
        assertTrue(!LensEvalCommand.isValidationFold(id), id + " is in the validation fold: only its aggregate counts");
        Lens lens = new LensExtractor().extract(g.title(), g.abstractText());
        assertEquals(new TreeSet<>(g.resources()), new TreeSet<>(lens.resources()), "resources of " + id);
        assertEquals(List.of(), unmatched(g, lens), "claims of " + id);
    }

    /**
     * The held-out part only (the part no rule was tuned on). The thresholds are those of versions 2-3 (look 6 in
     * docs/lens.md), left for the lead to set when the fresh held-out draw 3 is merged and scored once. Until then
     * the file holds no held-out papers and the test is skipped.
     */
    @Test
    void heldOutPartHoldsItsFigures() throws IOException {
        List<Gold> heldOut = load().values().stream().filter(g -> g.split().equals("heldout")).toList();
        assumeTrue(!heldOut.isEmpty(), "no held-out papers in " + LABELLED
                + ": the former held-out part is dev from version 4; draw 3 is merged and scored once by the lead");
        int resTp = 0, resPred = 0, resGold = 0, tp = 0, pred = 0, gold = 0;
        LensExtractor extractor = new LensExtractor();
        for (Gold g : heldOut) {
            Lens lens = extractor.extract(g.title(), g.abstractText());
            for (String r : lens.resources()) if (g.resources().contains(r)) resTp++;
            resPred += lens.resources().size();
            resGold += g.resources().size();
            int extra = (int) unmatched(g, lens).stream().filter(s -> s.startsWith("extra")).count();
            pred += lens.claims().size();
            gold += g.claims().size();
            tp += lens.claims().size() - extra;
        }
        double rp = (double) resTp / resPred, rr = (double) resTp / resGold;
        double f1 = 2 * rp * rr / (rp + rr);
        // Regression guards at draw 3's first (and only) score, version 4: resources F1 0.615, claims P 0.922,
        // R 0.845. The goals (F1 >= 0.80, P >= 0.90, R >= 0.88) are NOT met: see docs/lens.md.
        assertTrue(f1 >= 0.60, "resources F1 " + f1);
        assertTrue((double) tp / pred >= 0.90, "claims precision " + (double) tp / pred);
        assertTrue((double) tp / gold >= 0.83, "claims recall " + (double) tp / gold);
    }

    /** Resources P/R/F1 and claims P/R over some papers: {tp, predicted, gold} for resources, then for claims. */
    private static int[] counts(List<Gold> papers) {
        int[] c = new int[6];
        LensExtractor extractor = new LensExtractor();
        for (Gold g : papers) {
            Lens lens = extractor.extract(g.title(), g.abstractText());
            for (String r : lens.resources()) if (g.resources().contains(r)) c[0]++;
            c[1] += lens.resources().size();
            c[2] += g.resources().size();
            int extra = (int) unmatched(g, lens).stream().filter(s -> s.startsWith("extra")).count();
            c[3] += lens.claims().size() - extra;
            c[4] += lens.claims().size();
            c[5] += g.claims().size();
        }
        return c;
    }

    private static double f1(int tp, int pred, int gold) {
        double p = (double) tp / pred, r = (double) tp / gold;
        return 2 * p * r / (p + r);
    }

    /**
     * The dev figures of version 4 (docs/lens.md), held a little below what the rules reach: training part resources
     * F1 0.890, validation fold 0.853, claims on all dev 0.965 / 0.927. A regression guard, not a goal: the goal is
     * for the held-out part.
     */
    private static final double VALIDATION_RESOURCE_F1 = 0.83;

    @Test
    void devPartKeepsItsFigures() throws IOException {
        List<Gold> dev = load().values().stream().filter(g -> g.split().equals("dev")).toList();
        int[] train = counts(dev.stream().filter(g -> !LensEvalCommand.isValidationFold(g.id())).toList());
        int[] validation = counts(dev.stream().filter(g -> LensEvalCommand.isValidationFold(g.id())).toList());
        int[] all = counts(dev);
        assertTrue(f1(train[0], train[1], train[2]) >= 0.87, "training part resources F1 " + f1(train[0], train[1], train[2]));
        assertTrue(f1(validation[0], validation[1], validation[2]) >= VALIDATION_RESOURCE_F1,
                "validation fold resources F1 " + f1(validation[0], validation[1], validation[2]));
        assertTrue((double) all[3] / all[4] >= 0.95, "dev claims precision " + (double) all[3] / all[4]);
        assertTrue((double) all[3] / all[5] >= 0.91, "dev claims recall " + (double) all[3] / all[5]);
    }

    @Test
    void extractionIsDeterministic() throws IOException {
        for (Gold g : load().values()) {
            Lens a = new LensExtractor().extract(g.title(), g.abstractText());
            Lens b = new LensExtractor().extract(g.title(), g.abstractText());
            assertEquals(a, b, g.id());
        }
    }
}
