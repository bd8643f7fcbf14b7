package dev.paperboy.search;

import dev.paperboy.lens.Lens;
import dev.paperboy.paper.ArxivId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What someone typed into the search box, parsed: plain words score, {@code "phrases"} and {@code -word}
 * constrain, {@code author:}, {@code cat:} ({@code -cat:} to exclude), {@code since:}, {@code until:} and
 * {@code saves:} (budget-lens resources, {@code -saves:} to exclude) filter. Never built from
 * Lucene syntax: the words are analysed as text, so no user character reaches a query parser.
 */
public record SearchQuery(
        String text,
        List<String> words,
        List<String> phrases,
        List<String> excluded,
        List<String> authors,
        List<String> categories,
        LocalDate since,
        LocalDate until,
        Optional<ArxivId> arxivId,
        List<String> saves,
        List<String> savesExcluded,
        List<String> categoriesExcluded) {

    /** The longest query accepted, in characters. */
    public static final int MAX_CHARS = 1_000;
    /** The most words, phrases and operators in one query. */
    public static final int MAX_TERMS = 64;

    public SearchQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        arxivId = arxivId == null ? Optional.empty() : arxivId;
        saves = saves == null ? List.of() : List.copyOf(saves);
        savesExcluded = savesExcluded == null ? List.of() : List.copyOf(savesExcluded);
        categoriesExcluded = categoriesExcluded == null ? List.of() : List.copyOf(categoriesExcluded);
    }

    /** A query without category exclusions (the shape before {@code -cat:} existed). */
    public SearchQuery(String text, List<String> words, List<String> phrases, List<String> excluded,
            List<String> authors, List<String> categories, LocalDate since, LocalDate until,
            Optional<ArxivId> arxivId, List<String> saves, List<String> savesExcluded) {
        this(text, words, phrases, excluded, authors, categories, since, until, arxivId, saves, savesExcluded,
                List.of());
    }

    /** A query without lens filters (the shape before {@code saves:} existed). */
    public SearchQuery(String text, List<String> words, List<String> phrases, List<String> excluded,
            List<String> authors, List<String> categories, LocalDate since, LocalDate until,
            Optional<ArxivId> arxivId) {
        this(text, words, phrases, excluded, authors, categories, since, until, arxivId, List.of(), List.of());
    }

    /** This query with other lens filters. */
    public SearchQuery withSaves(List<String> required, List<String> excludedResources) {
        return new SearchQuery(text, words, phrases, excluded, authors, categories, since, until, arxivId,
                required, excludedResources, categoriesExcluded);
    }

    /** The outcome of parsing: a query, or a problem to show the person (HTTP 400). */
    public sealed interface Parsed permits Ok, Invalid {}

    public record Ok(SearchQuery query) implements Parsed {}

    public record Invalid(String message) implements Parsed {}

    /** A query of plain words only, with no operators: how evaluation sends benchmark queries. */
    public static SearchQuery ofWords(String text) {
        return new SearchQuery(text, List.of(text), List.of(), List.of(), List.of(), List.of(), null, null,
                Optional.empty());
    }

    /** True when nothing scores the results: only filters (or nothing at all) were given. */
    public boolean filtersOnly() {
        return words.stream().allMatch(String::isBlank) && phrases.isEmpty();
    }

    /**
     * True when some word or phrase has a letter or a digit. Text without any ({@code *}, {@code ~~~}, an
     * emoji) can only match arbitrary papers (the semantic leg finds neighbours of anything), so a query
     * whose text is all such finds nothing; filters alone still list papers.
     */
    public boolean searchable() {
        for (String w : words) if (w.codePoints().anyMatch(Character::isLetterOrDigit)) return true;
        for (String p : phrases) if (p.codePoints().anyMatch(Character::isLetterOrDigit)) return true;
        return false;
    }

    /** The words and phrases joined: the text the semantic leg embeds. */
    public String semanticText() {
        List<String> parts = new ArrayList<>(words);
        parts.addAll(phrases);
        return String.join(" ", parts).strip();
    }

    /** Parses a query; never throws. */
    public static Parsed parse(String input) {
        String s = input == null ? "" : input.strip();
        if (s.length() > MAX_CHARS) {
            return new Invalid("query is " + s.length() + " characters long; the limit is " + MAX_CHARS);
        }
        Optional<ArxivId> id = arxivId(s);
        if (id.isPresent()) {
            return new Ok(new SearchQuery(s, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, id));
        }
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> saves = new ArrayList<>();
        List<String> savesExcluded = new ArrayList<>();
        List<String> categoriesExcluded = new ArrayList<>();
        LocalDate since = null;
        LocalDate until = null;
        int terms = 0;

        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negate = c == '-' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1));
            if (negate) i++;
            Token t = readToken(s, i);
            i = t.end();
            if (++terms > MAX_TERMS) return new Invalid("query has more than " + MAX_TERMS + " terms");
            String value = t.value().strip();
            if (value.isEmpty()) continue;
            if (t.quoted()) {
                (negate ? excluded : phrases).add(value);
                continue;
            }
            String key = t.key() == null ? null : t.key().toLowerCase(Locale.ROOT);
            if ("saves".equals(key)) {
                String problem = addResources(value, negate ? savesExcluded : saves);
                if (problem != null) return new Invalid(problem);
                continue;
            }
            if (negate && ("cat".equals(key) || "category".equals(key))) {
                for (String cat : value.split(",")) if (!cat.isBlank()) categoriesExcluded.add(cat.strip());
                continue;
            }
            if (key == null || negate) {
                // "-author:x" and unknown "key:value" are read as text rather than rejected.
                String text = t.key() == null ? value : t.key() + ":" + value;
                (negate ? excluded : words).add(text);
                continue;
            }
            switch (key) {
                case "author", "au" -> authors.add(value);
                case "cat", "category" -> {
                    for (String cat : value.split(",")) if (!cat.isBlank()) categories.add(cat.strip());
                }
                case "since", "from" -> {
                    Optional<LocalDate> d = date(value, false);
                    if (d.isEmpty()) return new Invalid(badDate(key, value));
                    since = d.get();
                }
                case "until", "to" -> {
                    Optional<LocalDate> d = date(value, true);
                    if (d.isEmpty()) return new Invalid(badDate(key, value));
                    until = d.get();
                }
                default -> words.add(t.key() + ":" + value);
            }
        }
        if (since != null && until != null && since.isAfter(until)) {
            return new Invalid("since: " + since + " is after until: " + until);
        }
        return new Ok(new SearchQuery(s, words, phrases, excluded, authors, categories, since, until, Optional.empty(),
                saves, savesExcluded, categoriesExcluded));
    }

    /**
     * Adds the comma-separated lens resources in {@code value} to {@code into} (lower case, each once);
     * returns a message naming the vocabulary when one is unknown, else null.
     */
    static String addResources(String value, List<String> into) {
        for (String part : value.split(",")) {
            String r = part.strip().toLowerCase(Locale.ROOT);
            if (r.isEmpty()) continue;
            if (!Lens.RESOURCES.contains(r)) {
                String shown = r.length() > 40 ? r.substring(0, 40) + "…" : r;
                return "saves: unknown resource \"" + shown + "\"; use one of " + String.join(", ", Lens.RESOURCES);
            }
            if (!into.contains(r)) into.add(r);
        }
        return null;
    }

    private static Optional<ArxivId> arxivId(String s) {
        try {
            return ArxivId.parse(s);
        } catch (IllegalArgumentException e) {
            // ArxivId.parse throws on absurd versions ("v99999"); such text is not an id to go to.
            return Optional.empty();
        }
    }

    /** One token: {@code word}, {@code "a phrase"}, {@code key:value} or {@code key:"a value"}. */
    private record Token(String key, String value, boolean quoted, int end) {}

    private static Token readToken(String s, int start) {
        if (s.charAt(start) == '"') {
            int close = s.indexOf('"', start + 1);
            // An unbalanced quote runs to the end of the query rather than failing it.
            int end = close < 0 ? s.length() : close;
            return new Token(null, s.substring(start + 1, end), true, Math.min(s.length(), end + 1));
        }
        int i = start;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ':' && s.charAt(i) != '"') i++;
        if (i < s.length() && s.charAt(i) == ':' && i > start && i + 1 < s.length()
                && !Character.isWhitespace(s.charAt(i + 1))) {
            String key = s.substring(start, i);
            if (s.charAt(i + 1) == '"') {
                Token v = readToken(s, i + 1);
                return new Token(key, v.value(), false, v.end());
            }
            int j = i + 1;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j))) j++;
            return new Token(key, s.substring(i + 1, j), false, j);
        }
        int j = start;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j))) j++;
        return new Token(null, s.substring(start, j), false, j);
    }

    private static String badDate(String key, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return key + ": expects YYYY, YYYY-MM or YYYY-MM-DD, not \"" + shown + "\"";
    }

    /** A date from YYYY, YYYY-MM or YYYY-MM-DD; {@code end} picks the last day of a year or month. */
    static Optional<LocalDate> date(String value, boolean end) {
        try {
            if (value.matches("\\d{4}")) {
                int y = Integer.parseInt(value);
                return Optional.of(end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1));
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(value);
                return Optional.of(end ? ym.atEndOfMonth() : ym.atDay(1));
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
