package dev.paperboy.community.jdbi;

import dev.paperboy.community.PaperCounts;
import dev.paperboy.db.Database;
import dev.paperboy.db.SqlCalls;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** The counters of {@code paper_counts} (migration V8), read by primary key in chunks. */
public final class JdbiPaperCounts implements PaperCounts {
    private final Jdbi jdbi;

    public JdbiPaperCounts(Database db) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
    }

    @Override
    public Map<String, Counts> counts(Collection<String> paperIds) {
        if (paperIds.isEmpty()) return Map.of();
        return Calls.run("read the counts of " + paperIds.size() + " papers", () -> jdbi.withHandle(h -> {
            Map<String, Counts> out = new HashMap<>();
            for (List<String> chunk : SqlCalls.chunks(paperIds)) {
                h.createQuery("SELECT paper_id, votes, comments FROM paper_counts WHERE paper_id IN (<ids>)")
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3))))
                        .forEach(e -> out.put(e.getKey(), e.getValue()));
            }
            return out;
        }));
    }
}
