package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import dev.paperboy.db.PgSchema;
import dev.paperboy.paper.PaperStore;

/** The featured-list store queries on PostgreSQL; skipped when PostgreSQL is unreachable. */
class PostgresFeaturedStoreTest extends FeaturedStoreContract {

    private PgSchema schema;
    private Database db;

    @Override
    PaperStore openStore() {
        schema = PgSchema.createOrSkip();
        db = Database.open(schema.url());
        return new JdbiPaperStore(db);
    }

    @Override
    void closeStore() throws Exception {
        if (db != null) db.close();
        if (schema != null) schema.close();
    }
}
