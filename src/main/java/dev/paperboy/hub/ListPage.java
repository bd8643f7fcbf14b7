package dev.paperboy.hub;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list of papers, independent of how it is rendered (HTML, JSON, Atom): what it is ({@code kind},
 * {@code title}, the {@code period} or {@code category} it covers), the cards of this page in order, how many
 * papers the whole list has, the sort and filter that made it, and where to go next. {@code empty} explains a list
 * without papers ("No papers were featured on …"), with {@code nearest} the closest list that has some.
 * Links are site paths; the filter and sort are not in them (the renderer adds its own parameters).
 */
public record ListPage(Kind kind, String title, Optional<Period> period, Optional<String> category, List<Card> cards,
        int total, Sort sort, CategoryFilter filter, int page, int pages, Optional<Link> previous, Optional<Link> next,
        Optional<Link> more, Optional<String> empty, Optional<Link> nearest) {

    /** What a list is. */
    public enum Kind { DAY, WEEK, MONTH, TRENDING, CATEGORY, AUTHOR, NEWEST }

    /** A link to another list: words for people, a site path (possibly with its own query, e.g. {@code ?day=}). */
    public record Link(String label, String path) {}

    public ListPage {
        cards = List.copyOf(cards);
    }
}
