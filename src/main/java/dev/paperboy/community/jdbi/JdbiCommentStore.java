package dev.paperboy.community.jdbi;

import dev.paperboy.community.Comment;
import dev.paperboy.community.CommentStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Comments in {@code comments} with the counters of {@code paper_counts} (migration V8). */
public final class JdbiCommentStore implements CommentStore {
    private final Jdbi jdbi;
    private final Database.Dialect dialect;
    private final Clock clock;

    public JdbiCommentStore(Database db, Clock clock) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.dialect = db.dialect();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome<Comment> add(long userId, String paperId, Optional<Long> replyTo, String body) {
        String text = Calls.text("comment", body, MAX_BODY, false);
        long now = clock.millis();
        return Calls.run("add a comment on " + paperId, () -> jdbi.inTransaction(h -> {
            if (Rows.activeUser(h, dialect, userId).isEmpty()) return Outcome.<Comment>refused(Refusal.BLOCKED);
            if (!Rows.paperExists(h, paperId)) return Outcome.<Comment>refused(Refusal.NOT_FOUND);
            Long parent = null;
            if (replyTo.isPresent()) {
                Optional<Threads.Row> target = Threads.row(h, replyTo.get(), "");
                if (target.isEmpty() || !target.get().paperId().equals(paperId)) {
                    return Outcome.<Comment>refused(Refusal.NOT_FOUND);
                }
                // One level of replies: a reply to a reply joins its thread. The thread's top-level comment stays
                // share-locked, so it cannot be deleted in between; a deleted or hidden one takes no replies.
                Optional<Threads.Row> top = Threads.row(h, target.get().top(), Rows.forShare(dialect));
                Optional<Threads.Row> again = target.get().parentId().isEmpty() ? top
                        : Threads.row(h, replyTo.get(), Rows.forShare(dialect));
                if (top.isEmpty() || !top.get().counted() || again.isEmpty() || !again.get().counted()) {
                    return Outcome.<Comment>refused(Refusal.NOT_FOUND);
                }
                parent = top.get().id();
            }
            long id = h.createQuery("""
                            INSERT INTO comments (paper_id, user_id, parent_id, body, created_at, is_deleted, is_hidden)
                            VALUES (:paper, :user, :parent, :body, :now, FALSE, FALSE)
                            RETURNING id
                            """)
                    .bind("paper", paperId)
                    .bind("user", userId)
                    .bind("parent", parent)
                    .bind("body", text)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            Counters.add(h, paperId, 0, 1);
            return Outcome.done(Threads.find(h, id).orElseThrow());
        }));
    }

    @Override
    public Outcome<Comment> edit(long userId, long commentId, String body) {
        String text = Calls.text("comment", body, MAX_BODY, false);
        long now = clock.millis();
        return Calls.run("edit comment " + commentId, () -> jdbi.inTransaction(h -> {
            if (Rows.activeUser(h, dialect, userId).isEmpty()) return Outcome.<Comment>refused(Refusal.BLOCKED);
            Optional<Threads.Row> row = Threads.row(h, commentId, Rows.forUpdate(dialect));
            if (row.isEmpty() || row.get().deleted()) return Outcome.<Comment>refused(Refusal.NOT_FOUND);
            if (!row.get().userId().equals(Optional.of(userId))) return Outcome.<Comment>refused(Refusal.NOT_YOURS);
            h.createUpdate("UPDATE comments SET body = :body, edited_at = :now WHERE id = :id")
                    .bind("body", text)
                    .bind("now", now)
                    .bind("id", commentId)
                    .execute();
            return Outcome.done(Threads.find(h, commentId).orElseThrow());
        }));
    }

    @Override
    public Outcome<Deletion> delete(long userId, long commentId) {
        // A blocked author may still delete their own comments: taking content down is never refused.
        return Calls.run("delete comment " + commentId, () -> jdbi.inTransaction(h -> {
            Optional<Threads.Row> row = Threads.lockForChange(h, dialect, commentId);
            if (row.isEmpty() || row.get().deleted()) return Outcome.<Deletion>refused(Refusal.NOT_FOUND);
            if (!row.get().userId().equals(Optional.of(userId))) return Outcome.<Deletion>refused(Refusal.NOT_YOURS);
            return Outcome.done(Threads.remove(h, row.get(), false));
        }));
    }

    @Override
    public Optional<Comment> find(long commentId) {
        return Calls.run("find comment " + commentId, () -> jdbi.withHandle(h -> Threads.find(h, commentId)));
    }

    @Override
    public List<Comment> ofPaper(String paperId) {
        // Ids grow with time, so id order is posting order; a thread sorts under its top-level comment's id.
        return Calls.run("list the comments on " + paperId, () -> jdbi.withHandle(h -> h.createQuery("SELECT "
                        + Threads.COLUMNS + Threads.FROM + " WHERE c.paper_id = :paper ORDER BY COALESCE(c.parent_id, c.id),"
                        + " CASE WHEN c.parent_id IS NULL THEN 0 ELSE 1 END, c.id")
                .bind("paper", paperId)
                .map((rs, ctx) -> Threads.comment(rs))
                .list()));
    }

    @Override
    public List<Comment> ofUser(long userId, int limit) {
        if (limit < 0) throw new IllegalArgumentException("community: negative limit");
        return Calls.run("list the comments of account " + userId, () -> jdbi.withHandle(h -> h.createQuery("SELECT "
                        + Threads.COLUMNS + Threads.FROM + " WHERE c.user_id = :user AND c.is_deleted = FALSE"
                        + " ORDER BY c.id DESC LIMIT :limit")
                .bind("user", userId)
                .bind("limit", limit)
                .map((rs, ctx) -> Threads.comment(rs))
                .list()));
    }
}
