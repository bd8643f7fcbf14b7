package dev.paperboy.paper.jdbi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.paperboy.db.Database;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Canonical;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVersion;
import dev.paperboy.paper.UpsertResult;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The paper store on SQLite or PostgreSQL. List-valued fields are JSON text columns; hub entries have
 * their own table. Every write bumps the row's change sequence; an upsert that changes nothing writes nothing.
 *
 * <p>Jdbi provides the connections and transactions; the import path ({@link #upsertAll}) binds and reads
 * with plain JDBC on Jdbi's connection, because Jdbi's per-argument binding cost as much CPU as SQLite's
 * own work there.
 */
public final class JdbiPaperStore implements PaperStore {

    // Bounds the number of bind parameters per IN (...) query, well below both databases' limits.
    private static final int IN_CHUNK = 500;
    private static final int PAGE = 500;
    // Key of the PostgreSQL advisory lock that serialises paper writers (the bytes of "papers").
    private static final long WRITER_LOCK = 0x706170657273L;

    // Column order is the contract between encode(), the statements and readRow(): id, version, then the
    // TEXT_COLUMNS text columns, then seq.
    private static final String COLUMNS = "id, version, title, authors, abstract, categories, primary_category,"
            + " published, updated, doi, journal_ref, comments, license, link_abs, link_pdf, link_code,"
            + " link_project, source, keywords, versions, seq";
    private static final int TEXT_COLUMNS = 18;
    private static final String INSERT = "INSERT INTO papers (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE papers SET version = ?, title = ?, authors = ?, abstract = ?,"
            + " categories = ?, primary_category = ?, published = ?, updated = ?, doi = ?, journal_ref = ?,"
            + " comments = ?, license = ?, link_abs = ?, link_pdf = ?, link_code = ?, link_project = ?,"
            + " source = ?, keywords = ?, versions = ?, seq = ? WHERE id = ?";
    private static final String HUB_COLUMNS = "paper_id, hub, list_date, submitter, upvotes, comments, github_stars";

    // Instants are written fixed width (nine fraction digits) so that text order is time order, lossless
    // to the nanosecond; years outside 0000-9999 fall back to Instant.toString, still lossless.
    private static final int INSTANT_TEXT_LENGTH = 30;
    private static final Instant YEAR_0 = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** JSON shape of one author. */
    private record AuthorJson(
            String name, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> affiliations) {}

    /** JSON shape of one version; {@code submitted} in the store's instant text. */
    private record VersionJson(int version, String submitted) {}

    /** A paper as column values: what is written, and what is read before it is decoded. */
    private record Encoded(String id, int version, String[] text) {
        boolean sameAs(Encoded o) {
            return version == o.version && Arrays.equals(text, o.text);
        }
    }

    /** A stored row with its change sequence, before its hub entries are attached. */
    private record Row(long seq, Encoded columns) {}

    /** What an upsert batch knows of one id: the stored state, then the state it will write. */
    private static final class Slot {
        final boolean existed;
        final List<HubEntry> storedHub;
        Encoded columns;
        List<HubEntry> hub;
        Paper paper; // decoded only when a merge needs it

        Slot(boolean existed, List<HubEntry> storedHub, Encoded columns, List<HubEntry> hub, Paper paper) {
            this.existed = existed;
            this.storedHub = storedHub;
            this.columns = columns;
            this.hub = hub;
            this.paper = paper;
        }
    }

    private final Database db;
    private final ObjectReader authorsReader;
    private final ObjectReader stringsReader;
    private final ObjectReader versionsReader;

    public JdbiPaperStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        ObjectMapper mapper = new ObjectMapper();
        this.authorsReader = mapper.readerFor(new TypeReference<List<AuthorJson>>() {});
        this.stringsReader = mapper.readerFor(new TypeReference<List<String>>() {});
        this.versionsReader = mapper.readerFor(new TypeReference<List<VersionJson>>() {});
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
                    + papers.getFirst().id() + "): " + reason(e), e);
        }
    }

    private List<UpsertResult> upsertIn(Handle h, List<Paper> incoming) throws SQLException, IOException {
        Connection c = h.getConnection();
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            // One writer at a time: no two transactions insert the same new id, and change sequences
            // become visible in commit order, so an indexer reading changedSince never skips one.
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(?)")) {
                s.setLong(1, WRITER_LOCK);
                s.executeQuery().close();
            }
        }
        List<String> ids = incoming.stream().map(Paper::id).distinct().toList();
        Map<String, Slot> slots = new HashMap<>(ids.size() * 2);
        Map<String, List<HubEntry>> hubs = hubEntries(c, ids);
        for (Row r : rowsWithIds(c, ids)) {
            String id = r.columns().id();
            List<HubEntry> hub = hubs.getOrDefault(id, List.of());
            slots.put(id, new Slot(true, hub, r.columns(), hub, null));
        }

        Map<String, Slot> dirty = new LinkedHashMap<>();
        List<UpsertResult> results = new ArrayList<>(incoming.size());
        for (Paper p : incoming) {
            Slot slot = slots.get(p.id());
            Encoded columns = encode(p);
            if (slot == null) {
                slot = new Slot(false, List.of(), columns, p.hubEntries(), p);
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
            Paper before = slot.paper != null ? slot.paper : decode(slot.columns, slot.hub);
            Paper merged = Canonical.of(p.mergedWith(before));
            slot.paper = before;
            if (merged.equals(before)) {
                results.add(UpsertResult.UNCHANGED);
                continue;
            }
            slot.paper = merged;
            slot.columns = encode(merged);
            slot.hub = merged.hubEntries();
            dirty.put(p.id(), slot);
            results.add(UpsertResult.UPDATED);
        }
        if (!dirty.isEmpty()) write(c, dirty.values());
        return results;
    }

    private void write(Connection c, Collection<Slot> dirty) throws SQLException {
        long[] seqs = reserveSequences(c, dirty.size());
        try (PreparedStatement inserts = c.prepareStatement(INSERT);
                PreparedStatement updates = c.prepareStatement(UPDATE);
                PreparedStatement hubDeletes = c.prepareStatement("DELETE FROM hub_entries WHERE paper_id = ?");
                PreparedStatement hubInserts = c.prepareStatement(
                        "INSERT INTO hub_entries (" + HUB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0, inserted = 0, updated = 0, hubDeleted = 0, hubInserted = 0;
            for (Slot slot : dirty) {
                Encoded e = slot.columns;
                if (!slot.existed) {
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
            }
            // Papers before hub entries: the entries reference them.
            if (inserted > 0) inserts.executeBatch();
            if (updated > 0) updates.executeBatch();
            if (hubDeleted > 0) hubDeletes.executeBatch();
            if (hubInserted > 0) hubInserts.executeBatch();
        }
    }

    /** Sets {@code version} and the text columns, starting at parameter {@code at}. */
    private static void bindColumns(PreparedStatement s, int at, Encoded e) throws SQLException {
        s.setInt(at, e.version());
        for (int i = 0; i < TEXT_COLUMNS; i++) s.setString(at + 1 + i, e.text()[i]);
    }

    /** Hands out {@code n} change sequence numbers above every one already used, in increasing order. */
    private long[] reserveSequences(Connection c, int n) throws SQLException {
        long[] out = new long[n];
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT nextval('paper_seq') FROM generate_series(1, ?) ORDER BY 1")) {
                s.setInt(1, n);
                try (ResultSet rs = s.executeQuery()) {
                    for (int i = 0; i < n && rs.next(); i++) out[i] = rs.getLong(1);
                }
            }
        } else {
            // Safe because the transaction began IMMEDIATE: no other writer runs until it commits.
            long max;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM papers");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                max = rs.getLong(1);
            }
            for (int i = 0; i < n; i++) out[i] = max + 1 + i;
        }
        return out;
    }

    @Override
    public Optional<Paper> find(String id) {
        List<Paper> found = read("find paper " + id, c -> decodeAll(c, rowsWithIds(c, List.of(id))));
        return found.stream().findFirst();
    }

    @Override
    public java.util.Map<String, Paper> findAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) return java.util.Map.of();
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<Paper> found = read("find " + distinct.size() + " papers", c -> decodeAll(c, rowsWithIds(c, distinct)));
        java.util.Map<String, Paper> out = new java.util.HashMap<>();
        for (Paper p : found) out.put(p.id(), p);
        return out;
    }

    @Override
    public List<Paper> newest(int limit, int offset) {
        if (limit < 0 || offset < 0) throw new IllegalArgumentException("store: negative limit or offset");
        return read("list newest papers", c -> decodeAll(c, rows(c,
                "SELECT " + COLUMNS + " FROM papers ORDER BY published DESC NULLS LAST, id DESC LIMIT ? OFFSET ?",
                limit, offset)));
    }

    @Override
    public long count() {
        return read("count papers", c -> scalar(c, "SELECT COUNT(*) FROM papers"));
    }

    @Override
    public void forEach(Consumer<Paper> action) {
        // Pages by id instead of one long cursor: memory stays bounded on PostgreSQL (whose driver would
        // otherwise fetch everything) and no read transaction stays open on SQLite while the action runs.
        String after = null;
        while (true) {
            String from = after;
            List<Paper> page = read("list papers in id order", c -> decodeAll(c, from == null
                    ? rows(c, "SELECT " + COLUMNS + " FROM papers ORDER BY id LIMIT ?", PAGE)
                    : rows(c, "SELECT " + COLUMNS + " FROM papers WHERE id > ? ORDER BY id LIMIT ?", from, PAGE)));
            for (Paper p : page) action.accept(p);
            if (page.size() < PAGE) return;
            after = page.getLast().id();
        }
    }

    @Override
    public List<Change> changedSince(long sequence, int limit) {
        if (limit < 0) throw new IllegalArgumentException("store: negative limit");
        return read("list changes since " + sequence, c -> {
            List<Row> rows = rows(c, "SELECT " + COLUMNS + " FROM papers WHERE seq > ? ORDER BY seq LIMIT ?",
                    sequence, limit);
            List<Paper> papers = decodeAll(c, rows);
            List<Change> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) out.add(new Change(rows.get(i).seq(), papers.get(i)));
            return out;
        });
    }

    @Override
    public long lastSequence() {
        return read("read last change sequence", c -> scalar(c, "SELECT COALESCE(MAX(seq), 0) FROM papers"));
    }

    private interface Read<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    private <T> T read(String action, Read<T> body) {
        try {
            return db.jdbi().withHandle(h -> body.run(h.getConnection()));
        } catch (Exception e) {
            throw new IllegalStateException("store: unable to " + action + ": " + reason(e), e);
        }
    }

    /** The innermost message of a failure. */
    private static String reason(Throwable e) {
        // Jdbi's and the drivers' outer messages may repeat the statement with its arguments (whole
        // abstracts), which is noise in a log line; the cause chain keeps them.
        Throwable t = e;
        while (true) {
            Throwable next = t instanceof SQLException s && s.getNextException() != null ? s.getNextException()
                    : t.getCause();
            if (next == null || next == t) break;
            t = next;
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Row> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            try (ResultSet rs = s.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) out.add(readRow(rs));
                return out;
            }
        }
    }

    /** The stored rows among {@code ids}, in no particular order. */
    private static List<Row> rowsWithIds(Connection c, List<String> ids) throws SQLException {
        List<Row> out = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM papers WHERE id IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) s.setString(i + 1, chunk.get(i));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.add(readRow(rs));
                }
            }
        }
        return out;
    }

    private static Row readRow(ResultSet rs) throws SQLException {
        String[] text = new String[TEXT_COLUMNS];
        for (int i = 0; i < TEXT_COLUMNS; i++) text[i] = rs.getString(3 + i);
        return new Row(rs.getLong(3 + TEXT_COLUMNS), new Encoded(rs.getString(1), rs.getInt(2), text));
    }

    /** The hub entries of the papers with these ids, each list in canonical order. */
    private static Map<String, List<HubEntry>> hubEntries(Connection c, List<String> ids) throws SQLException {
        Map<String, List<HubEntry>> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT " + HUB_COLUMNS + " FROM hub_entries"
                    + " WHERE paper_id IN (" + placeholders(chunk.size()) + ") ORDER BY paper_id, list_date, hub")) {
                for (int i = 0; i < chunk.size(); i++) s.setString(i + 1, chunk.get(i));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int stars = rs.getInt(7);
                        Integer githubStars = rs.wasNull() ? null : stars;
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new HubEntry(
                                rs.getString(2), LocalDate.parse(rs.getString(3)), rs.getString(4),
                                rs.getInt(5), rs.getInt(6), githubStars));
                    }
                }
            }
        }
        out.replaceAll((id, list) -> List.copyOf(list));
        return out;
    }

    private static String placeholders(int n) {
        return "?" + ", ?".repeat(n - 1);
    }

    /** The papers of these rows, in row order, with their hub entries. */
    private List<Paper> decodeAll(Connection c, List<Row> rows) throws SQLException, IOException {
        if (rows.isEmpty()) return List.of();
        Map<String, List<HubEntry>> hubs = hubEntries(c, rows.stream().map(r -> r.columns().id()).toList());
        List<Paper> out = new ArrayList<>(rows.size());
        for (Row r : rows) out.add(decode(r.columns(), hubs.getOrDefault(r.columns().id(), List.of())));
        return out;
    }

    private static Encoded encode(Paper p) {
        Links l = p.links();
        return new Encoded(p.id(), p.version(), new String[] {
            p.title(),
            authorsJson(p.authors()),
            p.abstractText(),
            stringsJson(p.categories()),
            p.primaryCategory(),
            instantText(p.published()),
            instantText(p.updated()),
            p.doi(),
            p.journalRef(),
            p.comments(),
            p.license(),
            l.abs(),
            l.pdf(),
            l.code(),
            l.project(),
            p.source(),
            stringsJson(p.keywords()),
            versionsJson(p.versions())
        });
    }

    private Paper decode(Encoded e, List<HubEntry> hub) throws IOException {
        String[] t = e.text();
        try {
            return Paper.builder(e.id()).version(e.version()).title(t[0]).authors(authors(t[1])).abstractText(t[2])
                    .categories(stringsReader.readValue(t[3])).published(instant(t[5])).updated(instant(t[6]))
                    .doi(t[7]).journalRef(t[8]).comments(t[9]).license(t[10])
                    .links(new Links(t[11], t[12], t[13], t[14])).source(t[15])
                    .keywords(stringsReader.readValue(t[16])).versions(versions(t[17])).hubEntries(hub).build();
        } catch (IOException | RuntimeException x) {
            throw new IOException("store: unreadable stored paper " + e.id() + ": " + x.getMessage(), x);
        }
    }

    // JSON columns are written by hand and read with Jackson: on the import path Jackson's writer cost more
    // than SQLite's insert. The shapes match AuthorJson and VersionJson (empty affiliations left out).

    private static String authorsJson(List<Author> authors) {
        StringBuilder sb = new StringBuilder(authors.size() * 48 + 2).append('[');
        for (int i = 0; i < authors.size(); i++) {
            Author a = authors.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"name\":");
            jsonString(sb, a.name());
            if (!a.affiliations().isEmpty()) {
                sb.append(",\"affiliations\":");
                jsonStrings(sb, a.affiliations());
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static String stringsJson(List<String> values) {
        StringBuilder sb = new StringBuilder(values.size() * 16 + 2);
        jsonStrings(sb, values);
        return sb.toString();
    }

    private static void jsonStrings(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            jsonString(sb, values.get(i));
        }
        sb.append(']');
    }

    private static void jsonString(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) sb.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
                    else sb.append(ch);
                }
            }
        }
        sb.append('"');
    }

    private List<Author> authors(String json) throws IOException {
        List<AuthorJson> in = authorsReader.readValue(json);
        List<Author> out = new ArrayList<>(in.size());
        for (AuthorJson a : in) out.add(new Author(a.name(), a.affiliations()));
        return out;
    }

    private static String versionsJson(List<PaperVersion> versions) {
        StringBuilder sb = new StringBuilder(versions.size() * 56 + 2).append('[');
        for (int i = 0; i < versions.size(); i++) {
            PaperVersion v = versions.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"version\":").append(v.version()).append(",\"submitted\":");
            jsonString(sb, instantText(v.submitted()));
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private List<PaperVersion> versions(String json) throws IOException {
        List<VersionJson> in = versionsReader.readValue(json);
        List<PaperVersion> out = new ArrayList<>(in.size());
        for (VersionJson v : in) out.add(new PaperVersion(v.version(), instant(v.submitted())));
        return out;
    }

    /** The store's text for an instant: {@code 2024-03-18T17:59:59.000000000Z}. */
    static String instantText(Instant t) {
        if (t == null) return null;
        if (t.isBefore(YEAR_0) || !t.isBefore(YEAR_10000)) return t.toString();
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        // Hand-rolled: this runs several times per record on the import path, DateTimeFormatter is slower.
        char[] out = new char[INSTANT_TEXT_LENGTH];
        digits(out, 0, d.getYear(), 4);
        out[4] = '-';
        digits(out, 5, d.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, d.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, d.getHour(), 2);
        out[13] = ':';
        digits(out, 14, d.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, d.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, d.getNano(), 9);
        out[29] = 'Z';
        return new String(out);
    }

    /** Reads {@link #instantText}'s form back. */
    static Instant instant(String text) {
        if (text == null) return null;
        if (text.length() == INSTANT_TEXT_LENGTH && text.charAt(4) == '-' && text.charAt(29) == 'Z') {
            int year = number(text, 0, 4), month = number(text, 5, 2), day = number(text, 8, 2);
            int hour = number(text, 11, 2), minute = number(text, 14, 2), second = number(text, 17, 2);
            int nano = number(text, 20, 9);
            if ((year | month | day | hour | minute | second | nano) >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number in {@code text[at, at + width)}, or -1 when a character is not a digit. */
    private static int number(String text, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            n = n * 10 + (ch - '0');
        }
        return n;
    }
}
