package dev.paperboy.hub;

import dev.paperboy.paper.Categories;
import dev.paperboy.paper.PaperQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list's category filter, from {@code ?cat=cs.LG,cs.CL,-cs.CV}: papers in any of {@code included} (all when it is
 * empty) and in none of {@code excluded}. A name with a dot is one category, one without an archive ({@code cs}).
 */
public record CategoryFilter(List<String> included, List<String> excluded) {

    public static final CategoryFilter NONE = new CategoryFilter(List.of(), List.of());
    /** At most this many names in one filter. */
    public static final int MAX_NAMES = 20;

    public CategoryFilter {
        included = Categories.canonical(included);
        excluded = Categories.canonical(excluded);
    }

    /** The outcome of parsing: a filter, or what is wrong with the parameter (for a 400 answer). */
    public sealed interface Parsed permits Ok, Invalid {}

    public record Ok(CategoryFilter filter) implements Parsed {}

    public record Invalid(String message) implements Parsed {}

    /** Parses the comma-separated names of {@code ?cat=}; a leading {@code -} excludes. Blank: no filter. */
    public static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) return new Ok(NONE);
        if (raw.length() > 400) return new Invalid("cat is too long");
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) continue;
            boolean exclude = name.startsWith("-");
            if (exclude) name = name.substring(1).strip();
            if (!Categories.isValid(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                return new Invalid("cat: \"" + shown + "\" is not an arXiv category or archive (like cs.LG or cs)");
            }
            (exclude ? out : in).add(name);
        }
        if (in.size() + out.size() > MAX_NAMES) return new Invalid("cat names more than " + MAX_NAMES + " categories");
        return new Ok(new CategoryFilter(in, out));
    }

    public boolean isEmpty() {
        return included.isEmpty() && excluded.isEmpty();
    }

    /** Whether a paper with these categories passes (the same rule as {@link PaperQuery#matches}). */
    public boolean matches(List<String> categories) {
        if (!included.isEmpty() && !anyIn(categories, included)) return false;
        return !anyIn(categories, excluded);
    }

    /** The filter as its parameter value, {@code cs.LG,-cs.CV}; empty when there is none. */
    public Optional<String> param() {
        if (isEmpty()) return Optional.empty();
        List<String> parts = new ArrayList<>(included);
        for (String x : excluded) parts.add("-" + x);
        return Optional.of(String.join(",", parts));
    }

    private static boolean anyIn(List<String> categories, List<String> names) {
        for (String c : Categories.canonical(categories)) {
            if (names.contains(c) || names.contains(Categories.archive(c))) return true;
        }
        return false;
    }
}
