package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The submission store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresSubmissionStoreTest extends SubmissionStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
