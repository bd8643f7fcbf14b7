package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import dev.paperboy.db.PgSchema;
import dev.paperboy.paper.PaperStore;

/** The revisions contract on PostgreSQL, one fresh schema per test; skipped when PostgreSQL is unreachable. */
class PostgresPaperRevisionsTest extends PaperRevisionsContract {

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

    @Override
    void refuseInsertsOf(String id) {
        db.jdbi().useHandle(h -> {
            h.execute("CREATE FUNCTION refuse_paper() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF NEW.id = '" + id + "' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;"
                    + " RETURN NEW; END $$");
            h.execute("CREATE TRIGGER refuse_paper BEFORE INSERT ON papers"
                    + " FOR EACH ROW EXECUTE FUNCTION refuse_paper()");
        });
    }
}
