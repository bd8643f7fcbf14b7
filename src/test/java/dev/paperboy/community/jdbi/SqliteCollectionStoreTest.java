package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The collection store contract on SQLite. */
class SqliteCollectionStoreTest extends CollectionStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
