package dev.paperboy.ingest.harvest;

import dev.paperboy.db.Database;
import dev.paperboy.ingest.http.RequestLog;
import dev.paperboy.jobs.JdbiJobStore;
import dev.paperboy.jobs.Leases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Harvest state and per-host request times in the store's tables (migration V2), and the jobs' leases. */
public final class JdbiHarvestStore implements HarvestStateStore, Leases, RequestLog {
    private final Jdbi jdbi;
    private final JdbiJobStore leases;

    public JdbiHarvestStore(Database db) {
        this.jdbi = db.jdbi();
        this.leases = new JdbiJobStore(db);
    }

    @Override
    public Optional<HarvestState> find(String key) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT * FROM harvest_state WHERE source_key = :k")
                    .bind("k", key)
                    .map(JdbiHarvestStore::state)
                    .findOne());
        } catch (RuntimeException e) {
            throw new IllegalStateException("harvest: unable to read state of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(HarvestState s) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO harvest_state (source_key, completed_response, resumption_token, run_from,
                        run_response, run_records, last_success_at, last_records, last_failure_at, last_error,
                        next_due_at)
                    VALUES (:key, :completed, :token, :runFrom, :runResponse, :runRecords, :success, :records,
                        :failure, :error, :due)
                    ON CONFLICT (source_key) DO UPDATE SET
                        completed_response = excluded.completed_response,
                        resumption_token = excluded.resumption_token,
                        run_from = excluded.run_from,
                        run_response = excluded.run_response,
                        run_records = excluded.run_records,
                        last_success_at = excluded.last_success_at,
                        last_records = excluded.last_records,
                        last_failure_at = excluded.last_failure_at,
                        last_error = excluded.last_error,
                        next_due_at = excluded.next_due_at
                    """)
                    .bind("key", s.key())
                    .bind("completed", millis(s.completedResponse()))
                    .bind("token", s.resumptionToken())
                    .bind("runFrom", s.runFrom() == null ? null : s.runFrom().toString())
                    .bind("runResponse", millis(s.runResponse()))
                    .bind("runRecords", s.runRecords())
                    .bind("success", millis(s.lastSuccessAt()))
                    .bind("records", s.lastRecords())
                    .bind("failure", millis(s.lastFailureAt()))
                    .bind("error", s.lastError())
                    .bind("due", millis(s.nextDueAt()))
                    .execute());
        } catch (RuntimeException e) {
            throw new IllegalStateException("harvest: unable to save state of " + s.key() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<HarvestState> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM harvest_state ORDER BY source_key")
                .map(JdbiHarvestStore::state)
                .list());
    }

    // Harvesters take their leases from this store too; the lease table belongs to the jobs package.
    @Override
    public boolean tryAcquire(String name, String holder, Duration ttl, Instant now) {
        return leases.tryAcquire(name, holder, ttl, now);
    }

    @Override
    public boolean renew(String name, String holder, Duration ttl, Instant now) {
        return leases.renew(name, holder, ttl, now);
    }

    @Override
    public void release(String name, String holder) {
        leases.release(name, holder);
    }

    @Override
    public Optional<Instant> lastRequestEnd(String host) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_end_at FROM host_requests WHERE host = :host")
                .bind("host", host)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public void recordRequestEnd(String host, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO host_requests (host, last_end_at) VALUES (:host, :at)
                ON CONFLICT (host) DO UPDATE SET last_end_at = excluded.last_end_at
                WHERE host_requests.last_end_at < excluded.last_end_at
                """)
                .bind("host", host)
                // Rounded up to the millisecond so that a reader never waits less than the interval.
                .bind("at", at.toEpochMilli() + (at.getNano() % 1_000_000 == 0 ? 0 : 1))
                .execute());
    }

    private static HarvestState state(ResultSet rs, StatementContext ctx) throws SQLException {
        String runFrom = rs.getString("run_from");
        return new HarvestState(
                rs.getString("source_key"),
                instant(rs, "completed_response"),
                rs.getString("resumption_token"),
                runFrom == null ? null : LocalDate.parse(runFrom),
                instant(rs, "run_response"),
                rs.getLong("run_records"),
                instant(rs, "last_success_at"),
                rs.getLong("last_records"),
                instant(rs, "last_failure_at"),
                rs.getString("last_error"),
                instant(rs, "next_due_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
