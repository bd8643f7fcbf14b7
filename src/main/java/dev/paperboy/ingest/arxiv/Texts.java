package dev.paperboy.ingest.arxiv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Small text helpers shared by the arXiv parsers. */
final class Texts {
    private Texts() {}

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ARXIV_URL = Pattern.compile("https?://(?:www\\.|export\\.)?arxiv\\.org/[^\\s\"<>]*");

    /** Collapses arXiv's hard line breaks and runs of whitespace to single spaces and trims; null for blank. */
    static String collapse(String s) {
        if (s == null) return null;
        String c = WHITESPACE.matcher(s).replaceAll(" ").strip();
        return c.isEmpty() ? null : c;
    }

    /** True for http(s) links into arxiv.org, the only links Paperboy takes from arXiv responses. */
    static boolean isArxivUrl(String s) {
        return s != null && s.length() <= 500 && ARXIV_URL.matcher(s).matches();
    }

    /** A value short enough to quote in a reject reason. */
    static String quote(String s) {
        if (s == null) return "(none)";
        String c = WHITESPACE.matcher(s).replaceAll(" ").strip();
        return "\"" + (c.length() > 80 ? c.substring(0, 80) + "…" : c) + "\"";
    }

    /** An ISO date-time with offset ({@code 2012-01-23T21:15:02Z}, {@code 2016-10-09T00:00:00-04:00}). */
    static Instant isoInstant(String s) throws DateTimeParseException {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s.strip(), Instant::from);
    }

    /** A plain date ({@code 2011-01-23}) as midnight UTC. */
    static Instant isoDate(String s) throws DateTimeParseException {
        return LocalDate.parse(s.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A date or a date-time, as OAI-PMH and Dublin Core write them. */
    static Instant dateOrDateTime(String s) throws DateTimeParseException {
        String t = s.strip();
        return t.length() <= 10 ? isoDate(t) : isoInstant(t);
    }

    /** An RFC 1123 date as arXivRaw writes version dates ({@code Fri, 8 Feb 2013 21:00:01 GMT}). */
    static Instant rfc1123(String s) throws DateTimeParseException {
        return DateTimeFormatter.RFC_1123_DATE_TIME.parse(WHITESPACE.matcher(s).replaceAll(" ").strip(), Instant::from);
    }
}
