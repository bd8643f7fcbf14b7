package dev.paperboy.community.jdbi;

import dev.paperboy.community.Outcome;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.community.Submission;
import dev.paperboy.community.SubmissionStore;
import dev.paperboy.db.Database;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.jdbi.PaperWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Submissions in {@code submissions} (migration V8), each with the paper's {@code local} row in hub_entries. A
 * submit holds the paper writers' lock ({@link PaperWrites}): a paper store upsert rewriting the same paper's hub
 * entries cannot drop the new one, and concurrent submits of one user count against the daily limit one by one.
 */
public final class JdbiSubmissionStore implements SubmissionStore {
    private static final String COLUMNS = "paper_id, list_date, user_id, submitted_at";

    private final Jdbi jdbi;
    private final Database.Dialect dialect;
    private final Clock clock;

    public JdbiSubmissionStore(Database db, Clock clock) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.dialect = db.dialect();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome<Submitted> submit(long userId, String paperId, LocalDate day, int dailyLimit) {
        long now = clock.millis();
        return Calls.run("submit " + paperId + " for " + day, () -> jdbi.inTransaction(h -> {
            PaperWrites.lock(h.getConnection(), dialect);
            Optional<String> name = Rows.activeUser(h, dialect, userId);
            if (name.isEmpty()) return Outcome.<Submitted>refused(Refusal.BLOCKED);
            if (!Rows.paperExists(h, paperId)) return Outcome.<Submitted>refused(Refusal.NOT_FOUND);
            Optional<Submission> existing = find(h, paperId, day);
            if (existing.isPresent()) return Outcome.done(new Submitted(existing.get(), false));
            if (countOn(h, userId, day) >= dailyLimit) return Outcome.<Submitted>refused(Refusal.LIMIT_REACHED);
            h.createUpdate("INSERT INTO submissions (" + COLUMNS + ") VALUES (:paper, :day, :user, :now)")
                    .bind("paper", paperId)
                    .bind("day", day.toString())
                    .bind("user", userId)
                    .bind("now", now)
                    .execute();
            // The list's row; one may exist already (an imported record of an earlier instance): it is kept.
            int listed = h.createUpdate("""
                            INSERT INTO hub_entries (paper_id, hub, list_date, submitter, upvotes, comments, github_stars)
                            VALUES (:paper, :hub, :day, :submitter, 0, 0, NULL)
                            ON CONFLICT (paper_id, hub, list_date) DO NOTHING
                            """)
                    .bind("paper", paperId)
                    .bind("hub", HubEntry.LOCAL)
                    .bind("day", day.toString())
                    .bind("submitter", name.get())
                    .execute();
            if (listed == 1) PaperWrites.touch(h.getConnection(), dialect, List.of(paperId));
            return Outcome.done(new Submitted(new Submission(paperId, day, userId, Instant.ofEpochMilli(now)), true));
        }));
    }

    @Override
    public int countOn(long userId, LocalDate day) {
        return Calls.run("count the submissions of account " + userId, () -> jdbi.withHandle(h -> countOn(h, userId, day)));
    }

    private static int countOn(Handle h, long userId, LocalDate day) {
        return h.createQuery("SELECT COUNT(*) FROM submissions WHERE user_id = :user AND list_date = :day")
                .bind("user", userId)
                .bind("day", day.toString())
                .mapTo(Integer.class)
                .one();
    }

    @Override
    public Optional<Submission> find(String paperId, LocalDate day) {
        return Calls.run("find the submission of " + paperId, () -> jdbi.withHandle(h -> find(h, paperId, day)));
    }

    private static Optional<Submission> find(Handle h, String paperId, LocalDate day) {
        return h.createQuery("SELECT " + COLUMNS + " FROM submissions WHERE paper_id = :paper AND list_date = :day")
                .bind("paper", paperId)
                .bind("day", day.toString())
                .map((rs, ctx) -> submission(rs))
                .findOne();
    }

    @Override
    public List<Submission> ofUser(long userId, int limit) {
        if (limit < 0) throw new IllegalArgumentException("community: negative limit");
        return Calls.run("list the submissions of account " + userId, () -> jdbi.withHandle(h -> h.createQuery("SELECT "
                        + COLUMNS + " FROM submissions WHERE user_id = :user"
                        + " ORDER BY list_date DESC, submitted_at DESC, paper_id LIMIT :limit")
                .bind("user", userId)
                .bind("limit", limit)
                .map((rs, ctx) -> submission(rs))
                .list()));
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(rs.getString("paper_id"), LocalDate.parse(rs.getString("list_date")),
                rs.getLong("user_id"), Instant.ofEpochMilli(rs.getLong("submitted_at")));
    }
}
