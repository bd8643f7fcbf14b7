package dev.paperboy.paper.jdbi;

import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.jdbi.PaperColumns.Encoded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the papers and hub_entries tables with plain JDBC, for {@link JdbiPaperStore}. */
final class Rows {
    private Rows() {}

    // Bounds the number of bind parameters per IN (...) query, well below both databases' limits.
    static final int IN_CHUNK = 500;
    private static final int TEXT_COLUMNS = PaperColumns.TEXT_COLUMNS;

    // Column order is the contract between encode(), the statements and readRow(): id, version, then the
    // TEXT_COLUMNS text columns, then seq.
    static final String COLUMNS = "id, version, title, authors, abstract, categories, primary_category,"
            + " published, updated, doi, journal_ref, comments, license, link_abs, link_pdf, link_code,"
            + " link_project, source, keywords, versions, seq";
    static final String HUB_COLUMNS = "paper_id, hub, list_date, submitter, upvotes, comments, github_stars";

    /** A stored row with its change sequence, before its hub entries are attached. */
    record Row(long seq, Encoded columns) {}

    static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first two columns of each result row. */
    static List<String[]> pairs(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            try (ResultSet rs = s.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
                return out;
            }
        }
    }

    static List<Row> rows(Connection c, String sql, Object... args) throws SQLException {
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
    static List<Row> rowsWithIds(Connection c, List<String> ids) throws SQLException {
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

    static Row readRow(ResultSet rs) throws SQLException {
        String[] text = new String[TEXT_COLUMNS];
        for (int i = 0; i < TEXT_COLUMNS; i++) text[i] = rs.getString(3 + i);
        return new Row(rs.getLong(3 + TEXT_COLUMNS), new Encoded(rs.getString(1), rs.getInt(2), text));
    }

    /** The hub entries of the papers with these ids, each list in canonical order. */
    static Map<String, List<HubEntry>> hubEntries(Connection c, List<String> ids) throws SQLException {
        Map<String, List<HubEntry>> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT " + HUB_COLUMNS + " FROM hub_entries"
                    + " WHERE paper_id IN (" + placeholders(chunk.size()) + ") ORDER BY paper_id, list_date, hub")) {
                for (int i = 0; i < chunk.size(); i++) s.setString(i + 1, chunk.get(i));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(hubEntry(rs));
                }
            }
        }
        out.replaceAll((id, list) -> List.copyOf(list));
        return out;
    }

    /** The hub entry of a row selected as {@link #HUB_COLUMNS}. */
    static HubEntry hubEntry(ResultSet rs) throws SQLException {
        int stars = rs.getInt(7);
        Integer githubStars = rs.wasNull() ? null : stars;
        return new HubEntry(rs.getString(2), LocalDate.parse(rs.getString(3)), rs.getString(4), rs.getInt(5),
                rs.getInt(6), githubStars);
    }

    static String placeholders(int n) {
        return "?" + ", ?".repeat(n - 1);
    }
}
