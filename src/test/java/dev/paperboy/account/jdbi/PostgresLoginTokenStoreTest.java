package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The sign-in token store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresLoginTokenStoreTest extends LoginTokenStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
