package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import dev.paperboy.db.PgSchema;
import dev.paperboy.paper.PaperStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The paper store contract on PostgreSQL, one fresh schema per test; skipped when PostgreSQL is unreachable. */
class PostgresPaperStoreTest extends PaperStoreContract {

    private final List<PgSchema> schemas = new ArrayList<>();
    private Database db;

    @Override
    PaperStore openStore() {
        db = Database.open(schema().url());
        return new JdbiPaperStore(db);
    }

    private PgSchema schema() {
        PgSchema s = PgSchema.createOrSkip();
        schemas.add(s);
        return s;
    }

    @Override
    void closeStore() throws Exception {
        if (db != null) db.close();
        for (PgSchema s : schemas) s.close();
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

    @Override
    Optional<String> unmigratedDatabaseUrl() {
        return Optional.of(schema().url());
    }
}
