package dev.paperboy.community.jdbi;

import dev.paperboy.account.User;
import dev.paperboy.db.Database.Dialect;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The checks every community write starts with, and the row locks that keep concurrent writes exact on
 * PostgreSQL. SQLite needs no locks here: its write transactions begin IMMEDIATE and run one at a time.
 */
final class Rows {
    private Rows() {}

    /** The clause that locks the selected rows against change until the transaction ends (PostgreSQL). */
    static String forUpdate(Dialect d) {
        return d == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** The clause that keeps the selected rows from changing or going until the transaction ends (PostgreSQL). */
    static String forShare(Dialect d) {
        return d == Dialect.POSTGRESQL ? " FOR SHARE" : "";
    }

    /**
     * The public name of the user when they exist and are not blocked. The user's row stays locked until the
     * transaction ends (FOR NO KEY UPDATE, which leaves foreign key checks alone): the writes of one user run one
     * at a time, so two toggles of a double click flip twice and a daily limit is counted exactly, and blocking or
     * deleting the account waits for a write in flight instead of missing it.
     */
    static Optional<String> activeUser(Handle h, Dialect d, long userId) {
        return h.createQuery("SELECT display_name, is_blocked FROM users WHERE id = :id"
                        + (d == Dialect.POSTGRESQL ? " FOR NO KEY UPDATE" : ""))
                .bind("id", userId)
                .map((rs, ctx) -> rs.getBoolean("is_blocked") ? Optional.<String>empty()
                        : Optional.of(User.publicName(userId, rs.getString("display_name"))))
                .findOne()
                .flatMap(o -> o);
    }

    static boolean paperExists(Handle h, String paperId) {
        return h.createQuery("SELECT 1 FROM papers WHERE id = :id").bind("id", paperId).mapTo(Integer.class)
                .findOne().isPresent();
    }
}
