package dev.paperboy.lens;

import java.util.Map;

/**
 * The input with LaTeX and layout noise removed, keeping for every kept char the span it came from, so
 * that findings in the clean text map back to exact substrings of the input.
 */
final class CleanText {
    /** LaTeX commands that carry meaning for numbers; other commands become a space. */
    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("times", "×"), Map.entry("sim", "~"), Map.entry("approx", "~"), Map.entry("simeq", "~"),
            Map.entry("rightarrow", "→"), Map.entry("to", "→"), Map.entry("Rightarrow", "→"),
            Map.entry("longrightarrow", "→"), Map.entry("leq", "≤"), Map.entry("le", "≤"), Map.entry("leqslant", "≤"),
            Map.entry("lesssim", "≤"), Map.entry("geq", "≥"), Map.entry("ge", "≥"), Map.entry("geqslant", "≥"),
            Map.entry("gtrsim", "≥"), Map.entry("pm", "±"), Map.entry("cdot", "·"), Map.entry("deg", "°"),
            Map.entry("circ", "°"), Map.entry("sigma", "σ"), Map.entry("mu", "μ"), Map.entry("odot", "⊙"),
            Map.entry("textasciitilde", "~"), Map.entry("percent", "%"));
    /** Commands whose argument is ordinary text: drop the command, keep the argument. */
    private static final java.util.Set<String> WRAPPERS = java.util.Set.of(
            "textbf", "textit", "emph", "text", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "texttt",
            "mathbb", "mathcal", "operatorname", "textrm", "textsc", "underline", "boldsymbol", "bm", "mbox");
    private static final int MAX_COMMAND = 24;
    private static final int MAX_MATH = 80;

    final String original;
    final String text;
    private final int[] from;
    private final int[] to;

    private CleanText(String original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** Offset in the input where the clean char at {@code i} starts. */
    int inputStart(int i) {
        return from[i];
    }

    /** Offset in the input just after the clean char at {@code i - 1}. */
    int inputEnd(int iExclusive) {
        return to[iExclusive - 1];
    }

    /** Cleans {@code s}; linear in its length (each look-ahead is bounded). */
    static CleanText of(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int[] from = new int[n + 1];
        int[] to = new int[n + 1];
        int mathClose = -1;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (i == mathClose) {
                mathClose = -1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || c == '\u00a0') {
                int len = out.length();
                if (len > 0 && out.charAt(len - 1) != ' ') emit(out, from, to, ' ', i, i + 1);
                i++;
                continue;
            }
            switch (c) {
                case '$' -> {
                    int close = mathClose < 0 ? mathClose(s, i) : -1;
                    if (close > 0) mathClose = close;
                    else emit(out, from, to, '$', i, i + 1);
                    i++;
                }
                case '{', '}' -> i++;
                case '\\' -> i = command(s, i, out, from, to);
                case '\u2212', '\u2013' -> { // minus sign, en dash
                    emit(out, from, to, '-', i, i + 1);
                    i++;
                }
                default -> {
                    int r = remnant(s, i);
                    if (r > i) {
                        emit(out, from, to, REMNANTS.get(s.substring(i, r)), i, r);
                        i = r;
                    } else {
                        emit(out, from, to, c, i, i + 1);
                        i++;
                    }
                }
            }
        }
        return new CleanText(s, out.toString(), from, to);
    }

    /**
     * LaTeX commands whose backslash was lost on the way ("sim4x", "{approx}5", "plus6.43 percent"): a word that
     * starts a token and is glued to a number (braces between them allowed) is the symbol it stood for.
     */
    private static final Map<String, Character> REMNANTS = Map.of(
            "sim", '~', "approx", '~', "plus", '+', "minus", '-', "pm", '±');

    /** The end of a command remnant starting at {@code i}, or {@code i} when there is none. */
    private static int remnant(String s, int i) {
        char c = s.charAt(i);
        if (c != 's' && c != 'a' && c != 'p' && c != 'm') return i;
        if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) return i;
        int j = i;
        while (j < s.length() && j - i < 6 && Character.isLetter(s.charAt(j))) j++;
        if (!REMNANTS.containsKey(s.substring(i, j))) return i;
        int k = j;
        while (k < s.length() && k - j < 2 && s.charAt(k) == '}') k++;
        while (k < s.length() && k - j < 3 && s.charAt(k) == '{') k++;
        return k < s.length() && Character.isDigit(s.charAt(k)) ? j : i;
    }

    private static void emit(StringBuilder out, int[] from, int[] to, char c, int start, int end) {
        int k = out.length();
        out.append(c);
        from[k] = start;
        to[k] = end;
    }

    /**
     * The index of the '$' that closes an inline math span opened at {@code open}, or -1 when this '$' is a
     * currency sign: "$5-$20" is money, "$8\times$", "$1.3$B" and "$p$-norm" are math.
     */
    private static int mathClose(String s, int open) {
        int limit = Math.min(s.length(), open + 1 + MAX_MATH);
        for (int j = open + 1; j < limit; j++) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < limit && s.charAt(j + 1) == '$') {
                j++;
                continue;
            }
            if (c == '$') {
                if (j == open + 1) return -1;
                String inner = s.substring(open + 1, j);
                boolean amountFollows = j + 1 < s.length() && Character.isDigit(s.charAt(j + 1));
                return looksLikeMath(inner, amountFollows) ? j : -1;
            }
        }
        return -1;
    }

    private static boolean looksLikeMath(String inner, boolean amountFollows) {
        if (!Character.isDigit(inner.charAt(0))) return true;
        for (int k = 0; k < inner.length(); k++) {
            char c = inner.charAt(k);
            if (c == '\\' || c == '{' || c == '^' || c == '_' || c == '=') return true;
        }
        // "$5-$20" and "$20 and $30": the second dollar starts another amount, so both are money;
        // "$1.3$B", "$0.1σ$" and "$30 FPS$" are math.
        return !amountFollows;
    }

    /** Handles one backslash sequence starting at {@code i}; returns the index after it. */
    private static int command(String s, int i, StringBuilder out, int[] from, int[] to) {
        int n = s.length();
        if (i + 1 >= n) return i + 1;
        char next = s.charAt(i + 1);
        if (!Character.isLetter(next)) {
            switch (next) {
                case '%', '$', '&', '#', '_' -> emit(out, from, to, next, i, i + 2);
                case ',', ';', ':', '!', ' ', '\\' -> space(out, from, to, i, i + 2);
                default -> { }
            }
            return i + 2;
        }
        int j = i + 1;
        while (j < n && j - i <= MAX_COMMAND && Character.isLetter(s.charAt(j))) j++;
        String name = s.substring(i + 1, j);
        String repl = COMMANDS.get(name);
        if (repl != null) emit(out, from, to, repl.charAt(0), i, j);
        else if (!WRAPPERS.contains(name)) space(out, from, to, i, j);
        return j;
    }

    private static void space(StringBuilder out, int[] from, int[] to, int start, int end) {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != ' ') emit(out, from, to, ' ', start, end);
    }
}
