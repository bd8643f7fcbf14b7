package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The vote store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresVoteStoreTest extends VoteStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
