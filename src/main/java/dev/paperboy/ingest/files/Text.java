package dev.paperboy.ingest.files;

import java.util.regex.Pattern;

/** Whitespace clean-up shared by the file parsers, so every source stores text the same way. */
public final class Text {
    private Text() {}

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

    /** The text on one line with runs of whitespace collapsed; null when null or blank. */
    public static String oneLine(String s) {
        if (s == null) return null;
        String out = SPACES.matcher(s).replaceAll(" ").strip();
        return out.isEmpty() ? null : out;
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
