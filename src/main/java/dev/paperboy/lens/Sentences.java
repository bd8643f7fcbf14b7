package dev.paperboy.lens;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits clean text into sentences; copes with abbreviations ("e.g.", "Fig. 3", "et al.") and decimals. */
final class Sentences {
    /** Words that end with a period without ending the sentence (compared lower-case, without the period). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "eg", "ie", "etc", "vs", "cf", "al", "fig", "figs", "eq", "eqs", "sec", "ref", "refs",
            "approx", "resp", "no", "nos", "vol", "pp", "dr", "mr", "ms", "prof", "st", "u.s", "inc", "ltd",
            "tab", "app", "ca", "est", "viz", "w.r.t", "a.k.a", "incl", "max", "min", "avg");
    /** A sentence longer than this is cut, so that every later step works on bounded input. */
    static final int MAX_SENTENCE = 1_500;

    private Sentences() {}

    /** Sentence spans [start, end) over {@code t}, with a forced break at {@code forcedBreak} (the title's end). */
    static List<int[]> split(String t, int forcedBreak) {
        List<int[]> out = new ArrayList<>();
        int n = t.length();
        int start = skipSpaces(t, 0);
        int i = start;
        while (i < n) {
            char c = t.charAt(i);
            boolean cut = false;
            int next = i + 1;
            if (i + 1 == forcedBreak || i - start + 1 >= MAX_SENTENCE) {
                cut = true;
            } else if ((c == '.' || c == '!' || c == '?') && endsSentence(t, i, start)) {
                cut = true;
            }
            if (cut) {
                int end = trimEnd(t, start, next);
                if (end > start) out.add(new int[] {start, end});
                start = skipSpaces(t, next);
                i = start;
            } else {
                i++;
            }
        }
        int end = trimEnd(t, start, n);
        if (end > start) out.add(new int[] {start, end});
        return out;
    }

    private static boolean endsSentence(String t, int i, int start) {
        int n = t.length();
        if (i + 1 < n && t.charAt(i + 1) != ' ' && t.charAt(i + 1) != '"' && t.charAt(i + 1) != ')') return false;
        int j = i + 1;
        while (j < n && (t.charAt(j) == '"' || t.charAt(j) == ')')) j++;
        j = skipSpaces(t, j);
        if (j >= n) return true;
        char after = t.charAt(j);
        // A lower-case continuation ("approx. three") is not a new sentence; caseless scripts are.
        if (Character.isLowerCase(after)) return false;
        if (t.charAt(i) != '.') return true;
        // The word before the period: an abbreviation or a single initial ("J. Smith") does not end a sentence.
        int w = i;
        while (w > start && t.charAt(w - 1) != ' ' && t.charAt(w - 1) != '(') w--;
        String word = t.substring(w, i).toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) return false;
        return !ABBREVIATIONS.contains(word);
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && t.charAt(i) == ' ') i++;
        return i;
    }

    private static int trimEnd(String t, int start, int end) {
        while (end > start && t.charAt(end - 1) == ' ') end--;
        return end;
    }
}
