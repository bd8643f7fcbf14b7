package dev.paperboy.paper.jdbi;

import dev.paperboy.db.Database;
import dev.paperboy.db.SqlCalls;
import dev.paperboy.paper.Canonical;
import dev.paperboy.paper.Categories;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Page;
import dev.paperboy.paper.PageKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperQuery;
import dev.paperboy.paper.PaperRevision;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.UpsertResult;
import dev.paperboy.paper.jdbi.PaperColumns.Encoded;
import dev.paperboy.paper.jdbi.Rows.Row;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The paper store on SQLite or PostgreSQL. List-valued fields are JSON text columns; hub entries have
 * their own table, and paper_categories holds one row per (paper, category) for listings. Every write bumps
 * the row's change sequence; an upsert that changes nothing writes nothing.
 *
 * <p>Jdbi provides the connections and transactions; the import path ({@link #upsertAll}) binds and reads
 * with plain JDBC on Jdbi's connection, because Jdbi's per-argument binding cost as much CPU as SQLite's
 * own work there.
 */
public final class JdbiPaperStore implements PaperStore {

    private static final int PAGE = 500;

    private static final int TEXT_COLUMNS = PaperColumns.TEXT_COLUMNS;
    private static final String INSERT = "INSERT INTO papers (" + Rows.COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE papers SET version = ?, title = ?, authors = ?, abstract = ?,"
            + " categories = ?, primary_category = ?, published = ?, updated = ?, doi = ?, journal_ref = ?,"
            + " comments = ?, license = ?, link_abs = ?, link_pdf = ?, link_code = ?, link_project = ?,"
            + " source = ?, keywords = ?, versions = ?, seq = ? WHERE id = ?";

    /** What an upsert batch knows of one id: the stored state, then the state it will write. */
    private static final class Slot {
        final Encoded stored; // null for a new paper
        final List<HubEntry> storedHub;
        Encoded columns;
        List<HubEntry> hub;
        Paper paper; // decoded only when a merge needs it

        Slot(Encoded stored, List<HubEntry> storedHub, Encoded columns, List<HubEntry> hub, Paper paper) {
            this.stored = stored;
            this.storedHub = storedHub;
            this.columns = columns;
            this.hub = hub;
            this.paper = paper;
        }

        /** Whether the paper's rows in paper_categories must be (re)written. */
        boolean listingChanged() {
            return stored == null
                    || !Objects.equals(stored.text()[PaperColumns.CATEGORIES], columns.text()[PaperColumns.CATEGORIES])
                    || !Objects.equals(stored.text()[PaperColumns.PUBLISHED], columns.text()[PaperColumns.PUBLISHED]);
        }
    }

    private final Database db;
    private final PaperColumns codec = new PaperColumns();

    public JdbiPaperStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public UpsertResult upsert(Paper paper) {
        return upsertAll(List.of(paper)).getFirst();
    }

    @Override
    public List<UpsertResult> upsertAll(List<Paper> papers) {
        if (papers.isEmpty()) return List.of();
        List<Paper> incoming = new ArrayList<>(papers.size());
        for (Paper p : papers) incoming.add(Canonical.of(Objects.requireNonNull(p, "paper")));
        try {
            return db.jdbi().inTransaction(h -> upsertIn(h, incoming));
        } catch (Exception e) {
            throw new IllegalStateException("store: unable to upsert " + papers.size() + " papers (first "
                    + papers.getFirst().id() + "): " + SqlCalls.reason(e), e);
        }
    }

    private List<UpsertResult> upsertIn(Handle h, List<Paper> incoming) throws SQLException, IOException {
        Connection c = h.getConnection();
        PaperWrites.lock(c, db.dialect());
        List<String> ids = incoming.stream().map(Paper::id).distinct().toList();
        Map<String, Slot> slots = new HashMap<>(ids.size() * 2);
        Map<String, List<HubEntry>> hubs = Rows.hubEntries(c, ids);
        for (Row r : Rows.rowsWithIds(c, ids)) {
            String id = r.columns().id();
            List<HubEntry> hub = hubs.getOrDefault(id, List.of());
            slots.put(id, new Slot(r.columns(), hub, r.columns(), hub, null));
        }

        Map<String, Slot> dirty = new LinkedHashMap<>();
        List<Revisions.Pending> revisions = new ArrayList<>();
        List<UpsertResult> results = new ArrayList<>(incoming.size());
        for (Paper p : incoming) {
            Slot slot = slots.get(p.id());
            Encoded columns = PaperColumns.encode(p);
            if (slot == null) {
                slot = new Slot(null, List.of(), columns, p.hubEntries(), p);
                slots.put(p.id(), slot);
                dirty.put(p.id(), slot);
                results.add(UpsertResult.NEW);
                continue;
            }
            // The usual re-import: the record is exactly what is stored, so merging would change nothing
            // (a record without hub entries keeps the stored ones).
            if (columns.sameAs(slot.columns) && (p.hubEntries().isEmpty() || p.hubEntries().equals(slot.hub))) {
                results.add(UpsertResult.UNCHANGED);
                continue;
            }
            Paper before = slot.paper != null ? slot.paper : codec.decode(slot.columns, slot.hub);
            Paper merged = Canonical.of(p.mergedWith(before));
            slot.paper = before;
            if (merged.equals(before)) {
                results.add(UpsertResult.UNCHANGED);
                continue;
            }
            PaperRevision.between(before, merged).ifPresent(r -> revisions.add(new Revisions.Pending(p.id(), r)));
            slot.paper = merged;
            slot.columns = PaperColumns.encode(merged);
            slot.hub = merged.hubEntries();
            dirty.put(p.id(), slot);
            results.add(UpsertResult.UPDATED);
        }
        if (!dirty.isEmpty()) write(c, dirty.values());
        Revisions.insert(c, revisions);
        return results;
    }

    private void write(Connection c, Collection<Slot> dirty) throws SQLException {
        long[] seqs = PaperWrites.reserveSequences(c, db.dialect(), dirty.size());
        try (PreparedStatement inserts = c.prepareStatement(INSERT);
                PreparedStatement updates = c.prepareStatement(UPDATE);
                PreparedStatement hubDeletes = c.prepareStatement("DELETE FROM hub_entries WHERE paper_id = ?");
                PreparedStatement hubInserts = c.prepareStatement(
                        "INSERT INTO hub_entries (" + Rows.HUB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement categoryDeletes = c.prepareStatement(
                        "DELETE FROM paper_categories WHERE paper_id = ?");
                PreparedStatement categoryInserts = c.prepareStatement("INSERT INTO paper_categories"
                        + " (paper_id, category, archive, published) VALUES (?, ?, ?, ?)")) {
            int i = 0, inserted = 0, updated = 0, hubDeleted = 0, hubInserted = 0, catDeleted = 0, catInserted = 0;
            for (Slot slot : dirty) {
                Encoded e = slot.columns;
                if (slot.stored == null) {
                    inserts.setString(1, e.id());
                    bindColumns(inserts, 2, e);
                    inserts.setLong(21, seqs[i++]);
                    inserts.addBatch();
                    inserted++;
                } else {
                    bindColumns(updates, 1, e);
                    updates.setLong(20, seqs[i++]);
                    updates.setString(21, e.id());
                    updates.addBatch();
                    updated++;
                }
                if (!slot.storedHub.equals(slot.hub)) {
                    if (!slot.storedHub.isEmpty()) {
                        hubDeletes.setString(1, e.id());
                        hubDeletes.addBatch();
                        hubDeleted++;
                    }
                    for (HubEntry h : slot.hub) {
                        hubInserts.setString(1, e.id());
                        hubInserts.setString(2, h.hub());
                        hubInserts.setString(3, h.listDate().toString());
                        hubInserts.setString(4, h.submitter());
                        hubInserts.setInt(5, h.upvotes());
                        hubInserts.setInt(6, h.comments());
                        if (h.githubStars() == null) hubInserts.setNull(7, Types.INTEGER);
                        else hubInserts.setInt(7, h.githubStars());
                        hubInserts.addBatch();
                        hubInserted++;
                    }
                }
                if (slot.listingChanged()) {
                    if (slot.stored != null) {
                        categoryDeletes.setString(1, e.id());
                        categoryDeletes.addBatch();
                        catDeleted++;
                    }
                    for (String category : slot.paper.categories()) {
                        categoryInserts.setString(1, e.id());
                        categoryInserts.setString(2, category);
                        categoryInserts.setString(3, Categories.archive(category));
                        categoryInserts.setString(4, e.text()[PaperColumns.PUBLISHED]);
                        categoryInserts.addBatch();
                        catInserted++;
                    }
                }
            }
            // Papers before the rows that reference them.
            if (inserted > 0) inserts.executeBatch();
            if (updated > 0) updates.executeBatch();
            if (hubDeleted > 0) hubDeletes.executeBatch();
            if (hubInserted > 0) hubInserts.executeBatch();
            if (catDeleted > 0) categoryDeletes.executeBatch();
            if (catInserted > 0) categoryInserts.executeBatch();
        }
    }

    /** Sets {@code version} and the text columns, starting at parameter {@code at}. */
    private static void bindColumns(PreparedStatement s, int at, Encoded e) throws SQLException {
        s.setInt(at, e.version());
        for (int i = 0; i < TEXT_COLUMNS; i++) s.setString(at + 1 + i, e.text()[i]);
    }

    @Override
    public Optional<Paper> find(String id) {
        List<Paper> found = read("find paper " + id, c -> decodeAll(c, Rows.rowsWithIds(c, List.of(id))));
        return found.stream().findFirst();
    }

    @Override
    public List<PaperRevision> revisions(String id) {
        return read("read revisions of paper " + id, c -> Revisions.of(c, id, codec));
    }

    @Override
    public java.util.Map<String, Paper> findAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) return java.util.Map.of();
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<Paper> found = read("find " + distinct.size() + " papers",
                c -> decodeAll(c, Rows.rowsWithIds(c, distinct)));
        java.util.Map<String, Paper> out = new java.util.HashMap<>();
        for (Paper p : found) out.put(p.id(), p);
        return out;
    }

    @Override
    public List<Paper> newest(int limit, int offset) {
        if (limit < 0 || offset < 0) throw new IllegalArgumentException("store: negative limit or offset");
        return read("list newest papers", c -> decodeAll(c, Rows.rows(c,
                "SELECT " + Rows.COLUMNS + " FROM papers ORDER BY published DESC NULLS LAST, id DESC LIMIT ? OFFSET ?",
                limit, offset)));
    }

    @Override
    public Page<Paper> newest(PaperQuery query, Optional<PageKey> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("store: limit must be at least 1");
        // With categories the listing walks paper_categories' (category | archive, published, id) indexes and
        // then reads the papers; without, papers' own (published, id) index. Either way one range scan from
        // the key, never counting past earlier pages.
        List<Paper> papers = read("list newest papers", c -> {
            if (query.categories().isEmpty()) {
                List<Object> args = new ArrayList<>();
                StringBuilder where = ListingSql.where(query, after, args);
                args.add(limit + 1);
                return decodeAll(c, Rows.rows(c, "SELECT " + Rows.COLUMNS + " FROM papers p WHERE " + where
                        + " ORDER BY p.published DESC NULLS LAST, p.id DESC LIMIT ?", args.toArray()));
            }
            // With several names SQLite would read every row of all of them and sort (category IN (a, b) cannot
            // follow one index in order): one index range per name instead, each at most limit + 1 rows, merged.
            List<List<String[]>> perName = new ArrayList<>();
            for (PaperQuery one : ListingSql.perName(query)) {
                List<Object> args = new ArrayList<>();
                StringBuilder where = ListingSql.where(one, after, args);
                args.add(limit + 1);
                // A paper in two of an archive's categories has two rows: DISTINCT keeps one.
                perName.add(Rows.pairs(c, "SELECT DISTINCT c.published, c.paper_id FROM paper_categories c WHERE "
                        + where + " ORDER BY c.published DESC, c.paper_id DESC LIMIT ?", args.toArray()));
            }
            List<String> ids = ListingSql.newestFirst(perName, limit + 1).stream().map(k -> k[1]).toList();
            return inOrder(ids, decodeAll(c, Rows.rowsWithIds(c, ids)));
        });
        return Page.of(papers, limit, p -> new PageKey(p.published(), p.id()));
    }

    @Override
    public List<Listing> featuredEntries(LocalDate from, LocalDate to) {
        String sql = "SELECT " + Rows.HUB_COLUMNS + " FROM hub_entries WHERE list_date >= ? AND list_date <= ?"
                + " ORDER BY list_date DESC, paper_id DESC, hub";
        return read("list featured entries from " + from + " to " + to, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, from.toString());
                s.setString(2, to.toString());
                List<Listing> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(new Listing(rs.getString(1), Rows.hubEntry(rs)));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<LocalDate> featuredDayNear(LocalDate day, boolean later) {
        // The first row of the (list_date) index in either direction: one index probe, whatever the range holds.
        String sql = later ? "SELECT list_date, NULL FROM hub_entries WHERE list_date > ? ORDER BY list_date LIMIT 1"
                : "SELECT list_date, NULL FROM hub_entries WHERE list_date < ? ORDER BY list_date DESC LIMIT 1";
        List<String[]> found = read("find the featured day near " + day, c -> Rows.pairs(c, sql, day.toString()));
        return found.isEmpty() || found.getFirst()[0] == null ? Optional.empty()
                : Optional.of(LocalDate.parse(found.getFirst()[0]));
    }

    @Override
    public Optional<LocalDate> publishedDayNear(PaperQuery query, LocalDate day, boolean later) {
        PaperQuery q = new PaperQuery(query.categories(), query.excluded(),
                later ? Optional.of(day.plusDays(1)) : Optional.empty(),
                later ? Optional.empty() : Optional.of(day.minusDays(1)));
        boolean byCategory = !q.categories().isEmpty();
        String published = byCategory ? "c.published" : "p.published";
        String table = byCategory ? "paper_categories c" : "papers p";
        // The first row of the (category | archive | papers, published) index in the right direction, per name
        // (as in newest: an IN over several names would be read whole and sorted); the nearest of those.
        Optional<String> nearest = read("find the publication day near " + day, c -> {
            Optional<String> best = Optional.empty();
            for (PaperQuery one : byCategory ? ListingSql.perName(q) : List.of(q)) {
                List<Object> args = new ArrayList<>();
                StringBuilder where = ListingSql.where(one, Optional.empty(), args);
                List<String[]> found = Rows.pairs(c, "SELECT " + published + ", NULL FROM " + table + " WHERE " + where
                        + " ORDER BY " + published + (later ? " ASC" : " DESC") + " LIMIT 1", args.toArray());
                if (found.isEmpty() || found.getFirst()[0] == null) continue;
                String t = found.getFirst()[0];
                if (best.isEmpty() || (later ? t.compareTo(best.get()) < 0 : t.compareTo(best.get()) > 0)) best = Optional.of(t);
            }
            return best;
        });
        return nearest.map(t -> LocalDate.ofInstant(Instant.parse(t), ZoneOffset.UTC));
    }

    @Override
    public Page<Featured> featured(String hub, LocalDate from, LocalDate to, Optional<PageKey> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("store: limit must be at least 1");
        List<Object> args = new ArrayList<>(List.of(hub, from.toString(), to.toString()));
        String keyset = "";
        if (after.isPresent()) {
            keyset = " AND (list_date, paper_id) < (?, ?)";
            args.add(LocalDate.ofInstant(after.get().at(), ZoneOffset.UTC).toString());
            args.add(after.get().id());
        }
        args.add(limit + 1);
        String sql = "SELECT list_date, paper_id FROM hub_entries WHERE hub = ? AND list_date >= ? AND list_date <= ?"
                + keyset + " ORDER BY list_date DESC, paper_id DESC LIMIT ?";
        List<Featured> items = read("list papers featured on " + hub, c -> {
            List<String[]> keys = Rows.pairs(c, sql, args.toArray());
            List<String> ids = keys.stream().map(k -> k[1]).distinct().toList();
            Map<String, Paper> byId = new HashMap<>();
            for (Paper p : decodeAll(c, Rows.rowsWithIds(c, ids))) byId.put(p.id(), p);
            List<Featured> out = new ArrayList<>(keys.size());
            for (String[] k : keys) out.add(new Featured(LocalDate.parse(k[0]), byId.get(k[1])));
            return out;
        });
        return Page.of(items, limit, f -> new PageKey(Featured.at(f.day()), f.paper().id()));
    }

    /** The papers in the order of {@code ids}. */
    private static List<Paper> inOrder(List<String> ids, List<Paper> papers) {
        Map<String, Paper> byId = new HashMap<>();
        for (Paper p : papers) byId.put(p.id(), p);
        List<Paper> out = new ArrayList<>(ids.size());
        for (String id : ids) out.add(byId.get(id));
        return out;
    }

    @Override
    public long count() {
        return read("count papers", c -> Rows.scalar(c, "SELECT COUNT(*) FROM papers"));
    }

    @Override
    public void forEach(Consumer<Paper> action) {
        // Pages by id instead of one long cursor: memory stays bounded on PostgreSQL (whose driver would
        // otherwise fetch everything) and no read transaction stays open on SQLite while the action runs.
        String after = null;
        while (true) {
            String from = after;
            List<Paper> page = read("list papers in id order", c -> decodeAll(c, from == null
                    ? Rows.rows(c, "SELECT " + Rows.COLUMNS + " FROM papers ORDER BY id LIMIT ?", PAGE)
                    : Rows.rows(c, "SELECT " + Rows.COLUMNS + " FROM papers WHERE id > ? ORDER BY id LIMIT ?", from, PAGE)));
            for (Paper p : page) action.accept(p);
            if (page.size() < PAGE) return;
            after = page.getLast().id();
        }
    }

    @Override
    public List<Change> changedSince(long sequence, int limit) {
        if (limit < 0) throw new IllegalArgumentException("store: negative limit");
        return read("list changes since " + sequence, c -> {
            List<Row> rows = Rows.rows(c, "SELECT " + Rows.COLUMNS + " FROM papers WHERE seq > ? ORDER BY seq LIMIT ?",
                    sequence, limit);
            List<Paper> papers = decodeAll(c, rows);
            List<Change> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) out.add(new Change(rows.get(i).seq(), papers.get(i)));
            return out;
        });
    }

    @Override
    public long lastSequence() {
        return read("read last change sequence", c -> Rows.scalar(c, "SELECT COALESCE(MAX(seq), 0) FROM papers"));
    }

    private interface Read<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    private <T> T read(String action, Read<T> body) {
        try {
            return db.jdbi().withHandle(h -> body.run(h.getConnection()));
        } catch (Exception e) {
            throw new IllegalStateException("store: unable to " + action + ": " + SqlCalls.reason(e), e);
        }
    }

    /** The papers of these rows, in row order, with their hub entries. */
    private List<Paper> decodeAll(Connection c, List<Row> rows) throws SQLException, IOException {
        if (rows.isEmpty()) return List.of();
        Map<String, List<HubEntry>> hubs = Rows.hubEntries(c, rows.stream().map(r -> r.columns().id()).toList());
        List<Paper> out = new ArrayList<>(rows.size());
        for (Row r : rows) out.add(codec.decode(r.columns(), hubs.getOrDefault(r.columns().id(), List.of())));
        return out;
    }

}
