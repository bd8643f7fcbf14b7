package dev.paperboy.account.jdbi;

import dev.paperboy.db.Database;

/** The session store contract on SQLite. */
class SqliteSessionStoreTest extends SessionStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
