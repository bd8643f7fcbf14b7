package dev.paperboy.community.jdbi;

import dev.paperboy.community.ModerationAct;
import dev.paperboy.community.ModerationAct.Action;
import dev.paperboy.community.ModerationStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.db.Database;
import dev.paperboy.db.SqlCalls;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Moderation in {@code hidden_papers}, {@code comments.is_hidden} and {@code users.is_blocked}, each act logged in
 * {@code moderation_log} (migration V8) in the transaction that does it.
 */
public final class JdbiModerationStore implements ModerationStore {
    private final Jdbi jdbi;
    private final Database.Dialect dialect;
    private final Clock clock;

    public JdbiModerationStore(Database db, Clock clock) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.dialect = db.dialect();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A change of a target: false when the target does not exist (nothing is recorded then). */
    private interface Change {
        boolean apply(Handle h);
    }

    private Outcome<ModerationAct> act(Optional<Long> moderatorId, Action action, String target, String reason,
            Change change) {
        String why = Calls.text("reason", reason, MAX_REASON, true);
        long now = clock.millis();
        return Calls.run(action.code() + " " + target, () -> jdbi.inTransaction(h -> {
            String moderator = moderatorId.map(id -> h.createQuery("SELECT email FROM users WHERE id = :id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .findOne()
                            .orElseThrow(() -> new IllegalArgumentException("moderation: no account " + id)))
                    .orElse(ModerationAct.OPERATOR);
            if (!change.apply(h)) return Outcome.<ModerationAct>refused(Refusal.NOT_FOUND);
            long id = h.createQuery("""
                            INSERT INTO moderation_log (moderator_id, moderator, action, target, reason, created_at)
                            VALUES (:moderatorId, :moderator, :action, :target, :reason, :now)
                            RETURNING id
                            """)
                    .bind("moderatorId", moderatorId.orElse(null))
                    .bind("moderator", moderator)
                    .bind("action", action.code())
                    .bind("target", target)
                    .bind("reason", why)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            return Outcome.done(new ModerationAct(id, moderatorId, moderator, action, target, why,
                    Instant.ofEpochMilli(now)));
        }));
    }

    @Override
    public Outcome<ModerationAct> hidePaper(Optional<Long> moderatorId, String paperId, String reason) {
        long now = clock.millis();
        return act(moderatorId, Action.HIDE_PAPER, paperId, reason, h -> {
            if (!Rows.paperExists(h, paperId)) return false;
            h.createUpdate("INSERT INTO hidden_papers (paper_id, hidden_at) VALUES (:paper, :now)"
                            + " ON CONFLICT (paper_id) DO NOTHING")
                    .bind("paper", paperId)
                    .bind("now", now)
                    .execute();
            return true;
        });
    }

    @Override
    public Outcome<ModerationAct> unhidePaper(Optional<Long> moderatorId, String paperId, String reason) {
        return act(moderatorId, Action.UNHIDE_PAPER, paperId, reason, h -> {
            if (!Rows.paperExists(h, paperId)) return false;
            h.createUpdate("DELETE FROM hidden_papers WHERE paper_id = :paper").bind("paper", paperId).execute();
            return true;
        });
    }

    @Override
    public Outcome<ModerationAct> hideComment(Optional<Long> moderatorId, long commentId, String reason) {
        return act(moderatorId, Action.HIDE_COMMENT, Long.toString(commentId), reason, h -> setHidden(h, commentId, true));
    }

    @Override
    public Outcome<ModerationAct> unhideComment(Optional<Long> moderatorId, long commentId, String reason) {
        return act(moderatorId, Action.UNHIDE_COMMENT, Long.toString(commentId), reason,
                h -> setHidden(h, commentId, false));
    }

    /** Sets the flag and moves the paper's counter when the comment starts or stops counting. */
    private boolean setHidden(Handle h, long commentId, boolean hidden) {
        Optional<Threads.Row> row = Threads.lockForChange(h, dialect, commentId);
        if (row.isEmpty()) return false;
        Threads.Row r = row.get();
        if (r.hidden() == hidden) return true;
        h.createUpdate("UPDATE comments SET is_hidden = :hidden WHERE id = :id")
                .bind("hidden", hidden)
                .bind("id", commentId)
                .execute();
        if (!r.deleted()) Counters.add(h, r.paperId(), 0, hidden ? -1 : 1);
        return true;
    }

    @Override
    public Outcome<ModerationAct> blockUser(Optional<Long> moderatorId, long userId, String reason) {
        return act(moderatorId, Action.BLOCK_USER, Long.toString(userId), reason, h -> {
            if (!setBlocked(h, userId, true)) return false;
            h.createUpdate("DELETE FROM sessions WHERE user_id = :user").bind("user", userId).execute();
            return true;
        });
    }

    @Override
    public Outcome<ModerationAct> unblockUser(Optional<Long> moderatorId, long userId, String reason) {
        return act(moderatorId, Action.UNBLOCK_USER, Long.toString(userId), reason, h -> setBlocked(h, userId, false));
    }

    private static boolean setBlocked(Handle h, long userId, boolean blocked) {
        // The UPDATE takes the user's row lock: it waits for writes in flight on their behalf (which share-lock it).
        return h.createUpdate("UPDATE users SET is_blocked = :blocked WHERE id = :id")
                .bind("blocked", blocked)
                .bind("id", userId)
                .execute() == 1;
    }

    @Override
    public Set<String> hiddenAmong(Collection<String> paperIds) {
        if (paperIds.isEmpty()) return Set.of();
        return Calls.run("read hidden papers", () -> jdbi.withHandle(h -> {
            Set<String> out = new HashSet<>();
            for (List<String> chunk : SqlCalls.chunks(paperIds)) {
                out.addAll(h.createQuery("SELECT paper_id FROM hidden_papers WHERE paper_id IN (<ids>)")
                        .bindList("ids", chunk)
                        .mapTo(String.class)
                        .list());
            }
            return out;
        }));
    }

    @Override
    public List<ModerationAct> log(int limit, int offset) {
        if (limit < 0 || offset < 0) throw new IllegalArgumentException("community: negative limit or offset");
        return Calls.run("read the moderation log", () -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, moderator_id, moderator, action, target, reason, created_at FROM moderation_log
                        ORDER BY id DESC LIMIT :limit OFFSET :offset
                        """)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new ModerationAct(rs.getLong("id"), SqlCalls.optionalLong(rs, "moderator_id"),
                        rs.getString("moderator"), Action.of(rs.getString("action")), rs.getString("target"),
                        rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list()));
    }
}
