package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The user store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresUserStoreTest extends UserStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
