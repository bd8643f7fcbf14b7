package dev.paperboy.ingest;

import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TeX accents and escapes in arXiv metadata as Unicode ({@code M{\aa}ns} → Måns, {@code B\'ela} → Béla),
 * so names and titles read and search like the rest. Math ({@code $\alpha$}, {@code \(x\)}) is left as
 * written, and so is any command it does not know (with its argument).
 */
public final class Tex {
    private Tex() {}

    // Accents as combining marks; the result is NFC-normalised, so "e" + U+0301 becomes "é".
    private static final Map<String, Character> ACCENTS = Map.ofEntries(
            Map.entry("'", '\u0301'), Map.entry("`", '\u0300'), Map.entry("^", '\u0302'),
            Map.entry("\"", '\u0308'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'),
            Map.entry(".", '\u0307'), Map.entry("u", '\u0306'), Map.entry("v", '\u030C'),
            Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
            Map.entry("r", '\u030A'));
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("o", "ø"), Map.entry("O", "Ø"),
            Map.entry("ss", "ß"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"),
            Map.entry("OE", "Œ"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
            Map.entry("j", "ȷ"));
    // Formatting commands whose argument is plain text.
    private static final Set<String> TEXT_COMMANDS =
            Set.of("emph", "textit", "textbf", "texttt", "textsc", "textrm", "textsf", "textup", "mbox", "text");
    private static final String ESCAPED = "&%_#${} ";

    /** The paper with TeX in its title, author names and affiliations converted; the same paper when there is none. */
    public static Paper namesToUnicode(Paper p) {
        boolean any = hasTex(p.title());
        for (Author a : p.authors()) {
            if (any) break;
            any = hasTex(a.name()) || a.affiliations().stream().anyMatch(Tex::hasTex);
        }
        if (!any) return p;
        List<Author> authors = new ArrayList<>(p.authors().size());
        for (Author a : p.authors()) {
            authors.add(new Author(toUnicode(a.name()), a.affiliations().stream().map(Tex::toUnicode).toList()));
        }
        return p.toBuilder().title(toUnicode(p.title())).authors(authors).build();
    }

    /** The text with TeX accents, letters, escapes and grouping braces converted, math untouched. */
    public static String toUnicode(String s) {
        if (!hasTex(s)) return s;
        StringBuilder out = new StringBuilder(s.length());
        boolean combined = convert(s, 0, s.length(), out);
        String result = out.toString();
        return combined ? Normalizer.normalize(result, Normalizer.Form.NFC) : result;
    }

    /** Most names and titles have neither a backslash nor a brace: they are returned at once. */
    private static boolean hasTex(String s) {
        return s != null && (s.indexOf('\\') >= 0 || s.indexOf('{') >= 0);
    }

    /** Converts {@code s[from, to)} into {@code out}; true when a combining mark was written. */
    private static boolean convert(String s, int from, int to, StringBuilder out) {
        boolean combined = false;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '$') {
                int end = mathEnd(s, i, to);
                out.append(s, i, end);
                i = end;
            } else if (c == '{') {
                int close = closing(s, i, to);
                if (close < 0) {
                    out.append(c);
                    i++;
                } else {
                    combined |= convert(s, i + 1, close, out); // a TeX group: keep its content, drop the braces
                    i = close + 1;
                }
            } else if (c == '\\' && i + 1 < to) {
                int[] state = {i};
                combined |= command(s, to, state, out);
                i = state[0];
            } else {
                out.append(c);
                i++;
            }
        }
        return combined;
    }

    /**
     * Converts the command at {@code state[0]} (a backslash) and moves {@code state[0]} past it;
     * true when a combining mark was written.
     */
    private static boolean command(String s, int to, int[] state, StringBuilder out) {
        int start = state[0];
        int i = start + 1;
        char first = s.charAt(i);
        String name;
        if (isAsciiLetter(first)) {
            int end = i;
            while (end < to && isAsciiLetter(s.charAt(end))) end++;
            name = s.substring(i, end);
            i = end;
        } else {
            name = String.valueOf(first);
            i++;
        }
        if (name.equals("(") || name.equals("[")) {
            // \( … \) and \[ … \] are math: copied as written.
            String close = name.equals("(") ? "\\)" : "\\]";
            int end = s.indexOf(close, i);
            int stop = end < 0 || end + 2 > to ? to : end + 2;
            out.append(s, start, stop);
            state[0] = stop;
            return false;
        }
        if (name.length() == 1 && ESCAPED.indexOf(first) >= 0) {
            out.append(first);
            state[0] = i;
            return false;
        }
        Character accent = ACCENTS.get(name);
        if (accent != null) {
            if (isAsciiLetter(first)) i = skipSpaces(s, i, to);
            int[] base = {i};
            StringBuilder arg = new StringBuilder();
            boolean combined = argument(s, to, base, arg);
            if (arg.isEmpty()) {
                out.append(s, start, base[0]); // an accent on nothing: leave it as written
            } else {
                out.appendCodePoint(arg.codePointAt(0)).append(accent.charValue())
                        .append(arg, Character.charCount(arg.codePointAt(0)), arg.length());
                combined = true;
            }
            state[0] = base[0];
            return combined;
        }
        String letter = LETTERS.get(name);
        if (letter != null) {
            out.append(letter);
            state[0] = skipSpaces(s, i, to); // TeX drops the spaces after a control word
            return false;
        }
        if (TEXT_COMMANDS.contains(name)) {
            int j = skipSpaces(s, i, to);
            int close = j < to && s.charAt(j) == '{' ? closing(s, j, to) : -1;
            if (close > 0) {
                boolean combined = convert(s, j + 1, close, out);
                state[0] = close + 1;
                return combined;
            }
        }
        // Unknown: keep the command and a braced argument right after it as written.
        int stop = i;
        if (stop < to && s.charAt(stop) == '{') {
            int close = closing(s, stop, to);
            if (close > 0) stop = close + 1;
        }
        out.append(s, start, stop);
        state[0] = stop;
        return false;
    }

    /**
     * The base an accent applies to, at {@code at[0]}: a braced group, a letter command ({@code \i}) or one
     * character, converted into {@code arg}; {@code at[0]} moves past it.
     */
    private static boolean argument(String s, int to, int[] at, StringBuilder arg) {
        int i = at[0];
        if (i >= to) return false;
        char c = s.charAt(i);
        if (c == '{') {
            int close = closing(s, i, to);
            if (close < 0) return false;
            at[0] = close + 1;
            boolean combined = convert(s, i + 1, close, arg);
            dotless(arg);
            return combined;
        }
        if (c == '\\' && i + 1 < to) {
            int[] state = {i};
            boolean combined = command(s, to, state, arg);
            at[0] = state[0];
            dotless(arg);
            return combined;
        }
        int cp = s.codePointAt(i);
        if (Character.isWhitespace(cp) || c == '}') return false;
        arg.appendCodePoint(cp);
        at[0] = i + Character.charCount(cp);
        return false;
    }

    /** An accented dotless i or j ({@code \'\i}) is the accented letter: í, not ı́. */
    private static void dotless(StringBuilder arg) {
        if (arg.isEmpty()) return;
        if (arg.charAt(0) == 'ı') arg.setCharAt(0, 'i');
        else if (arg.charAt(0) == 'ȷ') arg.setCharAt(0, 'j');
    }

    /** The end of the math starting at {@code from} ({@code $…$} or {@code $$…$$}); just past the {@code $} when unclosed. */
    private static int mathEnd(String s, int from, int to) {
        boolean display = from + 1 < to && s.charAt(from + 1) == '$';
        String delimiter = display ? "$$" : "$";
        int i = from + delimiter.length();
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (s.startsWith(delimiter, i)) {
                return Math.min(to, i + delimiter.length());
            } else {
                i++;
            }
        }
        return from + 1;
    }

    /** The index of the brace closing the one at {@code open}, or -1. */
    private static int closing(String s, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int i, int to) {
        while (i < to && s.charAt(i) == ' ') i++;
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
