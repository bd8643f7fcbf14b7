package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The session store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresSessionStoreTest extends SessionStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
