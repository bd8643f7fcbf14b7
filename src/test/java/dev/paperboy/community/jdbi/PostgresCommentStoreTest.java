package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The comment store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresCommentStoreTest extends CommentStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
