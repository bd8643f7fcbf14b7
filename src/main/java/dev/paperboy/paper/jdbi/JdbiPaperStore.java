package dev.paperboy.paper.jdbi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.paperboy.db.Database;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVersion;
import dev.paperboy.paper.UpsertResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
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
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The paper store on SQLite or PostgreSQL. List-valued fields are JSON text columns; hub entries have
 * their own table. Every write bumps the row's change sequence; an upsert that changes nothing writes nothing.
 */
public final class JdbiPaperStore implements PaperStore {

    // Bounds the number of bind parameters per IN (...) query, well below both databases' limits.
    private static final int IN_CHUNK = 500;
    private static final int PAGE = 500;
    // Key of the PostgreSQL advisory lock that serialises paper writers (the bytes of "papers").
    private static final long WRITER_LOCK = 0x706170657273L;

    private static final String COLUMNS = "id, version, title, authors, abstract, categories, primary_category,"
            + " published, updated, doi, journal_ref, comments, license, link_abs, link_pdf, link_code,"
            + " link_project, source, keywords, versions, seq";
    private static final String INSERT = "INSERT INTO papers (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE papers SET version = ?, title = ?, authors = ?, abstract = ?,"
            + " categories = ?, primary_category = ?, published = ?, updated = ?, doi = ?, journal_ref = ?,"
            + " comments = ?, license = ?, link_abs = ?, link_pdf = ?, link_code = ?, link_project = ?,"
            + " source = ?, keywords = ?, versions = ?, seq = ? WHERE id = ?";
    private static final String HUB_COLUMNS = "paper_id, hub, list_date, submitter, upvotes, comments, github_stars";

    // Fixed width (nine fraction digits) so that text order is time order; lossless to the nanosecond.
    private static final DateTimeFormatter INSTANT_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final Comparator<HubEntry> HUB_ORDER =
            Comparator.comparing(HubEntry::listDate).thenComparing(HubEntry::hub);

    /** JSON shape of one author. */
    private record AuthorJson(
            String name, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> affiliations) {}

    /** JSON shape of one version; {@code submitted} in the store's instant text. */
    private record VersionJson(int version, String submitted) {}

    /** A stored row before its hub entries are attached. */
    private record Row(long seq, Paper paper) {}

    private final Database db;
    private final ObjectWriter writer;
    private final ObjectReader authorsReader;
    private final ObjectReader stringsReader;
    private final ObjectReader versionsReader;

    public JdbiPaperStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        ObjectMapper mapper = new ObjectMapper();
        this.writer = mapper.writer();
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
        for (Paper p : papers) incoming.add(canonical(Objects.requireNonNull(p, "paper")));
        try {
            return db.jdbi().inTransaction(h -> upsertIn(h, incoming));
        } catch (JdbiException | JsonProcessingException e) {
            throw new IllegalStateException("store: unable to upsert " + papers.size() + " papers (first "
                    + papers.getFirst().id() + "): " + reason(e), e);
        }
    }

    private List<UpsertResult> upsertIn(Handle h, List<Paper> incoming) throws JsonProcessingException {
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            // One writer at a time: no two transactions insert the same new id, and change sequences
            // become visible in commit order, so an indexer reading changedSince never skips one.
            h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(?)").bind(0, WRITER_LOCK).mapTo(Integer.class).one();
        }
        List<String> ids = incoming.stream().map(Paper::id).distinct().toList();
        Map<String, Paper> stored = load(h, ids);
        Map<String, Paper> current = new HashMap<>(stored);
        Map<String, Paper> dirty = new LinkedHashMap<>();
        List<UpsertResult> results = new ArrayList<>(incoming.size());
        for (Paper p : incoming) {
            Paper before = current.get(p.id());
            Paper merged = canonical(p.mergedWith(before));
            if (before == null) {
                results.add(UpsertResult.NEW);
            } else if (merged.equals(before)) {
                results.add(UpsertResult.UNCHANGED);
                continue;
            } else {
                results.add(UpsertResult.UPDATED);
            }
            current.put(p.id(), merged);
            dirty.put(p.id(), merged);
        }
        if (dirty.isEmpty()) return results;

        long[] seqs = reserveSequences(h, dirty.size());
        PreparedBatch inserts = h.prepareBatch(INSERT);
        PreparedBatch updates = h.prepareBatch(UPDATE);
        PreparedBatch hubDeletes = h.prepareBatch("DELETE FROM hub_entries WHERE paper_id = ?");
        PreparedBatch hubInserts = h.prepareBatch(
                "INSERT INTO hub_entries (" + HUB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        int i = 0;
        for (Paper p : dirty.values()) {
            long seq = seqs[i++];
            Paper old = stored.get(p.id());
            if (old == null) {
                bindRow(inserts.bind(0, p.id()), 1, p).bind(20, seq).add();
            } else {
                bindRow(updates, 0, p).bind(19, seq).bind(20, p.id()).add();
            }
            List<HubEntry> oldHub = old == null ? List.of() : old.hubEntries();
            if (!oldHub.equals(p.hubEntries())) {
                if (!oldHub.isEmpty()) hubDeletes.bind(0, p.id()).add();
                for (HubEntry e : p.hubEntries()) {
                    hubInserts.bind(0, p.id())
                            .bind(1, e.hub())
                            .bind(2, e.listDate().toString())
                            .bind(3, e.submitter())
                            .bind(4, e.upvotes())
                            .bind(5, e.comments())
                            .bind(6, e.githubStars())
                            .add();
                }
            }
        }
        // Papers before hub entries: the entries reference them.
        for (PreparedBatch b : List.of(inserts, updates, hubDeletes, hubInserts)) {
            if (b.size() > 0) b.execute();
        }
        return results;
    }

    /** Binds the 19 columns from {@code version} to {@code versions}, starting at position {@code at}. */
    private PreparedBatch bindRow(PreparedBatch b, int at, Paper p) throws JsonProcessingException {
        Links l = p.links();
        return b.bind(at, p.version())
                .bind(at + 1, p.title())
                .bind(at + 2, authorsJson(p.authors()))
                .bind(at + 3, p.abstractText())
                .bind(at + 4, writer.writeValueAsString(p.categories()))
                .bind(at + 5, p.primaryCategory())
                .bind(at + 6, instantText(p.published()))
                .bind(at + 7, instantText(p.updated()))
                .bind(at + 8, p.doi())
                .bind(at + 9, p.journalRef())
                .bind(at + 10, p.comments())
                .bind(at + 11, p.license())
                .bind(at + 12, l.abs())
                .bind(at + 13, l.pdf())
                .bind(at + 14, l.code())
                .bind(at + 15, l.project())
                .bind(at + 16, p.source())
                .bind(at + 17, writer.writeValueAsString(p.keywords()))
                .bind(at + 18, versionsJson(p.versions()));
    }

    /** Hands out {@code n} change sequence numbers above every one already used, in increasing order. */
    private long[] reserveSequences(Handle h, int n) {
        long[] out = new long[n];
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            List<Long> values = h.createQuery("SELECT nextval('paper_seq') FROM generate_series(1, ?) ORDER BY 1")
                    .bind(0, n)
                    .mapTo(Long.class)
                    .list();
            for (int i = 0; i < n; i++) out[i] = values.get(i);
        } else {
            // Safe because the transaction began IMMEDIATE: no other writer runs until it commits.
            long max = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM papers").mapTo(Long.class).one();
            for (int i = 0; i < n; i++) out[i] = max + 1 + i;
        }
        return out;
    }

    @Override
    public Optional<Paper> find(String id) {
        return Optional.ofNullable(read("find paper " + id, h -> load(h, List.of(id)).get(id)));
    }

    @Override
    public List<Paper> newest(int limit, int offset) {
        if (limit < 0 || offset < 0) throw new IllegalArgumentException("store: negative limit or offset");
        return read("list newest papers", h -> withHubEntries(h, h.createQuery("SELECT " + COLUMNS
                        + " FROM papers ORDER BY published DESC NULLS LAST, id DESC LIMIT ? OFFSET ?")
                .bind(0, limit)
                .bind(1, offset)
                .map((rs, ctx) -> mapRow(rs))
                .list()))
                .stream()
                .map(Row::paper)
                .toList();
    }

    @Override
    public long count() {
        return read("count papers", h -> h.createQuery("SELECT COUNT(*) FROM papers").mapTo(Long.class).one());
    }

    @Override
    public void forEach(Consumer<Paper> action) {
        // Pages by id instead of one long cursor: memory stays bounded on PostgreSQL (whose driver would
        // otherwise fetch everything) and no read transaction stays open on SQLite while the action runs.
        String after = null;
        while (true) {
            String from = after;
            List<Row> page = read("list papers in id order", h -> withHubEntries(h, (from == null
                            ? h.createQuery("SELECT " + COLUMNS + " FROM papers ORDER BY id LIMIT ?").bind(0, PAGE)
                            : h.createQuery("SELECT " + COLUMNS + " FROM papers WHERE id > ? ORDER BY id LIMIT ?")
                                    .bind(0, from)
                                    .bind(1, PAGE))
                    .map((rs, ctx) -> mapRow(rs))
                    .list()));
            for (Row r : page) action.accept(r.paper());
            if (page.size() < PAGE) return;
            after = page.getLast().paper().id();
        }
    }

    @Override
    public List<Change> changedSince(long sequence, int limit) {
        if (limit < 0) throw new IllegalArgumentException("store: negative limit");
        return read("list changes since " + sequence, h -> withHubEntries(h, h.createQuery("SELECT " + COLUMNS
                        + " FROM papers WHERE seq > ? ORDER BY seq LIMIT ?")
                .bind(0, sequence)
                .bind(1, limit)
                .map((rs, ctx) -> mapRow(rs))
                .list()))
                .stream()
                .map(r -> new Change(r.seq(), r.paper()))
                .toList();
    }

    @Override
    public long lastSequence() {
        return read("read last change sequence",
                h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM papers").mapTo(Long.class).one());
    }

    private interface Read<T> {
        T run(Handle h) throws Exception;
    }

    private <T> T read(String action, Read<T> body) {
        try {
            return db.jdbi().withHandle(body::run);
        } catch (Exception e) {
            throw new IllegalStateException("store: unable to " + action + ": " + reason(e), e);
        }
    }

    /**
     * The innermost message of a failure. Jdbi's and the drivers' outer messages repeat the statement with
     * all its arguments (whole abstracts), which is noise in a log line; the cause chain keeps them.
     */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable next = t instanceof SQLException s && s.getNextException() != null ? s.getNextException()
                    : t.getCause();
            if (next == null || next == t) break;
            t = next;
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The stored papers among {@code ids}, with their hub entries. */
    private Map<String, Paper> load(Handle h, List<String> ids) {
        Map<String, Paper> out = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM papers WHERE id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> mapRow(rs))
                    .list();
            for (Row r : withHubEntries(h, rows)) out.put(r.paper().id(), r.paper());
        }
        return out;
    }

    /** The rows with their hub entries attached (one query per page of rows). */
    private List<Row> withHubEntries(Handle h, List<Row> rows) {
        if (rows.isEmpty()) return rows;
        Map<String, List<HubEntry>> hubs = new HashMap<>();
        List<String> ids = rows.stream().map(r -> r.paper().id()).toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            h.createQuery("SELECT " + HUB_COLUMNS + " FROM hub_entries WHERE paper_id IN (<ids>)"
                            + " ORDER BY paper_id, list_date, hub")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> {
                        int stars = rs.getInt("github_stars");
                        Integer githubStars = rs.wasNull() ? null : stars;
                        return Map.entry(rs.getString("paper_id"), new HubEntry(
                                rs.getString("hub"),
                                LocalDate.parse(rs.getString("list_date")),
                                rs.getString("submitter"),
                                rs.getInt("upvotes"),
                                rs.getInt("comments"),
                                githubStars));
                    })
                    .forEach(e -> hubs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        if (hubs.isEmpty()) return rows;
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<HubEntry> entries = hubs.get(r.paper().id());
            out.add(entries == null ? r : new Row(r.seq(), withHub(r.paper(), entries)));
        }
        return out;
    }

    private Row mapRow(ResultSet rs) throws SQLException {
        try {
            Paper p = new Paper(
                    rs.getString("id"),
                    rs.getInt("version"),
                    rs.getString("title"),
                    authors(rs.getString("authors")),
                    rs.getString("abstract"),
                    stringsReader.readValue(rs.getString("categories")),
                    instant(rs.getString("published")),
                    instant(rs.getString("updated")),
                    rs.getString("doi"),
                    rs.getString("journal_ref"),
                    rs.getString("comments"),
                    rs.getString("license"),
                    new Links(rs.getString("link_abs"), rs.getString("link_pdf"),
                            rs.getString("link_code"), rs.getString("link_project")),
                    rs.getString("source"),
                    stringsReader.readValue(rs.getString("keywords")),
                    versions(rs.getString("versions")),
                    List.of());
            return new Row(rs.getLong("seq"), p);
        } catch (java.io.IOException e) {
            throw new SQLException("store: unreadable JSON column in paper " + rs.getString("id") + ": "
                    + e.getMessage(), e);
        }
    }

    private String authorsJson(List<Author> authors) throws JsonProcessingException {
        List<AuthorJson> out = new ArrayList<>(authors.size());
        for (Author a : authors) out.add(new AuthorJson(a.name(), a.affiliations()));
        return writer.writeValueAsString(out);
    }

    private List<Author> authors(String json) throws java.io.IOException {
        List<AuthorJson> in = authorsReader.readValue(json);
        List<Author> out = new ArrayList<>(in.size());
        for (AuthorJson a : in) out.add(new Author(a.name(), a.affiliations()));
        return out;
    }

    private String versionsJson(List<PaperVersion> versions) throws JsonProcessingException {
        List<VersionJson> out = new ArrayList<>(versions.size());
        for (PaperVersion v : versions) out.add(new VersionJson(v.version(), instantText(v.submitted())));
        return writer.writeValueAsString(out);
    }

    private List<PaperVersion> versions(String json) throws java.io.IOException {
        List<VersionJson> in = versionsReader.readValue(json);
        List<PaperVersion> out = new ArrayList<>(in.size());
        for (VersionJson v : in) out.add(new PaperVersion(v.version(), instant(v.submitted())));
        return out;
    }

    private static String instantText(Instant t) {
        return t == null ? null : INSTANT_TEXT.format(t);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.from(INSTANT_TEXT.parse(text));
    }

    /**
     * The paper in the one form the store keeps: versions sorted by number and hub entries by day and hub,
     * one of each (the later wins). Stored and merged records compare equal only in this form.
     */
    static Paper canonical(Paper p) {
        List<PaperVersion> versions = p.versions();
        if (!strictlyIncreasing(versions)) {
            TreeMap<Integer, PaperVersion> byNumber = new TreeMap<>();
            for (PaperVersion v : versions) byNumber.put(v.version(), v);
            versions = List.copyOf(byNumber.values());
        }
        List<HubEntry> hub = p.hubEntries();
        for (HubEntry e : hub) {
            if (e.hub() == null || e.listDate() == null) {
                throw new IllegalArgumentException("store: hub entry of paper " + p.id() + " lacks a hub or a list date");
            }
        }
        if (!strictlyIncreasingHub(hub)) {
            Map<String, HubEntry> byKey = new LinkedHashMap<>();
            for (HubEntry e : hub) byKey.put(e.hub() + "\n" + e.listDate(), e);
            List<HubEntry> sorted = new ArrayList<>(byKey.values());
            sorted.sort(HUB_ORDER);
            hub = List.copyOf(sorted);
        }
        if (versions == p.versions() && hub == p.hubEntries()) return p;
        return new Paper(p.id(), p.version(), p.title(), p.authors(), p.abstractText(), p.categories(),
                p.published(), p.updated(), p.doi(), p.journalRef(), p.comments(), p.license(), p.links(),
                p.source(), p.keywords(), versions, hub);
    }

    private static boolean strictlyIncreasing(List<PaperVersion> versions) {
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i - 1).version() >= versions.get(i).version()) return false;
        }
        return true;
    }

    private static boolean strictlyIncreasingHub(List<HubEntry> hub) {
        for (int i = 1; i < hub.size(); i++) {
            if (HUB_ORDER.compare(hub.get(i - 1), hub.get(i)) >= 0) return false;
        }
        return true;
    }

    private static Paper withHub(Paper p, List<HubEntry> hub) {
        return new Paper(p.id(), p.version(), p.title(), p.authors(), p.abstractText(), p.categories(),
                p.published(), p.updated(), p.doi(), p.journalRef(), p.comments(), p.license(), p.links(),
                p.source(), p.keywords(), p.versions(), hub);
    }
}
