package dev.paperboy.lens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which of a fixed list of phrases occur in a text at the start of a word (at the text's start or after a
 * character that is not a letter or digit), in one pass over the text. Searching each phrase with
 * {@code indexOf} cost a full scan of the sentence per phrase: most of the lens's time over hundreds of phrases.
 */
final class WordStartPhrases {
    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
    }

    private final List<String> phrases;
    private final int[][] byFirstChar = new int[128][]; // phrase indices by their first (ASCII) character
    private final int[] others; // phrases starting with a non-ASCII character: checked at every word start

    WordStartPhrases(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        List<List<Integer>> buckets = new ArrayList<>();
        for (int c = 0; c < 128; c++) buckets.add(new ArrayList<>());
        List<Integer> rest = new ArrayList<>();
        for (int k = 0; k < this.phrases.size(); k++) {
            String p = this.phrases.get(k);
            if (p.isEmpty()) throw new IllegalArgumentException("lens: empty phrase");
            char c = p.charAt(0);
            if (c < 128) buckets.get(c).add(k);
            else rest.add(k);
        }
        for (int c = 0; c < 128; c++) {
            if (!buckets.get(c).isEmpty()) byFirstChar[c] = buckets.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        others = rest.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code present[k]} is true when phrase {@code k} starts a word of {@code s}. */
    boolean[] present(String s) {
        boolean[] present = new boolean[phrases.size()];
        int n = s.length();
        boolean wordStart = true; // at the text's start, or after a character that is not a letter or digit
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (wordStart) {
                int[] candidates = c < 128 ? byFirstChar[c] : null;
                if (candidates != null) mark(s, i, candidates, present);
                if (others.length > 0) mark(s, i, others, present);
            }
            wordStart = c < 128 ? !ASCII_LETTER_OR_DIGIT[c] : !Character.isLetterOrDigit(c);
        }
        return present;
    }

    private void mark(String s, int at, int[] candidates, boolean[] present) {
        for (int k : candidates) {
            if (present[k]) continue;
            String p = phrases.get(k);
            int len = p.length();
            // Length and second character before the full comparison: most candidates fail there.
            if (at + len > s.length() || len > 1 && s.charAt(at + 1) != p.charAt(1)) continue;
            if (s.startsWith(p, at)) present[k] = true;
        }
    }

    @Override
    public String toString() {
        return "WordStartPhrases" + Arrays.toString(phrases.toArray());
    }
}
