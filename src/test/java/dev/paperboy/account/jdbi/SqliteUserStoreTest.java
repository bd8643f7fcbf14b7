package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The user store contract on SQLite. */
class SqliteUserStoreTest extends UserStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
