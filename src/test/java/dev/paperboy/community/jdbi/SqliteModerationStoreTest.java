package dev.paperboy.community.jdbi;

import dev.paperboy.db.Database;

/** The moderation store contract on SQLite. */
class SqliteModerationStoreTest extends ModerationStoreContract {
    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
