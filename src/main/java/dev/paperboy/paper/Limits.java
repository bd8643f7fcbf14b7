package dev.paperboy.paper;

import java.util.ArrayList;
import java.util.List;

/** Sanity limits for one record; a record beyond them is rejected whole, never truncated. */
public final class Limits {
    private Limits() {}

    public static final int TITLE_CHARS = 2_000;
    public static final int ABSTRACT_CHARS = 60_000;
    public static final int AUTHORS = 5_000;
    public static final int AUTHOR_NAME_CHARS = 500;
    public static final int AFFILIATION_CHARS = 1_000;
    public static final int CATEGORIES = 50;
    public static final int SHORT_FIELD_CHARS = 5_000;
    public static final int KEYWORDS = 200;

    /** The reasons this record breaks a limit or lacks what every paper needs; empty when it is fine. */
    public static List<String> problems(Paper p) {
        List<String> out = new ArrayList<>();
        if (p.id().isBlank()) out.add("missing id");
        if (p.title().isBlank()) out.add("missing title");
        tooLong(out, "title", p.title(), TITLE_CHARS);
        tooLong(out, "abstract", p.abstractText(), ABSTRACT_CHARS);
        if (p.authors().size() > AUTHORS) out.add("too many authors: " + p.authors().size() + " > " + AUTHORS);
        for (Author a : p.authors()) {
            if (a.name().length() > AUTHOR_NAME_CHARS) {
                out.add("author name longer than " + AUTHOR_NAME_CHARS + " characters");
                break;
            }
            if (a.affiliations().stream().anyMatch(s -> s.length() > AFFILIATION_CHARS)) {
                out.add("affiliation longer than " + AFFILIATION_CHARS + " characters");
                break;
            }
        }
        if (p.categories().size() > CATEGORIES) out.add("too many categories: " + p.categories().size());
        if (p.keywords().size() > KEYWORDS) out.add("too many keywords: " + p.keywords().size());
        tooLong(out, "doi", p.doi(), SHORT_FIELD_CHARS);
        tooLong(out, "journal ref", p.journalRef(), SHORT_FIELD_CHARS);
        tooLong(out, "comments", p.comments(), SHORT_FIELD_CHARS);
        tooLong(out, "license", p.license(), SHORT_FIELD_CHARS);
        return out;
    }

    private static void tooLong(List<String> out, String field, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(field + " is " + value.length() + " characters (limit " + max + ")");
        }
    }
}
