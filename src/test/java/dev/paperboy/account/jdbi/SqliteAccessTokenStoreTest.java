package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The access token store contract on SQLite. */
class SqliteAccessTokenStoreTest extends AccessTokenStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
