package dev.paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Which papers a listing shows. {@code categories}: any of them (empty: every category); a name with a
 * dot is one category ({@code cs.LG}), one without is an archive ({@code cs}, {@code hep-th}) and matches
 * all its categories; names are case-sensitive, as arXiv writes them, and aliases count as their canonical
 * name. {@code excluded}: none of these, same forms. {@code from}/{@code to}: published on these UTC days,
 * both inclusive, open when empty. Only dated papers are listed.
 */
public record PaperQuery(List<String> categories, List<String> excluded, Optional<LocalDate> from,
        Optional<LocalDate> to) {

    /** Every dated paper. */
    public static final PaperQuery ALL = new PaperQuery(List.of(), List.of(), Optional.empty(), Optional.empty());

    public PaperQuery {
        categories = Categories.canonical(categories);
        excluded = Categories.canonical(excluded);
    }

    /** This query limited to papers in any of these categories or archives. */
    public PaperQuery in(String... categories) {
        return new PaperQuery(List.of(categories), excluded, from, to);
    }

    /** This query without papers in any of these categories or archives. */
    public PaperQuery excluding(String... categories) {
        return new PaperQuery(this.categories, List.of(categories), from, to);
    }

    /** This query limited to papers published from {@code from} to {@code to}, both inclusive. */
    public PaperQuery between(LocalDate from, LocalDate to) {
        return new PaperQuery(categories, excluded, Optional.of(from), Optional.of(to));
    }

    /** The first instant listed, when bounded. */
    public Optional<Instant> fromInstant() {
        return from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The first instant after the range, when bounded. */
    public Optional<Instant> untilInstant() {
        return to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether the paper is listed (the reference for every store's SQL). */
    public boolean matches(Paper p) {
        Instant t = p.published();
        if (t == null) return false;
        if (fromInstant().isPresent() && t.isBefore(fromInstant().get())) return false;
        if (untilInstant().isPresent() && !t.isBefore(untilInstant().get())) return false;
        if (!categories.isEmpty() && !anyIn(p.categories(), categories)) return false;
        return !anyIn(p.categories(), excluded);
    }

    private static boolean anyIn(List<String> paperCategories, List<String> names) {
        for (String c : paperCategories) {
            if (names.contains(c) || names.contains(Categories.archive(c))) return true;
        }
        return false;
    }
}
