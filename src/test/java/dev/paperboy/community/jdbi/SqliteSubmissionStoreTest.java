package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The submission store contract on SQLite. */
class SqliteSubmissionStoreTest extends SubmissionStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
