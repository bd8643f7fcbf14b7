package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The moderation store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresModerationStoreTest extends ModerationStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
