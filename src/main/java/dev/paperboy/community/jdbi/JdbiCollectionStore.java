package dev.paperboy.community.jdbi;

import dev.paperboy.account.User;
import dev.paperboy.community.CollectionStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.community.PaperCollection;
import dev.paperboy.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Collections in {@code collections} and {@code collection_papers} (migration V8). */
public final class JdbiCollectionStore implements CollectionStore {
    private static final String SELECT = """
            SELECT c.id, c.owner_id, u.display_name, c.name, c.description, c.is_public, c.created_at, c.updated_at,
                   (SELECT COUNT(*) FROM collection_papers p WHERE p.collection_id = c.id) AS papers
            FROM collections c JOIN users u ON u.id = c.owner_id
            """;

    private final Jdbi jdbi;
    private final Database.Dialect dialect;
    private final Clock clock;

    public JdbiCollectionStore(Database db, Clock clock) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.dialect = db.dialect();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome<PaperCollection> create(long ownerId, String name, String description, boolean isPublic) {
        String n = Calls.text("collection name", name, MAX_NAME, false);
        String d = Calls.text("collection description", description, MAX_DESCRIPTION, true);
        long now = clock.millis();
        return Calls.run("create a collection for account " + ownerId, () -> jdbi.inTransaction(h -> {
            if (Rows.activeUser(h, dialect, ownerId).isEmpty()) return Outcome.<PaperCollection>refused(Refusal.BLOCKED);
            long id = h.createQuery("""
                            INSERT INTO collections (owner_id, name, description, is_public, created_at, updated_at)
                            VALUES (:owner, :name, :description, :public, :now, :now)
                            RETURNING id
                            """)
                    .bind("owner", ownerId)
                    .bind("name", n)
                    .bind("description", d)
                    .bind("public", isPublic)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            return Outcome.done(byId(h, id).orElseThrow());
        }));
    }

    /** The owner's refusal, when {@code userId} may not change the collection; empty when they may. */
    private Optional<Refusal> refusal(Handle h, long userId, long collectionId, boolean needsActiveUser) {
        if (needsActiveUser && Rows.activeUser(h, dialect, userId).isEmpty()) return Optional.of(Refusal.BLOCKED);
        record Owner(long id, boolean isPublic) {}
        Optional<Owner> owner = h.createQuery("SELECT owner_id, is_public FROM collections WHERE id = :id"
                        + Rows.forUpdate(dialect))
                .bind("id", collectionId)
                .map((rs, ctx) -> new Owner(rs.getLong(1), rs.getBoolean(2)))
                .findOne();
        if (owner.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (owner.get().id() != userId) return Optional.of(owner.get().isPublic() ? Refusal.NOT_YOURS : Refusal.NOT_FOUND);
        return Optional.empty();
    }

    @Override
    public Outcome<PaperCollection> update(long userId, long collectionId, String name, String description,
            boolean isPublic) {
        String n = Calls.text("collection name", name, MAX_NAME, false);
        String d = Calls.text("collection description", description, MAX_DESCRIPTION, true);
        long now = clock.millis();
        return Calls.run("update collection " + collectionId, () -> jdbi.inTransaction(h -> {
            Optional<Refusal> no = refusal(h, userId, collectionId, true);
            if (no.isPresent()) return Outcome.<PaperCollection>refused(no.get());
            h.createUpdate("UPDATE collections SET name = :name, description = :description, is_public = :public,"
                            + " updated_at = :now WHERE id = :id")
                    .bind("name", n)
                    .bind("description", d)
                    .bind("public", isPublic)
                    .bind("now", now)
                    .bind("id", collectionId)
                    .execute();
            return Outcome.done(byId(h, collectionId).orElseThrow());
        }));
    }

    @Override
    public Outcome<Boolean> delete(long userId, long collectionId) {
        // Like comments, a blocked owner may still take their collection down.
        return Calls.run("delete collection " + collectionId, () -> jdbi.inTransaction(h -> {
            Optional<Refusal> no = refusal(h, userId, collectionId, false);
            if (no.isPresent()) return Outcome.<Boolean>refused(no.get());
            h.createUpdate("DELETE FROM collections WHERE id = :id").bind("id", collectionId).execute();
            return Outcome.done(true);
        }));
    }

    @Override
    public Outcome<Boolean> add(long userId, long collectionId, String paperId) {
        long now = clock.millis();
        return Calls.run("add " + paperId + " to collection " + collectionId, () -> jdbi.inTransaction(h -> {
            Optional<Refusal> no = refusal(h, userId, collectionId, true);
            if (no.isPresent()) return Outcome.<Boolean>refused(no.get());
            if (!Rows.paperExists(h, paperId)) return Outcome.<Boolean>refused(Refusal.NOT_FOUND);
            int n = h.createUpdate("""
                            INSERT INTO collection_papers (collection_id, paper_id, added_at) VALUES (:id, :paper, :now)
                            ON CONFLICT (collection_id, paper_id) DO NOTHING
                            """)
                    .bind("id", collectionId)
                    .bind("paper", paperId)
                    .bind("now", now)
                    .execute();
            if (n == 1) touch(h, collectionId, now);
            return Outcome.done(n == 1);
        }));
    }

    @Override
    public Outcome<Boolean> remove(long userId, long collectionId, String paperId) {
        long now = clock.millis();
        return Calls.run("remove " + paperId + " from collection " + collectionId, () -> jdbi.inTransaction(h -> {
            Optional<Refusal> no = refusal(h, userId, collectionId, false);
            if (no.isPresent()) return Outcome.<Boolean>refused(no.get());
            int n = h.createUpdate("DELETE FROM collection_papers WHERE collection_id = :id AND paper_id = :paper")
                    .bind("id", collectionId)
                    .bind("paper", paperId)
                    .execute();
            if (n == 1) touch(h, collectionId, now);
            return Outcome.done(n == 1);
        }));
    }

    private static void touch(Handle h, long collectionId, long now) {
        h.createUpdate("UPDATE collections SET updated_at = :now WHERE id = :id").bind("now", now)
                .bind("id", collectionId).execute();
    }

    @Override
    public Optional<PaperCollection> find(long collectionId, Optional<Long> viewerId) {
        return Calls.run("find collection " + collectionId, () -> jdbi.withHandle(h -> byId(h, collectionId)))
                .filter(c -> visible(c, viewerId));
    }

    private static boolean visible(PaperCollection c, Optional<Long> viewerId) {
        return c.isPublic() || viewerId.equals(Optional.of(c.ownerId()));
    }

    private static Optional<PaperCollection> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map((rs, ctx) -> collection(rs)).findOne();
    }

    @Override
    public Optional<List<Entry>> papers(long collectionId, Optional<Long> viewerId, int limit, int offset) {
        if (limit < 0 || offset < 0) throw new IllegalArgumentException("community: negative limit or offset");
        return Calls.run("list the papers of collection " + collectionId, () -> jdbi.withHandle(h -> {
            Optional<PaperCollection> c = byId(h, collectionId).filter(x -> visible(x, viewerId));
            if (c.isEmpty()) return Optional.<List<Entry>>empty();
            return Optional.of(h.createQuery("""
                            SELECT paper_id, added_at FROM collection_papers WHERE collection_id = :id
                            ORDER BY added_at DESC, paper_id DESC LIMIT :limit OFFSET :offset
                            """)
                    .bind("id", collectionId)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map((rs, ctx) -> new Entry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                    .list());
        }));
    }

    @Override
    public List<PaperCollection> ofOwner(long ownerId, Optional<Long> viewerId) {
        boolean owner = viewerId.equals(Optional.of(ownerId));
        return Calls.run("list the collections of account " + ownerId, () -> jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE c.owner_id = :owner" + (owner ? "" : " AND c.is_public = TRUE")
                        + " ORDER BY c.updated_at DESC, c.id DESC")
                .bind("owner", ownerId)
                .map((rs, ctx) -> collection(rs))
                .list()));
    }

    @Override
    public Set<Long> holding(long ownerId, String paperId) {
        return Calls.run("find the collections of account " + ownerId + " holding " + paperId, () -> jdbi.withHandle(h ->
                new HashSet<>(h.createQuery("""
                                SELECT c.id FROM collections c JOIN collection_papers p ON p.collection_id = c.id
                                WHERE c.owner_id = :owner AND p.paper_id = :paper
                                """)
                        .bind("owner", ownerId)
                        .bind("paper", paperId)
                        .mapTo(Long.class)
                        .list())));
    }

    private static PaperCollection collection(ResultSet rs) throws SQLException {
        long owner = rs.getLong("owner_id");
        return new PaperCollection(rs.getLong("id"), owner, User.publicName(owner, rs.getString("display_name")),
                rs.getString("name"), rs.getString("description"), rs.getBoolean("is_public"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getInt("papers"));
    }
}
