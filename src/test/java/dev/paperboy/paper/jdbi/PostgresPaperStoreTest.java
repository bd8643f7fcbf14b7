package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import dev.paperboy.db.PgSchema;
import org.junit.jupiter.api.AfterEach;

/** The paper store contract on PostgreSQL, one fresh schema per test; skipped when PostgreSQL is unreachable. */
class PostgresPaperStoreTest extends PaperStoreContract {

    private PgSchema schema;

    @Override
    Database openDatabase() {
        schema = PgSchema.createOrSkip();
        return Database.open(schema.url());
    }

    @Override
    void refuseInsertsOf(Database db, String id) {
        db.jdbi().useHandle(h -> {
            h.execute("CREATE FUNCTION refuse_paper() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF NEW.id = '" + id + "' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;"
                    + " RETURN NEW; END $$");
            h.execute("CREATE TRIGGER refuse_paper BEFORE INSERT ON papers"
                    + " FOR EACH ROW EXECUTE FUNCTION refuse_paper()");
        });
    }

    @AfterEach
    void dropSchema() throws Exception {
        // Runs after the contract closed the database (subclass @AfterEach methods run first, so close here too).
        if (db != null) db.close();
        if (schema != null) schema.close();
    }
}
