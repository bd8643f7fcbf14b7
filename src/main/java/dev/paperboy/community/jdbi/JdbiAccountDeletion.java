package dev.paperboy.community.jdbi;

import dev.paperboy.community.AccountDeletion;
import dev.paperboy.community.CommentStore.Deletion;
import dev.paperboy.db.Database;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.jdbi.PaperWrites;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Deletes an account and settles everything that refers to it, in one transaction (see {@link AccountDeletion}). */
public final class JdbiAccountDeletion implements AccountDeletion {
    private final Jdbi jdbi;
    private final Database.Dialect dialect;

    public JdbiAccountDeletion(Database db) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.dialect = db.dialect();
    }

    @Override
    public Optional<Report> delete(long userId) {
        return Calls.run("delete account " + userId, () -> jdbi.inTransaction(h -> {
            // Locks in the order the other writers take them: the paper writers' lock (hub entries change below),
            // then the user's row, which every write on their behalf share-locks: none runs while this does.
            PaperWrites.lock(h.getConnection(), dialect);
            Optional<String> email = h.createQuery("SELECT email FROM users WHERE id = :id" + Rows.forUpdate(dialect))
                    .bind("id", userId)
                    .mapTo(String.class)
                    .findOne();
            if (email.isEmpty()) return Optional.<Report>empty();
            int votes = deleteVotes(h, userId);
            int[] comments = deleteComments(h, userId);
            int collections = h.createUpdate("DELETE FROM collections WHERE owner_id = :user").bind("user", userId)
                    .execute();
            int submissions = unlinkSubmissions(h, userId);
            int sessions = h.createUpdate("DELETE FROM sessions WHERE user_id = :user").bind("user", userId).execute();
            int tokens = h.createUpdate("DELETE FROM access_tokens WHERE user_id = :user").bind("user", userId).execute();
            h.createUpdate("DELETE FROM login_tokens WHERE email = :email").bind("email", email.get()).execute();
            // moderation_log.moderator_id becomes NULL (ON DELETE SET NULL); the address recorded with each act stays.
            h.createUpdate("DELETE FROM users WHERE id = :user").bind("user", userId).execute();
            return Optional.of(new Report(votes, comments[0], comments[1], collections, submissions, sessions, tokens));
        }));
    }

    /** Removes the user's votes and takes each from its paper's counter; returns how many. */
    private static int deleteVotes(Handle h, long userId) {
        List<String> papers = h.createQuery("SELECT paper_id FROM votes WHERE user_id = :user ORDER BY paper_id")
                .bind("user", userId)
                .mapTo(String.class)
                .list();
        // Counters in paper id order, so two deletions never wait on each other's counter rows in a circle.
        for (String paper : papers) Counters.add(h, paper, -1, 0);
        h.createUpdate("DELETE FROM votes WHERE user_id = :user").bind("user", userId).execute();
        return papers.size();
    }

    /**
     * Removes the user's replies, then their top-level comments, except those that still have replies (from
     * others), which become empty placeholders without an author. Returns {removed, anonymised}.
     */
    private int[] deleteComments(Handle h, long userId) {
        int removed = 0;
        int anonymised = 0;
        // Replies first: a thread of the user's whose only replies were their own then goes entirely.
        for (boolean replies : new boolean[] {true, false}) {
            List<Long> ids = h.createQuery("SELECT id FROM comments WHERE user_id = :user AND parent_id IS "
                            + (replies ? "NOT NULL" : "NULL") + " ORDER BY id")
                    .bind("user", userId)
                    .mapTo(Long.class)
                    .list();
            for (long id : ids) {
                Optional<Threads.Row> row = Threads.lockForChange(h, dialect, id);
                if (row.isEmpty()) continue; // an emptied placeholder that went with its last reply
                if (Threads.remove(h, row.get(), true) == Deletion.PLACEHOLDER) anonymised++;
                else removed++;
            }
        }
        return new int[] {removed, anonymised};
    }

    /**
     * Deletes the user's submissions; their papers stay on those days' lists, with no submitter shown, and are
     * marked changed. Returns how many.
     */
    private int unlinkSubmissions(Handle h, long userId) throws SQLException {
        TreeMap<String, List<String>> days = new TreeMap<>();
        h.createQuery("SELECT paper_id, list_date FROM submissions WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(r -> days.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        int n = 0;
        for (var e : days.entrySet()) {
            for (String day : e.getValue()) {
                h.createUpdate("UPDATE hub_entries SET submitter = NULL WHERE paper_id = :paper AND hub = :hub"
                                + " AND list_date = :day")
                        .bind("paper", e.getKey())
                        .bind("hub", HubEntry.LOCAL)
                        .bind("day", day)
                        .execute();
                n++;
            }
        }
        PaperWrites.touch(h.getConnection(), dialect, days.keySet());
        h.createUpdate("DELETE FROM submissions WHERE user_id = :user").bind("user", userId).execute();
        return n;
    }
}
