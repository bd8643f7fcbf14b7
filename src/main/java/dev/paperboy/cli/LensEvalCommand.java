package dev.paperboy.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.lens.Claim;
import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores the lens extractor against a hand-labelled JSONL set: precision, recall and F1 per split. */
@Command(name = "lens-eval", mixinStandardHelpOptions = true,
        description = "Print precision/recall/F1 of the budget lens for resources and claims, and the unit/kind/resource"
                + " agreement of matched claims, for the dev part (tuned on) with its training part and validation fold,"
                + " the training part by origin, the held-out part (only scored) and all.")
public final class LensEvalCommand implements Callable<Integer> {

    @Option(names = "--labelled", paramLabel = "FILE", description = "labelled JSONL (default: ${DEFAULT-VALUE})",
            defaultValue = "src/test/resources/lens/labelled.jsonl")
    Path labelled;

    @Option(names = "--show", paramLabel = "SPLIT",
            description = "also print each paper's differences for this part: train (the dev papers outside the validation"
                    + " fold: the only ones to read while changing rules), validation, dev (both), heldout or all")
    String show;

    @Spec
    CommandSpec spec;

    /** One labelled paper as stored in the JSONL file (wire format, private to the command). */
    record LabelledPaper(String id, String split, String group, String formerSplit, String title, String abstractText,
                         List<String> resources, List<LabelledClaim> claims) {}

    /** One labelled claim as stored in the JSONL file. */
    record LabelledClaim(String text, double value, String unit, String kind, String resource, int start, int end) {}

    private record WirePaper(String id, String split, String group,
                             @com.fasterxml.jackson.annotation.JsonProperty("former_split") String formerSplit,
                             String title,
                             @com.fasterxml.jackson.annotation.JsonProperty("abstract") String abstractText,
                             List<String> resources, List<LabelledClaim> claims) {}

    /** Counts for one split. */
    static final class Score {
        int resTp, resPred, resGold, claimTp, claimPred, claimGold, unitOk, kindOk, resourceOk;

        void add(Score o) {
            resTp += o.resTp;
            resPred += o.resPred;
            resGold += o.resGold;
            claimTp += o.claimTp;
            claimPred += o.claimPred;
            claimGold += o.claimGold;
            unitOk += o.unitOk;
            kindOk += o.kindOk;
            resourceOk += o.resourceOk;
        }

        static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }

        static double f1(double p, double r) {
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double resourceP() { return ratio(resTp, resPred); }
        double resourceR() { return ratio(resTp, resGold); }
        double resourceF1() { return f1(resourceP(), resourceR()); }
        double claimP() { return ratio(claimTp, claimPred); }
        double claimR() { return ratio(claimTp, claimGold); }
        double claimF1() { return f1(claimP(), claimR()); }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<LabelledPaper> papers = read(labelled);
        LensExtractor extractor = new LensExtractor();
        Map<String, Score> parts = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String part : List.of("dev", "train", "validation", "heldout", "all")) {
            parts.put(part, new Score());
            counts.put(part, 0);
        }
        Score validationFormerHeldOut = new Score();
        int nValidationFormerHeldOut = 0;
        Map<String, Score> origins = new LinkedHashMap<>();
        Map<String, Integer> originCounts = new LinkedHashMap<>();
        for (LabelledPaper p : papers) {
            Lens lens = extractor.extract(p.title(), p.abstractText());
            boolean held = "heldout".equals(p.split());
            String part = held ? "heldout" : isValidationFold(p.id()) ? "validation" : "train";
            boolean verbose = show != null && (show.equals("all") || show.equals(part)
                    || show.equals("dev") && !held);
            Score s = score(p, lens, verbose ? out : null);
            List<String> into = held ? List.of("heldout", "all") : List.of("dev", part, "all");
            for (String name : into) {
                parts.get(name).add(s);
                counts.merge(name, 1, Integer::sum);
            }
            if (part.equals("validation") && "heldout".equals(p.formerSplit())) {
                validationFormerHeldOut.add(s);
                nValidationFormerHeldOut++;
            }
            if (part.equals("train")) {
                for (String o : origins(p)) {
                    origins.computeIfAbsent(o, k -> new Score()).add(s);
                    originCounts.merge(o, 1, Integer::sum);
                }
            }
        }
        out.printf(Locale.ROOT, "lens extractor version %d, %s%n", LensExtractor.VERSION, labelled);
        out.printf(Locale.ROOT, "%-16s %6s | %-28s | %-28s | %s%n", "split", "papers", "resources P / R / F1",
                "claims P / R / F1", "matched claims: unit / kind / resource agree");
        for (String part : parts.keySet()) line(out, part, counts.get(part), parts.get(part));
        out.printf(Locale.ROOT, "training part by origin (validation fold: aggregate line above only)%n");
        for (String o : List.of("picked", "draw1", "draw2", "former-heldout")) {
            if (origins.containsKey(o)) line(out, "  " + o, originCounts.get(o), origins.get(o));
        }
        out.printf(Locale.ROOT, "validation fold, formerly held-out papers only (no rule of versions 1-3 saw them)%n");
        line(out, "  former-heldout", nValidationFormerHeldOut, validationFormerHeldOut);
        if (counts.get("heldout") == 0) {
            out.printf(Locale.ROOT, "held-out goals: no held-out papers in %s, nothing to score%n", labelled);
        } else {
            out.printf(Locale.ROOT, "held-out goals (resources F1 >= %.2f, claims P >= %.2f, R >= %.2f): %s%n",
                    GOAL_RESOURCE_F1, GOAL_CLAIM_P, GOAL_CLAIM_R, meetsGoals(parts.get("heldout")) ? "met" : "NOT met");
        }
        out.flush();
        return 0;
    }

    /**
     * True for the dev papers of the validation fold: a fixed pseudo-random ~1/3 of dev (CRC-32 of
     * "lens-fold:" + id, divisible by 3). Rules are changed looking only at the other dev papers; the fold is
     * read as aggregate figures, an estimate of how the rules carry over to papers they were not written against.
     */
    public static boolean isValidationFold(String id) {
        CRC32 crc = new CRC32();
        crc.update(("lens-fold:" + id).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 3 == 0;
    }

    /** Where a paper came from: picked by keyword, first or second random draw; plus whether it was held out. */
    private static List<String> origins(LabelledPaper p) {
        String origin = p.group().startsWith("draw2-") ? "draw2" : p.group().startsWith("draw-") ? "draw1" : "picked";
        return "heldout".equals(p.formerSplit()) ? List.of(origin, "former-heldout") : List.of(origin);
    }

    /** The quality the held-out part must keep (issue: the lens on abstracts nobody tuned it on). */
    static final double GOAL_RESOURCE_F1 = 0.80;
    static final double GOAL_CLAIM_P = 0.90;
    static final double GOAL_CLAIM_R = 0.88;

    static boolean meetsGoals(Score s) {
        return s.resourceF1() >= GOAL_RESOURCE_F1 && s.claimP() >= GOAL_CLAIM_P && s.claimR() >= GOAL_CLAIM_R;
    }

    private static void line(PrintWriter out, String name, int n, Score s) {
        if (n == 0) {
            out.printf(Locale.ROOT, "%-16s %6d | no papers%n", name, n);
            return;
        }
        out.printf(Locale.ROOT, "%-16s %6d | %.3f / %.3f / %.3f (%d/%d/%d) | %.3f / %.3f / %.3f (%d/%d/%d) | %.2f / %.2f / %.2f%n",
                name, n, s.resourceP(), s.resourceR(), s.resourceF1(), s.resTp, s.resPred, s.resGold,
                s.claimP(), s.claimR(), s.claimF1(), s.claimTp, s.claimPred, s.claimGold,
                Score.ratio(s.unitOk, s.claimTp), Score.ratio(s.kindOk, s.claimTp),
                Score.ratio(s.resourceOk, s.claimTp));
    }

    /** Scores one paper; a predicted claim matches a gold one when their spans overlap and values are equal. */
    static Score score(LabelledPaper p, Lens lens, PrintWriter verbose) {
        Score s = new Score();
        Set<String> gold = new HashSet<>(p.resources());
        Set<String> pred = new HashSet<>(lens.resources());
        s.resGold = gold.size();
        s.resPred = pred.size();
        for (String r : pred) if (gold.contains(r)) s.resTp++;
        s.claimGold = p.claims().size();
        s.claimPred = lens.claims().size();
        boolean[] used = new boolean[p.claims().size()];
        List<String> notes = new ArrayList<>();
        for (Claim c : lens.claims()) {
            int hit = -1;
            for (int i = 0; i < used.length; i++) {
                LabelledClaim g = p.claims().get(i);
                if (!used[i] && c.start() < g.end() && g.start() < c.end() && sameValue(c.value(), g.value())) {
                    hit = i;
                    break;
                }
            }
            if (hit < 0) {
                notes.add("  + extra  " + describe(c));
                continue;
            }
            used[hit] = true;
            s.claimTp++;
            LabelledClaim g = p.claims().get(hit);
            if (g.unit().equals(c.unit())) s.unitOk++;
            if (g.kind().equals(c.kind())) s.kindOk++;
            if (java.util.Objects.equals(g.resource(), c.resource())) s.resourceOk++;
            if (!g.unit().equals(c.unit()) || !g.kind().equals(c.kind())
                    || !java.util.Objects.equals(g.resource(), c.resource())) {
                notes.add("  ~ fields " + describe(c) + "  gold " + g.unit() + "/" + g.kind() + "/" + g.resource());
            }
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                LabelledClaim g = p.claims().get(i);
                notes.add("  - missed \"" + g.text() + "\" " + g.value() + " " + g.unit() + "/" + g.kind() + "/" + g.resource());
            }
        }
        if (verbose != null && (!notes.isEmpty() || !gold.equals(pred))) {
            verbose.printf("%s [%s] %s%n", p.id(), p.split(), p.title());
            if (!gold.equals(pred)) verbose.printf("  resources: got %s, want %s%n", lens.resources(), p.resources());
            notes.forEach(verbose::println);
        }
        return s;
    }

    private static String describe(Claim c) {
        return "\"" + c.text() + "\" " + c.value() + " " + c.unit() + "/" + c.kind() + "/" + c.resource();
    }

    static boolean sameValue(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Reads the labelled set. */
    static List<LabelledPaper> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        List<LabelledPaper> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    WirePaper w = json.readValue(line, WirePaper.class);
                    out.add(new LabelledPaper(w.id(), w.split(), w.group() == null ? "" : w.group(), w.formerSplit(),
                            w.title(), w.abstractText(),
                            w.resources() == null ? List.of() : w.resources(),
                            w.claims() == null ? List.of() : w.claims()));
                } catch (IOException e) {
                    throw new IOException("lens-eval: unable to parse line " + n + " of " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
