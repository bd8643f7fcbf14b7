package dev.paperboy.account.jdbi;

import dev.paperboy.account.User;
import dev.paperboy.account.UserStore;
import dev.paperboy.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Accounts in the {@code users} table (migration V8). */
public final class JdbiUserStore implements UserStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiUserStore(Database db, Clock clock) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public User findOrCreate(String email) {
        String e = User.normaliseEmail(email);
        return Calls.run("find or create the account of an address", () -> jdbi.inTransaction(h -> {
            // Two sign-ins racing for a new address: one inserts, the other's insert does nothing; both read the row.
            insert(h, e, "", false);
            return byEmail(h, e).orElseThrow();
        }));
    }

    @Override
    public Optional<User> create(String email, String displayName, boolean admin) {
        String e = User.normaliseEmail(email);
        String name = User.normaliseDisplayName(displayName);
        return Calls.run("create an account", () -> jdbi.inTransaction(h ->
                insert(h, e, name, admin) ? byEmail(h, e) : Optional.<User>empty()));
    }

    /** Inserts the account unless the address has one; true when it did. */
    private boolean insert(Handle h, String email, String name, boolean admin) {
        return h.createUpdate("""
                INSERT INTO users (email, display_name, is_admin, is_blocked, created_at)
                VALUES (:email, :name, :admin, FALSE, :now)
                ON CONFLICT (email) DO NOTHING
                """)
                .bind("email", email)
                .bind("name", name)
                .bind("admin", admin)
                .bind("now", clock.millis())
                .execute() == 1;
    }

    private static Optional<User> byEmail(Handle h, String email) {
        return h.createQuery("SELECT " + UserRows.COLUMNS + " FROM users u WHERE u.email = :email")
                .bind("email", email)
                .map((rs, ctx) -> UserRows.read(rs))
                .findOne();
    }

    @Override
    public Optional<User> find(long id) {
        return Calls.run("find account " + id, () -> jdbi.withHandle(h -> byId(h, id)));
    }

    static Optional<User> byId(Handle h, long id) {
        return h.createQuery("SELECT " + UserRows.COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> UserRows.read(rs))
                .findOne();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        String e = User.normaliseEmail(email);
        return Calls.run("find the account of an address", () -> jdbi.withHandle(h -> byEmail(h, e)));
    }

    @Override
    public List<User> list(int limit, int offset) {
        if (limit < 0 || offset < 0) throw new IllegalArgumentException("account: negative limit or offset");
        return Calls.run("list accounts", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + UserRows.COLUMNS + " FROM users u ORDER BY u.id LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> UserRows.read(rs))
                .list()));
    }

    @Override
    public long count() {
        return Calls.run("count accounts", () -> jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one()));
    }

    @Override
    public Optional<User> rename(long id, String displayName) {
        String name = User.normaliseDisplayName(displayName);
        return Calls.run("rename account " + id, () -> jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE users SET display_name = :name WHERE id = :id")
                    .bind("name", name)
                    .bind("id", id)
                    .execute();
            return n == 1 ? byId(h, id) : Optional.<User>empty();
        }));
    }

    @Override
    public boolean setAdmin(long id, boolean admin) {
        return Calls.run("set the admin flag of account " + id, () -> jdbi.withHandle(h ->
                h.createUpdate("UPDATE users SET is_admin = :admin WHERE id = :id")
                        .bind("admin", admin)
                        .bind("id", id)
                        .execute() == 1));
    }
}
