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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores the lens extractor against a hand-labelled JSONL set: precision, recall and F1 per split. */
@Command(name = "lens-eval", mixinStandardHelpOptions = true,
        description = "Print precision/recall/F1 of the budget lens for resources and claims, and the unit/kind/resource"
                + " agreement of matched claims, for the dev part (tuned on), the held-out part (only scored) and all.")
public final class LensEvalCommand implements Callable<Integer> {

    @Option(names = "--labelled", paramLabel = "FILE", description = "labelled JSONL (default: ${DEFAULT-VALUE})",
            defaultValue = "src/test/resources/lens/labelled.jsonl")
    Path labelled;

    @Option(names = "--show", paramLabel = "SPLIT",
            description = "also print each paper's differences for this split (dev, heldout or all)")
    String show;

    @Spec
    CommandSpec spec;

    /** One labelled paper as stored in the JSONL file (wire format, private to the command). */
    record LabelledPaper(String id, String split, String title, String abstractText, List<String> resources,
                         List<LabelledClaim> claims) {}

    /** One labelled claim as stored in the JSONL file. */
    record LabelledClaim(String text, double value, String unit, String kind, String resource, int start, int end) {}

    private record WirePaper(String id, String split, String title,
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
        Score dev = new Score();
        Score held = new Score();
        int nDev = 0;
        int nHeld = 0;
        for (LabelledPaper p : papers) {
            Lens lens = extractor.extract(p.title(), p.abstractText());
            boolean verbose = show != null && (show.equals("all") || show.equals(p.split()));
            Score s = score(p, lens, verbose ? out : null);
            if ("heldout".equals(p.split())) {
                held.add(s);
                nHeld++;
            } else {
                dev.add(s);
                nDev++;
            }
        }
        Score all = new Score();
        all.add(dev);
        all.add(held);
        out.printf(Locale.ROOT, "lens extractor version %d, %s%n", LensExtractor.VERSION, labelled);
        out.printf(Locale.ROOT, "%-8s %6s | %-28s | %-28s | %s%n", "split", "papers", "resources P / R / F1",
                "claims P / R / F1", "matched claims: unit / kind / resource agree");
        line(out, "dev", nDev, dev);
        line(out, "heldout", nHeld, held);
        line(out, "all", nDev + nHeld, all);
        out.printf(Locale.ROOT, "held-out goals (resources F1 >= %.2f, claims P >= %.2f, R >= %.2f): %s%n",
                GOAL_RESOURCE_F1, GOAL_CLAIM_P, GOAL_CLAIM_R, meetsGoals(held) ? "met" : "NOT met");
        out.flush();
        return 0;
    }

    /** The quality the held-out part must keep (issue: the lens on abstracts nobody tuned it on). */
    static final double GOAL_RESOURCE_F1 = 0.80;
    static final double GOAL_CLAIM_P = 0.90;
    static final double GOAL_CLAIM_R = 0.88;

    static boolean meetsGoals(Score s) {
        return s.resourceF1() >= GOAL_RESOURCE_F1 && s.claimP() >= GOAL_CLAIM_P && s.claimR() >= GOAL_CLAIM_R;
    }

    private static void line(PrintWriter out, String name, int n, Score s) {
        out.printf(Locale.ROOT, "%-8s %6d | %.3f / %.3f / %.3f (%d/%d/%d) | %.3f / %.3f / %.3f (%d/%d/%d) | %.2f / %.2f / %.2f%n",
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
                    out.add(new LabelledPaper(w.id(), w.split(), w.title(), w.abstractText(),
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
