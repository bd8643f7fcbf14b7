package dev.paperboy.community.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** How the community stores run a database call, and the small conversions they share. */
final class Calls {
    private Calls() {}

    // Bounds the number of bind parameters per IN (...) query, well below both databases' limits.
    static final int IN_CHUNK = 500;

    /** Runs {@code body}; failures become one {@link IllegalStateException} naming the action, refusals of arguments pass. */
    static <T> T run(String action, Callable<T> body) {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("community: unable to " + action + ": " + reason(e), e);
        }
    }

    /** The innermost message of a failure (outer ones may repeat the statement and its arguments). */
    static String reason(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable next = t instanceof SQLException s && s.getNextException() != null ? s.getNextException()
                    : t.getCause();
            if (next == null || next == t) break;
            t = next;
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    /** The distinct ids in chunks of at most {@link #IN_CHUNK}. */
    static List<List<String>> chunks(Collection<String> ids) {
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            out.add(distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK)));
        }
        return out;
    }

    /** Text as stored: stripped, refused when blank (unless {@code blankOk}) or longer than {@code max}. */
    static String text(String what, String value, int max, boolean blankOk) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() && !blankOk) throw new IllegalArgumentException("community: " + what + " is empty");
        if (v.length() > max) throw new IllegalArgumentException("community: " + what + " longer than " + max + " characters");
        return v;
    }
}
