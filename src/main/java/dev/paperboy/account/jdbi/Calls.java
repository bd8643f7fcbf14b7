package dev.paperboy.account.jdbi;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** How the account stores run a database call: failures become one {@link IllegalStateException} naming the action. */
final class Calls {
    private Calls() {}

    /** Runs {@code body}; a refusal of the arguments ({@link IllegalArgumentException}) passes through unchanged. */
    static <T> T run(String action, Callable<T> body) {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("account: unable to " + action + ": " + reason(e), e);
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

    static Optional<Instant> instant(java.sql.ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
