package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The collection store contract on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresCollectionStoreTest extends CollectionStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
