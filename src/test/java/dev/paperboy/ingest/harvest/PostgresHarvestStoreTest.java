package dev.paperboy.ingest.harvest;

import dev.paperboy.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class PostgresHarvestStoreTest extends HarvestStoreContract {
    private static String schema;
    private static Database db;
    private static JdbiHarvestStore store;

    @BeforeAll
    static void open() {
        schema = TestDatabases.freshPgSchema();
        db = Database.open(TestDatabases.pgUrl(schema));
        store = new JdbiHarvestStore(db);
    }

    @BeforeEach
    void empty() {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM leases; DELETE FROM harvest_state; DELETE FROM host_requests"));
    }

    @AfterAll
    static void close() {
        if (db != null) db.close();
        if (schema != null) TestDatabases.dropPgSchema(schema);
    }

    @Override
    JdbiHarvestStore store() {
        return store;
    }
}
