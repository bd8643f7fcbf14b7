package dev.paperboy.paper.jdbi;

import dev.paperboy.paper.PaperRevision;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The paper_revisions table (V7): what each newer version of a paper changed, for {@link JdbiPaperStore}. */
final class Revisions {
    private Revisions() {}

    /** A revision to write, with the id of its paper. */
    record Pending(String paperId, PaperRevision revision) {}

    private static final String COLUMNS =
            "paper_id, version, previous_version, previous_title, previous_authors, previous_abstract";

    /** Writes the revisions; one already stored for the same (paper, version) is kept. */
    static void insert(Connection c, List<Pending> pending) throws SQLException {
        if (pending.isEmpty()) return;
        // ON CONFLICT … DO NOTHING is the same statement on SQLite (3.24+) and PostgreSQL.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO paper_revisions (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (paper_id, version) DO NOTHING")) {
            for (Pending p : pending) {
                PaperRevision r = p.revision();
                s.setString(1, p.paperId());
                s.setInt(2, r.version());
                s.setInt(3, r.previousVersion());
                text(s, 4, r.previousTitle());
                text(s, 5, r.authorsChanged() ? PaperColumns.authorsJson(r.previousAuthors()) : null);
                text(s, 6, r.previousAbstract());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The revisions of one paper, oldest version first. */
    static List<PaperRevision> of(Connection c, String paperId, PaperColumns codec) throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM paper_revisions WHERE paper_id = ? ORDER BY version")) {
            s.setString(1, paperId);
            try (ResultSet rs = s.executeQuery()) {
                List<PaperRevision> out = new ArrayList<>();
                while (rs.next()) {
                    String authors = rs.getString(5);
                    out.add(new PaperRevision(rs.getInt(2), rs.getInt(3), rs.getString(4),
                            authors == null ? null : codec.authors(authors), rs.getString(6)));
                }
                return out;
            }
        }
    }

    private static void text(PreparedStatement s, int at, String value) throws SQLException {
        if (value == null) s.setNull(at, Types.VARCHAR);
        else s.setString(at, value);
    }
}
