package dev.paperboy.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Search parameters as they arrive from a form, the JSON API or the command line (all text, any may be
 * null), validated into a {@link SearchRequest} or a problem to show as HTTP 400. {@code saves} holds the
 * values of a repeatable parameter, each a comma-separated list of lens resources ({@code -money} excludes).
 */
public record SearchForm(String q, String cat, String since, String until, String mode, String order,
        String offset, String limit, List<String> saves) {

    public static final int DEFAULT_LIMIT = 20;
    /** The most {@code saves} values read from one form. */
    static final int MAX_SAVES_VALUES = 32;

    public SearchForm {
        saves = saves == null ? List.of() : saves.stream().filter(v -> v != null).toList();
    }

    /** A form without lens filters. */
    public SearchForm(String q, String cat, String since, String until, String mode, String order, String offset,
            String limit) {
        this(q, cat, since, until, mode, order, offset, limit, List.of());
    }

    /** The outcome of validation. */
    public sealed interface Validated permits Valid, Invalid {}

    public record Valid(SearchRequest request) implements Validated {}

    public record Invalid(String message) implements Validated {}

    /** Just a query string, with defaults for everything else. */
    public static SearchForm of(String q) {
        return new SearchForm(q, null, null, null, null, null, null, null);
    }

    /** This form with other {@code saves} values. */
    public SearchForm withSaves(List<String> values) {
        return new SearchForm(q, cat, since, until, mode, order, offset, limit, values);
    }

    public Validated validate() {
        SearchQuery.Parsed parsed = SearchQuery.parse(q);
        if (parsed instanceof SearchQuery.Invalid(String message)) return new Invalid(message);
        SearchQuery query = ((SearchQuery.Ok) parsed).query();

        Optional<SearchMode> m = SearchMode.parse(mode);
        if (!blank(mode) && m.isEmpty()) return new Invalid("mode must be bm25, dense or hybrid");
        Optional<SearchOrder> o = SearchOrder.parse(order);
        if (!blank(order) && o.isEmpty()) return new Invalid("order must be relevance or date");
        Integer off = integer(offset, 0);
        if (off == null || off < 0) return new Invalid("offset must be a whole number >= 0");
        Integer lim = integer(limit, DEFAULT_LIMIT);
        if (lim == null || lim < 1 || lim > SearchRequest.MAX_LIMIT) {
            return new Invalid("limit must be a whole number from 1 to " + SearchRequest.MAX_LIMIT);
        }
        if (off + lim > SearchRequest.MAX_DEPTH) {
            return new Invalid("offset + limit must not exceed " + SearchRequest.MAX_DEPTH);
        }

        List<String> cats = new ArrayList<>(query.categories());
        List<String> catsExcluded = new ArrayList<>(query.categoriesExcluded());
        if (!blank(cat)) {
            if (cat.length() > 200) return new Invalid("cat is too long");
            for (String c : cat.split(",")) {
                String name = c.strip();
                // "-cs.CV" excludes, as -cat: does in the query.
                if (name.startsWith("-") && name.length() > 1) catsExcluded.add(name.substring(1).strip());
                else if (!name.isEmpty() && !name.equals("-")) cats.add(name);
            }
        }
        LocalDate from = query.since();
        if (!blank(since)) {
            Optional<LocalDate> d = SearchQuery.date(since.strip(), false);
            if (d.isEmpty()) return new Invalid("since must be YYYY, YYYY-MM or YYYY-MM-DD");
            from = d.get();
        }
        LocalDate to = query.until();
        if (!blank(until)) {
            Optional<LocalDate> d = SearchQuery.date(until.strip(), true);
            if (d.isEmpty()) return new Invalid("until must be YYYY, YYYY-MM or YYYY-MM-DD");
            to = d.get();
        }
        if (from != null && to != null && from.isAfter(to)) return new Invalid("since is after until");
        List<String> required = new ArrayList<>(query.saves());
        List<String> excludedSaves = new ArrayList<>(query.savesExcluded());
        if (saves.size() > MAX_SAVES_VALUES) return new Invalid("saves is given too many times");
        for (String value : saves) {
            if (value.length() > 200) return new Invalid("saves is too long");
            for (String part : value.split(",")) {
                String r = part.strip();
                boolean exclude = r.startsWith("-");
                String problem = SearchQuery.addResources(exclude ? r.substring(1) : r, exclude ? excludedSaves : required);
                if (problem != null) return new Invalid(problem);
            }
        }
        SearchQuery merged = new SearchQuery(query.text(), query.words(), query.phrases(), query.excluded(),
                query.authors(), cats, from, to, query.arxivId(), required, excludedSaves, catsExcluded);
        return new Valid(new SearchRequest(merged, m.orElse(SearchMode.HYBRID), o.orElse(SearchOrder.RELEVANCE),
                off, lim));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer integer(String s, int fallback) {
        if (blank(s)) return fallback;
        String t = s.strip();
        if (t.length() > 9 || !t.matches("\\d+")) return null;
        return Integer.parseInt(t);
    }
}
