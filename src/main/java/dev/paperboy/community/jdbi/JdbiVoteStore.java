package dev.paperboy.community.jdbi;

import dev.paperboy.community.Outcome;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.community.VoteStore;
import dev.paperboy.db.Database;
import dev.paperboy.db.SqlCalls;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Votes in {@code votes} with the counters of {@code paper_counts} (migration V8). A change moves the counter by
 * exactly the rows its own statements inserted or deleted, so concurrent votes (any number of processes) leave
 * count = rows; one user's changes run one at a time ({@link Rows#activeUser}), so each toggle flips.
 */
public final class JdbiVoteStore implements VoteStore {
    private final Jdbi jdbi;
    private final Database.Dialect dialect;
    private final Clock clock;

    public JdbiVoteStore(Database db, Clock clock) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.dialect = db.dialect();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome<Tally> toggle(long userId, String paperId) {
        return change("toggle", userId, paperId, null);
    }

    @Override
    public Outcome<Tally> set(long userId, String paperId, boolean voted) {
        return change(voted ? "cast" : "withdraw", userId, paperId, voted);
    }

    /** Toggles when {@code want} is null, else puts the vote on or off. */
    private Outcome<Tally> change(String verb, long userId, String paperId, Boolean want) {
        long now = clock.millis();
        return Calls.run(verb + " the vote of account " + userId + " on " + paperId, () -> jdbi.inTransaction(h -> {
            if (Rows.activeUser(h, dialect, userId).isEmpty()) return Outcome.<Tally>refused(Refusal.BLOCKED);
            if (!Rows.paperExists(h, paperId)) return Outcome.<Tally>refused(Refusal.NOT_FOUND);
            int removed = 0;
            int added = 0;
            boolean voted;
            if (want == null || !want) removed = delete(h, userId, paperId);
            if (want == null ? removed == 0 : want) {
                // Inserts nothing when the vote is on already (set): only the row's inserter counts it.
                added = insert(h, userId, paperId, now);
                voted = true;
            } else {
                voted = false;
            }
            Counters.add(h, paperId, added - removed, 0);
            return Outcome.done(new Tally(voted, Counters.votes(h, paperId)));
        }));
    }

    private static int delete(Handle h, long userId, String paperId) {
        return h.createUpdate("DELETE FROM votes WHERE user_id = :user AND paper_id = :paper")
                .bind("user", userId)
                .bind("paper", paperId)
                .execute();
    }

    private static int insert(Handle h, long userId, String paperId, long now) {
        return h.createUpdate("""
                INSERT INTO votes (user_id, paper_id, created_at) VALUES (:user, :paper, :now)
                ON CONFLICT (user_id, paper_id) DO NOTHING
                """)
                .bind("user", userId)
                .bind("paper", paperId)
                .bind("now", now)
                .execute();
    }

    @Override
    public boolean hasVoted(long userId, String paperId) {
        return !votedAmong(userId, List.of(paperId)).isEmpty();
    }

    @Override
    public Set<String> votedAmong(long userId, Collection<String> paperIds) {
        if (paperIds.isEmpty()) return Set.of();
        return Calls.run("read the votes of account " + userId, () -> jdbi.withHandle(h -> {
            Set<String> out = new HashSet<>();
            for (List<String> chunk : SqlCalls.chunks(paperIds)) {
                out.addAll(h.createQuery("SELECT paper_id FROM votes WHERE user_id = :user AND paper_id IN (<ids>)")
                        .bind("user", userId)
                        .bindList("ids", chunk)
                        .mapTo(String.class)
                        .list());
            }
            return out;
        }));
    }

    @Override
    public List<Vote> ofUser(long userId) {
        return Calls.run("list the votes of account " + userId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT paper_id, created_at FROM votes WHERE user_id = :user ORDER BY created_at DESC, paper_id")
                .bind("user", userId)
                .map((rs, ctx) -> new Vote(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                .list()));
    }
}
