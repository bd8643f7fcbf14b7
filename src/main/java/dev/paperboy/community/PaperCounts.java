package dev.paperboy.community;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * This instance's votes and visible comments per paper, read from counters kept in step with every vote and
 * comment (never counted per card), in one query for a whole list.
 */
public interface PaperCounts {

    /** A paper's votes and visible comments (neither deleted nor hidden) here. */
    record Counts(int votes, int comments) {
        public static final Counts ZERO = new Counts(0, 0);
    }

    /** The counts of these papers; papers nobody voted on or commented are absent (read them as {@link Counts#ZERO}). */
    Map<String, Counts> counts(Collection<String> paperIds);

    default Counts of(String paperId) {
        return counts(List.of(paperId)).getOrDefault(paperId, Counts.ZERO);
    }
}
