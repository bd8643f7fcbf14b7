package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The access token store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresAccessTokenStoreTest extends AccessTokenStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
