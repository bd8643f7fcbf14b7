package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The comment store contract on SQLite. */
class SqliteCommentStoreTest extends CommentStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
