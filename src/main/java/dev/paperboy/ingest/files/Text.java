package dev.paperboy.ingest.files;

import java.util.regex.Pattern;

/** Whitespace clean-up shared by the file parsers, so every source stores text the same way. */
public final class Text {
    private Text() {}

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

    /** The text on one line with runs of whitespace collapsed; null when null or blank. */
    public static String oneLine(String s) {
        if (s == null) return null;
        // A loop, not a regex: this runs on every field of every imported record (a tenth of an import's CPU).
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                if (out != null) out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < n && isSpace(s.charAt(end))) end++;
            if (c != ' ' || end > i + 1) { // anything but one plain space gets rewritten
                if (out == null) out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) out.append(' ');
            i = end - 1;
        }
        String collapsed = (out == null ? s : out.toString()).strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** What {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * Unwraps hard line breaks (arXiv wraps abstracts at ~80 columns) but keeps blank-line paragraph
     * breaks as one empty line; null when null or blank.
     */
    public static String paragraphs(String s) {
        if (s == null) return null;
        String normalised = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        for (String para : PARAGRAPH_BREAK.split(normalised.strip())) {
            String line = oneLine(para);
            if (line == null) continue;
            if (!out.isEmpty()) out.append("\n\n");
            out.append(line);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The URL when it is an http(s) link of sane length; anything else (javascript:, junk) is dropped. */
    public static String webLink(String url) {
        if (url == null) return null;
        String u = url.strip();
        boolean web = u.regionMatches(true, 0, "https://", 0, 8) || u.regionMatches(true, 0, "http://", 0, 7);
        return web && u.length() <= 2_000 && u.chars().noneMatch(Character::isWhitespace) ? u : null;
    }
}
