package dev.paperboy.community.jdbi;

import org.jdbi.v3.core.Handle;

/** The per-paper counters in {@code paper_counts}, changed only inside the transaction that changes what they count. */
final class Counters {
    private Counters() {}

    /** Adds to a paper's counts (negative to subtract); one atomic statement, so concurrent changes all land. */
    static void add(Handle h, String paperId, int votes, int comments) {
        if (votes == 0 && comments == 0) return;
        h.createUpdate("""
                INSERT INTO paper_counts (paper_id, votes, comments) VALUES (:paper, :votes, :comments)
                ON CONFLICT (paper_id) DO UPDATE SET
                    votes = paper_counts.votes + excluded.votes,
                    comments = paper_counts.comments + excluded.comments
                """)
                .bind("paper", paperId)
                .bind("votes", votes)
                .bind("comments", comments)
                .execute();
    }

    static int votes(Handle h, String paperId) {
        return h.createQuery("SELECT votes FROM paper_counts WHERE paper_id = :paper").bind("paper", paperId)
                .mapTo(Integer.class).findOne().orElse(0);
    }
}
