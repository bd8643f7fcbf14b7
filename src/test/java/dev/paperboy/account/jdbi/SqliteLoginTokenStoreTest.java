package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The sign-in token store contract on SQLite. */
class SqliteLoginTokenStoreTest extends LoginTokenStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
