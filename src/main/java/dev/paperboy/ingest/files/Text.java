package dev.paperboy.ingest.files;

/** Whitespace clean-up shared by the file parsers, so every source stores text the same way. */
public final class Text {
    private Text() {}

    /** The text on one line with runs of whitespace collapsed; null when null or blank. */
    public static String oneLine(String s) {
        if (s == null) return null;
        // Loops, not regexes: this runs on every field of every imported record (a quarter of an import's CPU).
        StringBuilder out = null;
        int n = s.length(), copied = 0; // s[0, copied) is in out
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) continue;
            int end = i + 1;
            while (end < n && isSpace(s.charAt(end))) end++;
            if (c != ' ' || end > i + 1) { // anything but one plain space gets rewritten
                if (out == null) out = new StringBuilder(n);
                out.append(s, copied, i).append(' ');
                copied = end;
            }
            i = end - 1;
        }
        String collapsed = (out == null ? s : out.append(s, copied, n).toString()).strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /**
     * Unwraps hard line breaks (arXiv wraps abstracts at ~80 columns) but keeps blank-line paragraph
     * breaks as one empty line; null when null or blank.
     */
    public static String paragraphs(String s) {
        if (s == null) return null;
        String t = (s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n')).strip();
        StringBuilder out = new StringBuilder(t.length());
        int n = t.length(), start = 0;
        for (int i = t.indexOf('\n'); i >= 0; ) {
            // A break is a line feed, blanks, another line feed, then any whitespace.
            int j = i + 1;
            while (j < n && isSpace(t.charAt(j)) && t.charAt(j) != '\n') j++;
            if (j < n && t.charAt(j) == '\n') {
                appendParagraph(out, t.substring(start, i));
                start = j + 1;
                while (start < n && isSpace(t.charAt(start))) start++;
                i = t.indexOf('\n', start);
            } else {
                i = t.indexOf('\n', i + 1);
            }
        }
        appendParagraph(out, t.substring(start));
        return out.isEmpty() ? null : out.toString();
    }

    private static void appendParagraph(StringBuilder out, String paragraph) {
        String line = oneLine(paragraph);
        if (line == null) return;
        if (!out.isEmpty()) out.append("\n\n");
        out.append(line);
    }

    /** What {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** The URL when it is an http(s) link of sane length; anything else (javascript:, junk) is dropped. */
    public static String webLink(String url) {
        if (url == null) return null;
        String u = url.strip();
        boolean web = u.regionMatches(true, 0, "https://", 0, 8) || u.regionMatches(true, 0, "http://", 0, 7);
        return web && u.length() <= 2_000 && u.chars().noneMatch(Character::isWhitespace) ? u : null;
    }
}
