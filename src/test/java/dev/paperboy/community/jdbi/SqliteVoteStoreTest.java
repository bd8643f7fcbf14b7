package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The vote store contract on SQLite. */
class SqliteVoteStoreTest extends VoteStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
