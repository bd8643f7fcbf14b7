package dev.paperboy.account.jdbi;

import dev.paperboy.account.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The columns of a {@link User}, selected from {@code users u} under prefixed names so that they join cleanly. */
final class UserRows {
    private UserRows() {}

    static final String COLUMNS = "u.id AS u_id, u.email AS u_email, u.display_name AS u_display_name,"
            + " u.is_admin AS u_is_admin, u.is_blocked AS u_is_blocked, u.created_at AS u_created_at";

    static User read(ResultSet rs) throws SQLException {
        return new User(rs.getLong("u_id"), rs.getString("u_email"), rs.getString("u_display_name"),
                rs.getBoolean("u_is_admin"), rs.getBoolean("u_is_blocked"),
                Instant.ofEpochMilli(rs.getLong("u_created_at")));
    }
}
