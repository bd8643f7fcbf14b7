package dev.paperboy.community.jdbi;

import dev.paperboy.account.User;
import dev.paperboy.community.Comment;
import dev.paperboy.community.CommentStore.Deletion;
import dev.paperboy.db.Database.Dialect;
import dev.paperboy.db.SqlCalls;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Comment rows and the one way a comment goes, shared by the comment store, moderation and account deletion.
 * Lock order on PostgreSQL, everywhere: the acting user's row, then a thread's top-level comment, then a reply.
 */
final class Threads {
    private Threads() {}

    static final String COLUMNS = "c.id, c.paper_id, c.user_id, c.parent_id, c.body, c.created_at, c.edited_at,"
            + " c.is_deleted, c.is_hidden, u.display_name";
    static final String FROM = " FROM comments c LEFT JOIN users u ON u.id = c.user_id";

    /** The stored state a write decides on. */
    record Row(long id, String paperId, Optional<Long> userId, Optional<Long> parentId, boolean deleted,
            boolean hidden) {
        /** Whether the paper's comment counter counts it. */
        boolean counted() {
            return !deleted && !hidden;
        }

        /** The id of its thread's top-level comment. */
        long top() {
            return parentId.orElse(id);
        }
    }

    /** The comment's row, unlocked (to learn its thread before locking in order), or locked with {@code lock}. */
    static Optional<Row> row(Handle h, long id, String lock) {
        return h.createQuery("SELECT id, paper_id, user_id, parent_id, is_deleted, is_hidden FROM comments WHERE id = :id"
                        + lock)
                .bind("id", id)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("paper_id"), SqlCalls.optionalLong(rs, "user_id"),
                        SqlCalls.optionalLong(rs, "parent_id"), rs.getBoolean("is_deleted"), rs.getBoolean("is_hidden")))
                .findOne();
    }

    /**
     * Locks the comment for a change: first its thread's top-level comment, then the comment itself (when a reply),
     * and returns its current row; empty when it is gone.
     */
    static Optional<Row> lockForChange(Handle h, Dialect d, long id) {
        Optional<Row> seen = row(h, id, "");
        if (seen.isEmpty()) return seen;
        Optional<Row> top = row(h, seen.get().top(), Rows.forUpdate(d));
        if (seen.get().parentId().isEmpty()) return top;
        return row(h, id, Rows.forUpdate(d));
    }

    static boolean hasReplies(Handle h, long id) {
        return h.createQuery("SELECT 1 FROM comments WHERE parent_id = :id LIMIT 1").bind("id", id).mapTo(Integer.class)
                .findOne().isPresent();
    }

    /**
     * Deletes a locked comment: a top-level comment with replies becomes an empty placeholder (without its author
     * too when {@code anonymise}), anything else is removed, and a placeholder left without replies goes with its
     * last reply. The paper's counter loses the comment when it counted.
     */
    static Deletion remove(Handle h, Row row, boolean anonymise) {
        if (row.counted()) Counters.add(h, row.paperId(), 0, -1);
        if (row.parentId().isEmpty() && hasReplies(h, row.id())) {
            h.createUpdate("UPDATE comments SET body = '', is_deleted = TRUE"
                            + (anonymise ? ", user_id = NULL" : "") + " WHERE id = :id")
                    .bind("id", row.id())
                    .execute();
            return Deletion.PLACEHOLDER;
        }
        h.createUpdate("DELETE FROM comments WHERE id = :id").bind("id", row.id()).execute();
        row.parentId().ifPresent(parent -> h.createUpdate("""
                        DELETE FROM comments WHERE id = :parent AND is_deleted = TRUE
                          AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = :parent)
                        """)
                .bind("parent", parent)
                .execute());
        return Deletion.REMOVED;
    }

    static Comment comment(ResultSet rs) throws SQLException {
        Optional<Long> author = SqlCalls.optionalLong(rs, "user_id");
        String displayName = rs.getString("display_name");
        return new Comment(rs.getLong("id"), rs.getString("paper_id"), author,
                author.map(id -> User.publicName(id, displayName)), SqlCalls.optionalLong(rs, "parent_id"),
                rs.getString("body"), Instant.ofEpochMilli(rs.getLong("created_at")), SqlCalls.instant(rs, "edited_at"),
                rs.getBoolean("is_deleted"), rs.getBoolean("is_hidden"));
    }

    static Optional<Comment> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE c.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> comment(rs))
                .findOne();
    }
}
