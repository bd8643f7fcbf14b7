package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The account deletion contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresAccountDeletionTest extends AccountDeletionContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
