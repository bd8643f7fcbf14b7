package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * What every writer of papers and their hub entries does inside its transaction: take the writers' lock, and
 * give each paper it changed a new change sequence. {@link JdbiPaperStore} writes papers this way, and so do
 * other stores that add hub entries (submissions), so that no write is lost between a paper store upsert's read
 * and its rewrite of hub_entries, and so that {@code changedSince} and the lists' caches see the change.
 */
public final class PaperWrites {
    private PaperWrites() {}

    // Key of the PostgreSQL advisory lock that serialises paper writers (the bytes of "papers").
    private static final long WRITER_LOCK = 0x706170657273L;

    /**
     * Waits for and takes the writers' lock until the transaction ends. On PostgreSQL an advisory lock; SQLite's
     * write transactions begin IMMEDIATE (see {@code Database.open}), which already lets one writer in at a time.
     */
    public static void lock(Connection c, Dialect dialect) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) return;
        // One writer at a time: no two transactions insert the same new id, and change sequences become
        // visible in commit order, so an indexer reading changedSince never skips one.
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(?)")) {
            s.setLong(1, WRITER_LOCK);
            s.executeQuery().close();
        }
    }

    /** Hands out {@code n} change sequence numbers above every one already used, in increasing order (after {@link #lock}). */
    public static long[] reserveSequences(Connection c, Dialect dialect, int n) throws SQLException {
        long[] out = new long[n];
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT nextval('paper_seq') FROM generate_series(1, ?) ORDER BY 1")) {
                s.setInt(1, n);
                try (ResultSet rs = s.executeQuery()) {
                    for (int i = 0; i < n && rs.next(); i++) out[i] = rs.getLong(1);
                }
            }
        } else {
            // Safe because the transaction began IMMEDIATE: no other writer runs until it commits.
            long max;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM papers");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                max = rs.getLong(1);
            }
            for (int i = 0; i < n; i++) out[i] = max + 1 + i;
        }
        return out;
    }

    /** Records that these papers changed (their hub entries, say): each gets a new change sequence (after {@link #lock}). */
    public static void touch(Connection c, Dialect dialect, Collection<String> paperIds) throws SQLException {
        if (paperIds.isEmpty()) return;
        List<String> ids = paperIds.stream().distinct().sorted().toList();
        long[] seqs = reserveSequences(c, dialect, ids.size());
        try (PreparedStatement s = c.prepareStatement("UPDATE papers SET seq = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setLong(1, seqs[i]);
                s.setString(2, ids.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
