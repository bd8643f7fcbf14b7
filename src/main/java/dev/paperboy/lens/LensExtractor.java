package dev.paperboy.lens;

import dev.paperboy.lens.Mention.Unit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the budget lens of a paper from its title and abstract: deterministic, no network, java.* only.
 * The text read is {@code title + "\n\n" + abstract}; every offset in the result points into that string.
 */
public final class LensExtractor {
    /** Bump whenever a rule changes, so stored lenses are recomputed. */
    public static final int VERSION = 4;
    /** Input beyond this many chars is ignored: abstracts are far shorter, hostile input is not. */
    public static final int MAX_INPUT = 20_000;
    /** How many chars around a number its cue words may sit. */
    private static final int NEAR = 48;
    /** Claim kinds that are evidence of saving or working within their resource. */
    private static final Set<String> SAVING_KINDS = Set.of("speedup", "reduction", "budget", "cost");

    /** The text the extractor reads for this paper; claim offsets point into it. */
    public static String input(String title, String abstractText) {
        return (title == null ? "" : title) + "\n\n" + (abstractText == null ? "" : abstractText);
    }

    /** The lens of one paper. */
    public Lens extract(String title, String abstractText) {
        return extract(title, abstractText, new ResourceEvidence());
    }

    /** The lens of one paper, leaving the evidence behind its resources in {@code ev}. */
    Lens extract(String title, String abstractText, ResourceEvidence ev) {
        String t0 = title == null ? "" : title;
        String input = input(t0, abstractText);
        if (input.length() > MAX_INPUT) input = input.substring(0, MAX_INPUT);
        CleanText clean = CleanText.of(input);
        String t = clean.text;
        String lower = lowerSameLength(t);
        int titleEnd = cleanIndexOf(clean, Math.min(t0.length(), input.length()));
        List<int[]> sentences = Sentences.split(t, titleEnd);
        boolean physical = Cues.isPhysicalScience(lower);

        List<Claim> claims = new ArrayList<>();
        boolean first = true;
        for (int[] s : sentences) {
            String sl = lower.substring(s[0], s[1]);
            boolean inTitle = s[0] < titleEnd;
            ResourceEvidence.Role role = inTitle ? ResourceEvidence.Role.TITLE
                    : ResourceCues.isContribution(sl, first) ? ResourceEvidence.Role.OWN : ResourceEvidence.Role.BACKGROUND;
            Claim previous = null;
            int previousEnd = -1;
            for (Mention m : NumberScanner.scan(t, s[0], s[1])) {
                Claim c = classify(clean, lower, s, m, physical);
                if (c == null && previous != null) c = listContinuation(clean, lower, s, m, previous, previousEnd);
                if (c == null) continue;
                // In a list ("by 24%, 31% and 22%") a number without its own cue shares its neighbour's kind.
                if (previous != null && ("other".equals(c.kind()) || "accuracy".equals(c.kind()))
                        && m.start() - previousEnd < 48 && c.unit().equals(previous.unit())
                        && !"accuracy".equals(previous.kind()) && !"other".equals(previous.kind())) {
                    String own = nearestAround(lower, s, m);
                    c = new Claim(c.text(), c.value(), c.unit(), previous.kind(),
                            own != null ? own : previous.resource(),
                            c.sentenceStart(), c.sentenceEnd(), c.start(), c.end());
                }
                claims.add(c);
                // A size alone (a 17M-image dataset, a 109B-parameter model) is not a saving; budgets and cuts are.
                if (c.resource() != null && SAVING_KINDS.contains(c.kind())) {
                    ev.add(c.resource(), ResourceEvidence.Kind.CLAIM, role);
                }
                previous = c;
                previousEnd = m.end();
            }
            ResourceCues.resourcesIn(sl, inTitle, role, ev);
            ev.nextSentence();
            if (!inTitle) first = false;
        }
        if (NumberContext.titleSaysEfficient(lower.substring(0, titleEnd))) {
            ev.add("compute", ResourceEvidence.Kind.TITLE_RULE, ResourceEvidence.Role.TITLE);
        }
        Set<String> resources = new LinkedHashSet<>(ev.decide());
        if (physical && !resources.isEmpty()) resources.retainAll(Set.of("compute", "memory"));
        List<String> ordered = new ArrayList<>();
        for (String r : Lens.RESOURCES) if (resources.contains(r)) ordered.add(r);
        return new Lens(VERSION, ordered, claims);
    }

    /** Lower-cases char by char: String.toLowerCase may change the length ("İ"), which would break offsets. */
    static String lowerSameLength(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = Character.toLowerCase(s.charAt(i));
        return new String(out);
    }

    private static String nearestAround(String lower, int[] s, Mention m) {
        return Cues.nearestResource(lower.substring(Math.max(s[0], m.start() - NEAR), m.start()),
                lower.substring(m.end(), Math.min(s[1], m.end() + NEAR)));
    }

    private static int cleanIndexOf(CleanText clean, int inputOffset) {
        int n = clean.text.length();
        for (int i = 0; i < n; i++) if (clean.inputStart(i) >= inputOffset) return i;
        return n;
    }

    /** Decides whether a mention states a result, cost, size or budget, and of which kind; null if not. */
    private static Claim classify(CleanText clean, String lower, int[] s, Mention m, boolean physical) {
        String t = clean.text;
        if (m.end() > s[1] || m.start() < s[0]) return null; // a unit read past a cut sentence
        // Hedges ("more than 15%") say how sure, not which way: blank them so "more" reads as no gain.
        String before = NumberContext.blankHedges(lower.substring(Math.max(s[0], m.start() - NEAR), m.start()));
        String after = lower.substring(m.end(), Math.min(s[1], m.end() + NEAR));
        String wide = NumberContext.blankHedges(lower.substring(Math.max(s[0], m.start() - 130), m.start()));
        String sentence = lower.substring(s[0], s[1]);
        Unit u = m.unit();
        if (NumberContext.endsWithModelName(tail(before, 24))) return null; // "Qwen 2.5-7B", "Llama 3.3 70B" are names
        // "a speed-up of 2.5", "by a factor of 3": the factor is in the words before the number.
        if (u == Unit.NONE && !m.hasMultiplier() && Cues.startsAnyEnd(tail(before, 20), Cues.FACTOR_BEFORE)) {
            u = Unit.TIMES;
        }
        String kind;
        String resource;
        Unit unit = u;
        int through = m.end(); // where the claim's text ends: past the noun for "1.5M documents"

        switch (u) {
            case TIMES -> {
                // "16×256×256" and "3×10^-8" are shapes and scientific notation, not factors.
                if (m.end() < s[1] && (NumberScanner.isDigit(t.charAt(m.end()))
                        || after.startsWith(" 10^") || after.startsWith("10^"))) return null;
                if (m.start() > s[0] && (t.charAt(m.start() - 1) == '×')) return null;
                if (after.length() > 1 && after.charAt(0) == ' ' && NumberScanner.isDigit(after.charAt(1))
                        && !m.range()) return null;
                if (Cues.any(after.substring(0, Math.min(after.length(), 28)), Cues.SCALE_TASK)) return null;
                boolean spelled = isSpelledTimes(t, m);
                if (Cues.any(head(after, 24), Cues.SPEED) || Cues.any(tail(before, 20), Cues.SPEED_BEFORE)
                        || Cues.any(tail(before, 40), Cues.SPEED_VERB) && !Cues.any(tail(before, 40), Cues.REDUCE)) {
                    kind = "speedup";
                    resource = "compute";
                } else if (Cues.startsAny(after, Cues.REDUCE_AFTER) || Cues.any(tail(wide, 60), Cues.REDUCE)) {
                    kind = "reduction";
                    resource = Cues.nearestResource(before, after);
                } else if (Cues.any(head(after, 24), Cues.IMPROVE) || Cues.any(tail(before, 30), Cues.IMPROVE)) {
                    kind = "improvement";
                    resource = null;
                } else if (spelled) {
                    return null;
                } else {
                    kind = "other";
                    resource = Cues.nearestResource(before, after);
                }
            }
            case PERCENT -> {
                if (physical) return null;
                if (after.startsWith(" of ") && !Cues.any(head(after, 24), Cues.SHARE_OF)) return null;
                // "only 1% of the labels", "only 0.17% trainable parameters"
                boolean budget = Cues.any(tail(before, 16), Cues.BUDGET)
                        && (after.startsWith(" of ") || Cues.nearestResource("", head(after, 24)) != null);
                String reductionAhead = NumberContext.reductionAhead(after);
                if (Cues.any(head(after, 14), Cues.SPEED) || Cues.any(tail(before, 24), Cues.SPEED_BY)) {
                    kind = "speedup";
                    resource = "compute";
                } else if (reductionAhead != null) { // "more than 15% GPU memory reduction"
                    kind = "reduction";
                    resource = Cues.nearestResource("", reductionAhead);
                } else if (NumberContext.isOperatingPoint(before, after)) { // "At 25% overall token retention, ..."
                    kind = "other";
                    resource = Cues.nearestResource("", head(after, 30));
                } else if (m.sign() == '+') {
                    kind = "improvement";
                    resource = null;
                } else if (Cues.any(tail(before, 24), Cues.GAIN_BEFORE)
                        || before.endsWith(" by ") && Cues.any(tail(wide, 100), Cues.GAIN_BEFORE)) {
                    // "outperforms the Mistral Small 24B Instruct model by 87%": the gain verb may stand far back
                    kind = "improvement";
                    resource = null;
                } else if (Cues.any(head(after, 22), Cues.DROP) && Cues.anyWord(head(after, 22), Cues.METRIC)) {
                    kind = "accuracy";
                    resource = null;
                } else if (!budget && Cues.anyWord(head(after, 16), Cues.METRIC)) {
                    kind = "accuracy";
                    resource = null;
                } else if (budget) {
                    kind = "budget";
                    resource = Cues.nearestResource("", after);
                } else if (m.sign() == '-' || Cues.any(tail(wide, 70), Cues.REDUCE) || Cues.startsAny(after, Cues.REDUCE_AFTER)) {
                    kind = "reduction";
                    resource = Cues.nearestResource(before, after);
                } else if (Cues.any(head(after, 20), Cues.MORE_TIME)) {
                    kind = "cost";
                    resource = "compute";
                } else if (Cues.any(tail(wide, 40), Cues.IMPROVE) || Cues.any(head(after, 16), Cues.IMPROVE)) {
                    kind = "improvement";
                    resource = null;
                } else if (NumberContext.isStatistic(tail(before, 40), after)) {
                    kind = "other"; // "99.8% begin with the same word", "99.9% availability": a share, not a score
                    resource = null;
                } else {
                    kind = "accuracy";
                    resource = null;
                }
            }
            case DOLLAR, OTHER_CURRENCY -> {
                kind = Cues.any(tail(before, 24), Cues.BUDGET) || sentence.contains("budget") ? "budget" : "cost";
                resource = "money";
            }
            case GB, MB -> {
                if (physical) return null;
                // "NVIDIA H100 80GB" names a device; "a 16GB envelope" is a budget.
                if (Cues.any(tail(before, 12), Cues.HARDWARE) && !Cues.any(head(after, 16), Cues.ENVELOPE)) return null;
                kind = Cues.any(tail(before, 24), Cues.BUDGET) || Cues.any(head(after, 16), Cues.ENVELOPE) ? "budget"
                        : Cues.any(tail(before, 30), Cues.REDUCE) ? "reduction" : "size";
                resource = NumberContext.isDataAmount(after) ? "data" : "memory";
            }
            case PARAMS -> {
                kind = Cues.any(head(after, 20), Cues.REDUCE) || Cues.any(tail(before, 24), Cues.REDUCE)
                        ? "reduction" : Cues.any(tail(before, 16), Cues.BUDGET) ? "budget" : "size";
                resource = "parameters";
            }
            case TOKENS -> {
                if (after.startsWith("/s") || after.startsWith(" per second") || after.startsWith("/second")) {
                    kind = "other";
                    resource = "compute";
                } else {
                    kind = Cues.any(tail(before, 30), Cues.REDUCE) ? "reduction"
                            : Cues.any(tail(before, 16), Cues.BUDGET) ? "budget" : "size";
                    resource = Cues.any(wide + " " + head(after, 30), Cues.TRAINING_DATA) ? "data" : "context";
                }
            }
            case WORDS -> {
                kind = "size";
                resource = "context";
            }
            case FPS -> {
                if (physical) return null;
                kind = "other";
                resource = "compute";
            }
            case SECONDS, HOURS, STEPS, GPUS, FLOPS -> {
                if (physical) return null;
                if (u == Unit.STEPS && tail(before, 6).endsWith("step ")) return null;
                // "33h of video" and "1,000 hours of speech" measure a dataset, not a cost.
                if ((u == Unit.HOURS || u == Unit.SECONDS) && Cues.any(head(after, 28), Cues.RECORDED)) return null;
                // A duration only counts where the sentence is about running or training something.
                if ((u == Unit.HOURS || u == Unit.SECONDS) && !Cues.any(sentence, Cues.RUNNING)) return null;
                kind = Cues.any(tail(before, 20), Cues.BUDGET) || u == Unit.STEPS ? "budget"
                        : Cues.any(tail(before, 40), Cues.REDUCE) ? "reduction"
                        : u == Unit.FLOPS ? "size" : "cost";
                resource = "compute";
            }
            case POINTS -> {
                if (physical) return null;
                kind = Cues.any(tail(wide, 50), Cues.DROP) || Cues.any(head(after, 40), Cues.DROP)
                        ? "accuracy" : "improvement";
                resource = null;
            }
            case DB -> {
                if (physical) return null;
                kind = m.sign() == '+' ? "improvement" : "accuracy";
                resource = null;
            }
            case MEASURE -> {
                // "P1 errors of 37.6mm", "reduces registration error to 1.88 pixels": an error the method reaches.
                if (physical || !Cues.anyWord(before + " " + head(after, 16), Cues.METRIC)
                        || after.startsWith(" of freedom")) {
                    return null;
                }
                kind = "accuracy";
                resource = null;
            }
            case ENERGY -> {
                if (physical) return null;
                kind = Cues.any(tail(before, 20), Cues.BUDGET) ? "budget"
                        : Cues.any(tail(before, 40), Cues.REDUCE) ? "reduction" : "cost";
                resource = "energy";
            }
            case EXAMPLES -> {
                if (physical) return null;
                boolean budget = Cues.any(tail(before, 24), Cues.BUDGET);
                if (!budget && !(m.value() >= 1_000 || m.hasMultiplier())) return null;
                kind = budget ? "budget" : "size";
                String span = lower.substring(m.start(), m.end()) + " " + head(after, 20);
                resource = span.contains("label") || span.contains("annotat") ? "labels" : "data";
            }
            case VOCABULARY -> {
                kind = "size";
                resource = "parameters";
            }
            case NONE -> {
                if (physical) return null;
                boolean big = m.hasMultiplier() || m.value() >= 1_000 && !NumberContext.isYear(t, m);
                boolean gluedB = m.hasMultiplier() && t.charAt(m.end() - 1) == 'B'
                        && NumberScanner.isDigit(t.charAt(m.end() - 2));
                String items = big && !gluedB ? NumberContext.dataItems(after) : null;
                if (items != null && items.equals("tokens")) { // "123.30K average tokens"
                    kind = Cues.any(tail(before, 16), Cues.BUDGET) ? "budget" : "size";
                    resource = Cues.any(wide + " " + head(after, 30), Cues.TRAINING_DATA) ? "data" : "context";
                    unit = Unit.TOKENS;
                } else if (items != null) { // "1.5M documents", "over 250,000 notes", "41K frames"
                    kind = Cues.any(tail(before, 16), Cues.BUDGET) ? "budget" : "size";
                    resource = "data";
                    int noun = after.indexOf(items);
                    if (noun >= 0 && noun + items.length() <= after.length()) through = m.end() + noun + items.length();
                } else if (m.hasMultiplier() && (gluedB || sentence.contains("param")
                        || Cues.any(head(after, 12), Cues.MODEL_WORDS) || after.startsWith("+"))) {
                    kind = "size"; // "our 13B model", "LLaMA3 (3B-8B)"
                    resource = "parameters";
                    unit = Unit.PARAMS;
                } else if (m.hasMultiplier()) {
                    return null;
                } else if (NumberContext.isRate(after)) { // "8.84 actions per second"
                    kind = "other";
                    resource = "compute";
                } else if (m.sign() == '+' && (m.decimal() || Cues.isMetricAfter(head(after, 24)))) {
                    kind = "improvement";
                    resource = null;
                } else if (NumberContext.isByAmount(tail(before, 16)) && Cues.any(tail(wide, 60), Cues.IMPROVE)) {
                    kind = "improvement"; // "improves BLEU by 3.1"
                    resource = null;
                    unit = Unit.POINTS;
                } else if (m.decimal() && NumberContext.isChange(tail(before, 30), after)) {
                    // "improves from 3.16 to 4.16", "reducing nudity from 91.58 to 3.15": both ends are scores.
                    kind = NumberContext.laterCue(tail(wide, 90), Cues.REDUCE, Cues.IMPROVE) == 1 ? "reduction" : "accuracy";
                    resource = null;
                } else if (m.decimal() && (Cues.isMetricBefore(tail(before, 26)) || Cues.isMetricAfter(head(after, 24)))) {
                    if (after.startsWith(" of ")) return null; // "IoU 0.50 of 0.756": a threshold, not the score
                    kind = Cues.anyWord(tail(before, 26), List.of("ratio")) ? "other" : "accuracy";
                    resource = null;
                } else {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
        if (physical && !("speedup".equals(kind) || "reduction".equals(kind) && resource != null)) {
            return null;
        }
        int start = clean.inputStart(NumberContext.hedgeStart(lower, s[0], m.start()));
        int end = clean.inputEnd(through);
        int sentenceStart = clean.inputStart(s[0]);
        int sentenceEnd = clean.inputEnd(s[1]);
        String text = inputText(clean, m, start, end);
        return new Claim(text, m.value(), unit.label(), kind, resource, sentenceStart, sentenceEnd, start, end);
    }

    /**
     * A bare decimal right after a bare score and a connector ("METEOR 0.2650 and 0.2580") is the same kind of score.
     */
    private static Claim listContinuation(CleanText clean, String lower, int[] s, Mention m, Claim previous,
                                          int previousEnd) {
        if (m.unit() != Unit.NONE || !m.decimal() || m.hasMultiplier() || !"other".equals(previous.unit())
                || !"accuracy".equals(previous.kind()) || previousEnd > m.start()) {
            return null;
        }
        String gap = lower.substring(previousEnd, m.start());
        if (!(gap.equals(" and ") || gap.equals(", ") || gap.equals(" or ") || gap.equals(" vs. ")
                || gap.equals(", and ") || isNamedListGap(gap))) {
            return null;
        }
        int start = clean.inputStart(m.start());
        int end = clean.inputEnd(m.end());
        return new Claim(clean.original.substring(start, end), m.value(), "other", "accuracy", null,
                clean.inputStart(s[0]), clean.inputEnd(s[1]), start, end);
    }

    /** " for CIFAR-10, " between "0.907 for CIFAR-10, 0.945 for CIFAR-100": one score per named benchmark. */
    private static boolean isNamedListGap(String gap) {
        if (gap.length() > 32 || !(gap.startsWith(" for ") || gap.startsWith(" on "))) return false;
        if (!(gap.endsWith(", ") || gap.endsWith(", and ") || gap.endsWith(" and "))) return false;
        String name = gap.substring(gap.indexOf(' ', 1) + 1, gap.lastIndexOf(gap.endsWith(", ") ? ", " : " and "));
        return !name.isBlank() && name.indexOf(' ') < 0;
    }

    private static String inputText(CleanText clean, Mention m, int start, int end) {
        return clean.original.substring(start, end);
    }

    /** True for "3 times" and "3 x": spelled factors, which need a comparative to be a claim ("X rays"). */
    private static boolean isSpelledTimes(String t, Mention m) {
        int e = m.end();
        if (e >= 6 && t.startsWith(" times", e - 6)) return true;
        return e >= 2 && (t.charAt(e - 1) == 'x' || t.charAt(e - 1) == 'X') && t.charAt(e - 2) == ' ';
    }

    private static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }
}
