package dev.paperboy.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** How stores run a database call and report its failure, and the small conversions they share. */
public final class SqlCalls {
    private SqlCalls() {}

    /** Bounds the number of bind parameters per {@code IN (…)} query, well below both databases' limits. */
    public static final int IN_CHUNK = 500;

    /**
     * Runs {@code body}; a failure becomes one {@link IllegalStateException} "{@code area}: unable to {@code action}:
     * reason", while a refusal of the arguments ({@link IllegalArgumentException}) passes through unchanged.
     */
    public static <T> T run(String area, String action, Callable<T> body) {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(area + ": unable to " + action + ": " + reason(e), e);
        }
    }

    /**
     * The innermost message of a failure: Jdbi's and the drivers' outer messages may repeat the statement with its
     * arguments (whole abstracts), which is noise in a log line; the cause chain keeps them.
     */
    public static String reason(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable next = t instanceof SQLException s && s.getNextException() != null ? s.getNextException()
                    : t.getCause();
            if (next == null || next == t) break;
            t = next;
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** An epoch-milliseconds column that may be NULL. */
    public static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    /** A whole-number column that may be NULL. */
    public static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    /** The distinct ids in chunks of at most {@link #IN_CHUNK}. */
    public static List<List<String>> chunks(Collection<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            out.add(distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK)));
        }
        return out;
    }
}
