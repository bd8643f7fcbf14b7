package dev.paperboy.lens;

import java.util.List;
import java.util.Set;

/**
 * Readings of the words right around a number: hedges, the noun a count counts, the phrase a change or setting
 * is stated in, model names. Lower-cased clean text in, plain answers out.
 */
final class NumberContext {
    private NumberContext() {}

    /** Replaces "more than" with spaces: a hedge on a number, not a sign of gain. */
    static String blankHedges(String s) {
        int i = s.indexOf("more than");
        if (i < 0) return s;
        StringBuilder b = new StringBuilder(s);
        while (i >= 0) {
            for (int k = i; k < i + 9; k++) b.setCharAt(k, ' ');
            i = s.indexOf("more than", i + 9);
        }
        return b.toString();
    }

    private static final List<String> HEDGES = List.of("more than ", "less than ", "fewer than ", "up to ", "over ",
            "nearly ", "almost ", "about ", "around ", "approximately ", "roughly ", "at least ", "at most ",
            "as few as ", "as little as ");

    /** Where a claim's text starts: before its hedge ("more than 15%", "up to 3.53x"), else at the number. */
    static int hedgeStart(String lower, int sentenceStart, int start) {
        String b = lower.substring(Math.max(sentenceStart, start - 16), start);
        for (String h : HEDGES) {
            if (b.endsWith(h)) {
                int k = start - h.length();
                if (k == sentenceStart || k > sentenceStart && !Character.isLetter(lower.charAt(k - 1))) return k;
            }
        }
        return start;
    }

    /** True when the text before a number ends with a model family and its version ("llama 3.3 ", "qwen "). */
    static boolean endsWithModelName(String before) {
        if (Cues.startsAnyEnd(before, Cues.MODEL_FAMILIES)) return true;
        int e = before.length();
        if (e == 0 || before.charAt(e - 1) != ' ') return false;
        int k = e - 1;
        while (k > 0 && (NumberScanner.isDigit(before.charAt(k - 1)) || before.charAt(k - 1) == '.')) k--;
        if (k == e - 1) return false;
        String name = before.substring(0, k);
        if (name.endsWith("-")) name = name.substring(0, name.length() - 1) + " "; // "llama-3 70b"
        return Cues.startsAnyEnd(name, Cues.MODEL_FAMILIES);
    }

    private static final List<String> REDUCTION_NOUNS = List.of("reduction", "saving", "decrease", "compression", "cut");

    /**
     * The words between a number and a reduction noun that closes its phrase ("15% GPU memory reduction" gives
     * " gpu memory reduction"), or null when the phrase names no reduction within four words.
     */
    static String reductionAhead(String after) {
        int words = 0;
        int i = 0;
        int n = after.length();
        while (i < n && words < 5) {
            while (i < n && after.charAt(i) == ' ') i++;
            int j = i;
            while (j < n && (Character.isLetter(after.charAt(j)) || after.charAt(j) == '-')) j++;
            if (j == i) return null; // punctuation or a digit ends the phrase
            String w = after.substring(i, j);
            if (Cues.startsAny(w, REDUCTION_NOUNS)) return after.substring(0, j);
            if (w.equals("of") || w.equals("in") || w.equals("and") || w.equals("with") || w.equals("on")
                    || w.equals("at") || w.equals("for") || w.equals("to") || w.equals("over")) {
                return null;
            }
            words++;
            i = j;
        }
        return null;
    }

    private static final List<String> DIRECTION = List.of("less", "fewer", "lower", "smaller", "reduc", "faster",
            "speed", "higher", "more", "better", "larger", "improv", "gain", "drop", "increase", "decrease", "cheaper");

    /** True for the setting a result holds at ("At 25% overall token retention, ..."), not a change. */
    static boolean isOperatingPoint(String before, String after) {
        String b = before.stripTrailing();
        if (!(b.endsWith(" at") || b.equals("at") || b.endsWith(" at a") || b.endsWith(" at only"))) return false;
        int cut = after.indexOf(',');
        String phrase = cut < 0 ? after : after.substring(0, cut);
        return !Cues.any(phrase.length() > 30 ? phrase.substring(0, 30) : phrase, DIRECTION);
    }

    /** Efficient adaptation of a model is about parameters and memory (PEFT), not about compute. */
    private static final List<String> ADAPTATION = List.of("fine-tuning", "finetuning", "tuning", "adaptation");

    /**
     * True when the title sells efficiency in general ("Efficient X"): that is compute. "Memory-efficient X",
     * "Communication Efficiency" and "efficient fine-tuning" name another resource.
     */
    static boolean titleSaysEfficient(String title) {
        int i = title.indexOf("efficient ");
        while (i >= 0) {
            boolean general = i == 0 || title.charAt(i - 1) == ' '
                    && Cues.nearestResource(title.substring(Math.max(0, i - 16), i), "") == null;
            if (general && !Cues.startsAny(title.substring(i + "efficient ".length()), ADAPTATION)) return true;
            i = title.indexOf("efficient ", i + 1);
        }
        return false;
    }

    private static final Set<String> SCORE_PLACES = Set.of("on", "in", "at", "for", "and", "with", "across", "over",
            "than", "to", "vs", "versus", "or", "by", "compared", "while", "respectively", "when", "from", "of");

    /** Words that make a percentage a score or a change of one ("81% success", "56.1% performance increase"). */
    private static final List<String> SCORE_WORDS = List.of("agreement", "performance", "success", "quality", "r@",
            " ap", "gain", "increase", "enhancement", "improvement", "drop", "overhead", "margin", "rate", "dsc",
            "degradation", "reliability", "mmlu");

    /**
     * True when a percentage with no cue is a share of something rather than a score: nothing before names a metric
     * and a word other than a place or connector follows ("99.8% begin with", "93.4% unique openings").
     */
    static boolean isStatistic(String before, String after) {
        if (Cues.anyWord(before, Cues.METRIC) || after.length() < 2 || after.charAt(0) != ' '
                || !Character.isLetter(after.charAt(1))) {
            return false;
        }
        int e = 1;
        while (e < after.length() && Character.isLetter(after.charAt(e))) e++;
        String word = after.substring(1, e);
        String phrase = after.substring(0, Math.min(after.length(), 40)); // "90.15% field-level strict recall rate"
        return !SCORE_PLACES.contains(word) && !Cues.anyWord(phrase, Cues.METRIC) && !Cues.isMetricAfter(after)
                && !Cues.any(phrase, SCORE_WORDS);
    }

    /** True for a four-digit year ("in 2024", "2025 models"), which is never a count. */
    static boolean isYear(String t, Mention m) {
        if (m.end() - m.numberStart() != 4 || m.value() < 1900 || m.value() > 2100) return false;
        return t.charAt(m.numberStart() + 1) != ',';
    }

    /** Counted things that are not data: people, models, the study's own units, time. */
    private static final Set<String> NOT_DATA = Set.of(
            "people", "persons", "users", "participants", "subjects", "annotators", "workers", "authors", "speakers",
            "students", "researchers", "experts", "humans", "individuals", "respondents", "citizens", "residents",
            "patients", "agents", "teams", "baselines", "bytes", "clients", "devices", "robots",
            "models", "llms", "parameters", "params", "languages", "classes", "categories", "tasks", "benchmarks",
            "datasets", "domains", "years", "months", "weeks", "days", "hours", "minutes", "seconds", "steps",
            "epochs", "iterations", "runs", "trials", "seeds", "rounds", "layers", "heads", "dimensions", "bits",
            "gpus", "cpus", "cores", "times", "pixels", "meters", "kilometers", "miles", "dollars", "euros",
            "points", "percent", "galaxies", "stars", "sources", "objects", "experiments", "simulations");
    private static final Set<String> STOP_WORDS = Set.of(
            "of", "in", "to", "for", "with", "and", "or", "from", "on", "at", "by", "per", "across", "over", "than",
            "that", "which", "the", "a", "an", "is", "are", "was", "were", "as", "while", "into",
            // what a count of data items never modifies, and verbs a singular subject takes ("our 13B model beats")
            "model", "network", "system", "method", "framework", "approach", "agent", "llm", "vlm", "backbone",
            "achieves", "outperforms", "requires", "contains", "uses", "beats", "reaches", "shows", "yields",
            "improves", "reduces", "includes", "covers", "spans", "comprises", "makes", "takes", "runs", "matches",
            "surpasses", "exceeds", "performs", "obtains", "attains", "delivers", "provides", "needs");

    /** Singular heads of "N-x" compounds that are not data ("1024-dimensional", "10,000-step", "1000-class"). */
    private static final Set<String> NOT_DATA_COMPOUND = Set.of(
            "dimensional", "dim", "d", "way", "shot", "fold", "long", "sized", "scale", "level", "layer", "bit", "class",
            "step", "epoch", "iteration", "year", "day", "hour", "minute", "second", "person", "user", "model",
            "parameter", "param", "token", "word", "gpu", "core", "meter", "pixel", "point", "times", "th", "st", "nd",
            "rd", "fps", "hz", "khz", "mhz", "resolution", "dimension", "channel", "head", "node", "run");

    /**
     * The data items a count names ("documents", "morally-annotated social media posts", "203,508-edge graph"), or
     * null: up to four words, the head a plural noun that does not count people, models or the study's own units,
     * or the noun of an "N-noun" compound.
     */
    static String dataItems(String after) {
        int n = after.length();
        if (n > 1 && after.charAt(0) == '-' && Character.isLetter(after.charAt(1))) {
            int j = 1;
            while (j < n && Character.isLetter(after.charAt(j))) j++;
            String w = after.substring(1, j);
            boolean ends = j == n || after.charAt(j) == ' ';
            return ends && !NOT_DATA_COMPOUND.contains(w) && !NOT_DATA.contains(w) ? w : null;
        }
        int i = 0;
        for (int words = 0; words < 5 && i < n; words++) {
            if (after.charAt(i) != ' ') return null; // punctuation or a glued symbol ends the phrase
            i++;
            int j = i;
            while (j < n && (Character.isLetter(after.charAt(j)) || after.charAt(j) == '-' || after.charAt(j) == '\'')) j++;
            if (j == i) return null;
            String w = after.substring(i, j);
            if (STOP_WORDS.contains(w) || NOT_DATA.contains(w)) return null;
            if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                    && w.indexOf('-') < 0 && w.indexOf('\'') < 0) {
                return w;
            }
            i = j;
        }
        return null;
    }

    /** What a size in GB or TB may be "of" to be an amount of data ("1.2TB of text") rather than memory. */
    private static final List<String> DATA_OF = List.of("text", "data", "image", "video", "audio", "speech", "code",
            "web", "document", "token", "training", "pretraining", "pre-training", "log", "recording", "book", "paper",
            "corpus", "corpora", "point cloud", "lidar", "satellite", "sensor", "trajector", "demonstration");

    /** True for "1.2TB of text", "40GB of raw video": an amount of data rather than memory. */
    static boolean isDataAmount(String after) {
        if (!after.startsWith(" of ")) return false;
        String next = after.substring(4, Math.min(after.length(), 28));
        int stop = next.indexOf(',');
        return Cues.any(stop < 0 ? next : next.substring(0, stop), DATA_OF);
    }

    /** Which of two cue lists has the cue nearest the end of {@code s}: 1 for the first, 2 for the second, 0 none. */
    static int laterCue(String s, List<String> first, List<String> second) {
        int a = -1;
        int b = -1;
        for (String w : first) a = Math.max(a, s.lastIndexOf(w));
        for (String w : second) b = Math.max(b, s.lastIndexOf(w));
        return a < 0 && b < 0 ? 0 : a > b ? 1 : 2;
    }

    /** True for a rate after a bare number: "8.84 actions per second", "120 queries/s". */
    static boolean isRate(String after) {
        int i = after.indexOf(' ', 1);
        if (!after.startsWith(" ") || i < 0) {
            return false;
        }
        String rest = after.substring(i);
        return rest.startsWith(" per second") || rest.startsWith(" per sec") || after.indexOf("/s") == i - 2
                && after.startsWith("/s", i - 2) && (i == after.length() || !Character.isLetter(after.charAt(i)));
    }

    /** True when a bare number is the amount of a change: "... by 3.1", "by up to 2.4". */
    static boolean isByAmount(String before) {
        String b = before.stripTrailing();
        return b.endsWith(" by") || b.endsWith(" by up to") || b.endsWith(" by about") || b.endsWith(" by around")
                || b.endsWith(" by over") || b.endsWith(" by an average of") || b.endsWith(" by roughly");
    }

    /** True for either end of "from A to B" with two bare numbers. */
    static boolean isChange(String before, String after) {
        if (before.endsWith("from ") && after.length() > 4 && after.startsWith(" to ")
                && NumberScanner.isDigit(after.charAt(4))) {
            return true;
        }
        if (!before.endsWith(" to ")) return false;
        int k = before.length() - 4;
        return k > 0 && NumberScanner.isDigit(before.charAt(k - 1)) && before.contains("from ");
    }
}
