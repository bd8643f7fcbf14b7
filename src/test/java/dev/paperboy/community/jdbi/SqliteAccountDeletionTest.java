package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The account deletion contract on SQLite. */
class SqliteAccountDeletionTest extends AccountDeletionContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
