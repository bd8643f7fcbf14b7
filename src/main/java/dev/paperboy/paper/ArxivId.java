package dev.paperboy.paper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier: the base id ({@code 2403.12345}, {@code hep-th/9901001}) and a version
 * ({@code 0} when the text named none, which means "the latest known version").
 */
public record ArxivId(String base, int version) implements Comparable<ArxivId> {

    // YYMM.NNNN until 1412, YYMM.NNNNN from 1501 on.
    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4})\\.(\\d{4,5})(?:v(\\d{1,4}))?");
    // archive[.SUBJ]/YYMMNNN; the subject class is not part of the identity and is dropped.
    private static final Pattern OLD_STYLE =
            Pattern.compile("([a-z]+(?:-[a-z]+)?)(?:\\.[A-Za-z][A-Za-z-]{1,15})?/(\\d{7})(?:v(\\d{1,4}))?");
    // arXiv's pages (the host may be left out: "/pdf/2401.12345.pdf") and Hugging Face's paper pages, which use the id.
    private static final Pattern URL_PREFIX = Pattern.compile(
            "^(?:(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org)?/?(?:abs|pdf|html|api|format)/"
                    + "|^(?:https?://)?(?:www\\.)?(?:huggingface|hf)\\.co/papers/", Pattern.CASE_INSENSITIVE);

    public ArxivId {
        if (version < 0) throw new IllegalArgumentException("arXiv version must be >= 0: " + version);
    }

    /**
     * Parses the forms people paste: bare ids, {@code arXiv:} prefixes, abs/pdf/html URLs (with or without the host),
     * Hugging Face paper URLs, OAI identifiers; surrounding whitespace, queries, fragments and trailing slashes go.
     */
    public static Optional<ArxivId> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip();
        if (s.length() > 200) return Optional.empty();
        s = URL_PREFIX.matcher(s).replaceFirst("");
        if (s.regionMatches(true, 0, "oai:arXiv.org:", 0, 14)) s = s.substring(14);
        if (s.regionMatches(true, 0, "arxiv:", 0, 6)) s = s.substring(6).strip();
        int cut = indexOfAny(s, '?', '#');
        if (cut >= 0) s = s.substring(0, cut);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        if (s.regionMatches(true, s.length() - 4, ".pdf", 0, 4)) s = s.substring(0, s.length() - 4);

        Matcher m = NEW_STYLE.matcher(s);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(1).substring(2));
            boolean fiveDigits = m.group(2).length() == 5;
            int yymm = Integer.parseInt(m.group(1));
            // Four-digit numbers ran 0704–1412, five-digit ones from 1501.
            if (month < 1 || month > 12 || fiveDigits != (yymm >= 1501) || yymm < 704) return Optional.empty();
            return Optional.of(new ArxivId(m.group(1) + "." + m.group(2), version(m.group(3))));
        }
        m = OLD_STYLE.matcher(s);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2).substring(2, 4));
            if (month < 1 || month > 12) return Optional.empty();
            return Optional.of(new ArxivId(m.group(1).toLowerCase() + "/" + m.group(2), version(m.group(3))));
        }
        return Optional.empty();
    }

    /** True when the text looks like an arXiv id or URL, even if it is not a valid one. */
    public static boolean looksLikeId(String text) {
        return parse(text).isPresent();
    }

    public boolean hasVersion() {
        return version > 0;
    }

    public ArxivId withVersion(int v) {
        return new ArxivId(base, v);
    }

    /** The id as arXiv writes it: base plus {@code vN} when the version is known. */
    @Override
    public String toString() {
        return hasVersion() ? base + "v" + version : base;
    }

    @Override
    public int compareTo(ArxivId o) {
        int c = base.compareTo(o.base);
        return c != 0 ? c : Integer.compare(version, o.version);
    }

    private static int version(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a), j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
