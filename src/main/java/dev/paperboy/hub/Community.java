package dev.paperboy.hub;

import java.util.Collection;
import java.util.Map;

/**
 * This instance's own votes and comments, per paper, read in one batch for a whole list. Accounts, votes and
 * comments arrive with the next issue; until then {@link #NONE} counts nothing.
 */
public interface Community {

    /** A paper's votes and comments here. */
    record Counts(int votes, int comments) {
        public static final Counts ZERO = new Counts(0, 0);
    }

    /** The counts of these papers; papers nobody voted on or commented may be absent. */
    Map<String, Counts> counts(Collection<String> paperIds);

    /** No community yet: every paper has 0 votes and 0 comments here. */
    Community NONE = ids -> Map.of();
}
