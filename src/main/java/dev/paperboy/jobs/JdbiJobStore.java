package dev.paperboy.jobs;

import dev.paperboy.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Job outcomes (table {@code jobs}, migration V5) and leases (table {@code leases}, V2) in the store. */
public final class JdbiJobStore implements JobStore, Leases {
    private final Jdbi jdbi;

    public JdbiJobStore(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public Optional<JobStatus> find(String name) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT * FROM jobs WHERE name = :name")
                    .bind("name", name)
                    .map((rs, ctx) -> new JobStatus(name, instant(rs, "last_success_at"),
                            Optional.ofNullable(rs.getString("last_summary")), instant(rs, "last_failure_at"),
                            Optional.ofNullable(rs.getString("last_error")), instant(rs, "next_due_at"), false))
                    .findOne());
        } catch (RuntimeException e) {
            throw new IllegalStateException("jobs: unable to read the status of " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(JobStatus s) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO jobs (name, last_success_at, last_summary, last_failure_at, last_error, next_due_at)
                    VALUES (:name, :success, :summary, :failure, :error, :due)
                    ON CONFLICT (name) DO UPDATE SET
                        last_success_at = excluded.last_success_at,
                        last_summary = excluded.last_summary,
                        last_failure_at = excluded.last_failure_at,
                        last_error = excluded.last_error,
                        next_due_at = excluded.next_due_at
                    """)
                    .bind("name", s.name())
                    .bind("success", millis(s.lastSuccessAt()))
                    .bind("summary", s.lastSummary().orElse(null))
                    .bind("failure", millis(s.lastFailureAt()))
                    .bind("error", s.lastError().orElse(null))
                    .bind("due", millis(s.nextDueAt()))
                    .execute());
        } catch (RuntimeException e) {
            throw new IllegalStateException("jobs: unable to save the status of " + s.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean tryAcquire(String name, String holder, Duration ttl, Instant now) {
        // One statement, so two processes racing for a free or expired lease cannot both win.
        int n = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO leases (name, holder, expires_at) VALUES (:name, :holder, :expires)
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE leases.expires_at <= :now OR leases.holder = excluded.holder
                """)
                .bind("name", name)
                .bind("holder", holder)
                .bind("expires", now.plus(ttl).toEpochMilli())
                .bind("now", now.toEpochMilli())
                .execute());
        return n == 1;
    }

    @Override
    public boolean renew(String name, String holder, Duration ttl, Instant now) {
        int n = jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE leases SET expires_at = :expires WHERE name = :name AND holder = :holder")
                .bind("name", name)
                .bind("holder", holder)
                .bind("expires", now.plus(ttl).toEpochMilli())
                .execute());
        return n == 1;
    }

    @Override
    public void release(String name, String holder) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM leases WHERE name = :name AND holder = :holder")
                .bind("name", name)
                .bind("holder", holder)
                .execute());
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static Long millis(Optional<Instant> i) {
        return i.map(Instant::toEpochMilli).orElse(null);
    }
}
