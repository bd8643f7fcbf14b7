package dev.paperboy.cite;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stored text (plain Unicode with {@code $…$} math kept from arXiv's TeX) as the value of a braced BibTeX field.
 * Unicode is kept as it is (BibTeX copies UTF-8 bytes through; biber and LaTeX read them). Outside math every
 * character TeX or BibTeX would act on is escaped, so the text reads as written; math is kept verbatim when its
 * braces balance and it names no command that reads or writes files or defines macros. The result always has
 * balanced braces, so no text can close the field or start another entry.
 */
final class TexText {
    private TexText() {}

    // $$…$$, $…$ and \(…\) with no dollar or newline inside; the text is squeezed to one line first.
    private static final Pattern MATH = Pattern.compile("\\$\\$[^$]+\\$\\$|\\$[^$]+\\$|\\\\\\((?:(?!\\\\\\)).)+\\\\\\)");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z@]+)");
    // Commands that touch files, the shell or catcodes, or define macros: math naming one is escaped as text.
    private static final Set<String> UNSAFE = Set.of("input", "include", "includeonly", "write", "immediate",
            "openout", "openin", "read", "readline", "closeout", "closein", "catcode", "def", "edef", "gdef", "xdef",
            "let", "futurelet", "csname", "endcsname", "expandafter", "newcommand", "renewcommand",
            "providecommand", "special", "usepackage", "documentclass", "begin", "end", "directlua", "makeatletter",
            "makeatother", "loop", "repeat", "jobname", "shipout", "output", "everypar", "everymath", "uppercase",
            "lowercase", "scantokens", "detokenize", "string", "char", "url", "href", "verb");

    /** The text escaped for a braced BibTeX field value. */
    static String field(String text) {
        String s = squeeze(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        Matcher m = MATH.matcher(s);
        int at = 0;
        while (m.find()) {
            escapeText(s.substring(at, m.start()), out);
            String math = m.group();
            if (safeMath(math)) out.append(escapeInMath(math));
            else escapeText(math, out);
            at = m.end();
        }
        escapeText(s.substring(at), out);
        return out.toString();
    }

    /** All whitespace runs, line breaks included, as one space; control characters dropped. */
    static String squeeze(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (space) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean safeMath(String math) {
        int depth = 0;
        for (int i = 0; i < math.length(); i++) {
            char c = math.charAt(i);
            if (c == '\\' && i + 1 < math.length() && (math.charAt(i + 1) == '{' || math.charAt(i + 1) == '}')) {
                i++; // \{ and \} are braces to BibTeX too, so they still count
                depth += math.charAt(i) == '{' ? 1 : -1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (depth < 0) return false;
        }
        if (depth != 0) return false;
        Matcher m = COMMAND.matcher(math);
        while (m.find()) {
            if (UNSAFE.contains(m.group(1).toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }

    // In math, % would comment out the rest of the line (and the field's closing brace with it in a .bbl).
    private static String escapeInMath(String math) {
        StringBuilder sb = new StringBuilder(math.length() + 4);
        for (int i = 0; i < math.length(); i++) {
            char c = math.charAt(i);
            boolean escaped = i > 0 && math.charAt(i - 1) == '\\';
            if ((c == '%' || c == '#' || c == '&') && !escaped) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static void escapeText(String s, StringBuilder out) {
        boolean[] paired = pairedBraces(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{' -> out.append(paired[i] ? "\\{" : "\\textbraceleft{}");
                case '}' -> out.append(paired[i] ? "\\}" : "\\textbraceright{}");
                case '&', '%', '#', '_', '$' -> out.append('\\').append(c);
                case '^' -> out.append("\\^{}");
                case '~' -> out.append("\\~{}");
                default -> out.append(c);
            }
        }
    }

    /** Which braces of {@code s} have a partner: those escape as \{ \}, which BibTeX counts as a pair. */
    private static boolean[] pairedBraces(String s) {
        boolean[] paired = new boolean[s.length()];
        int[] open = new int[s.length()];
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                open[depth++] = i;
            } else if (c == '}' && depth > 0) {
                paired[i] = true;
                paired[open[--depth]] = true;
            }
        }
        return paired;
    }
}
