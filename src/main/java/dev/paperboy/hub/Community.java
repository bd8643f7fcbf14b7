package dev.paperboy.hub;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What lists read of this instance's community, in one batch per list: its own votes and comments per paper, and
 * which papers the moderators hid (left out of every list). {@link #NONE} counts nothing and hides nothing.
 */
public interface Community {

    /** A paper's votes and comments here. */
    record Counts(int votes, int comments) {
        public static final Counts ZERO = new Counts(0, 0);
    }

    /** The counts of these papers; papers nobody voted on or commented may be absent. */
    Map<String, Counts> counts(Collection<String> paperIds);

    /** Which of these papers moderators hid; lists, feeds and search results leave them out. */
    default Set<String> hiddenAmong(Collection<String> paperIds) {
        return Set.of();
    }

    default boolean isHidden(String paperId) {
        return !hiddenAmong(List.of(paperId)).isEmpty();
    }

    /** No community: every paper has 0 votes and 0 comments here, and none is hidden. */
    Community NONE = ids -> Map.of();
}
