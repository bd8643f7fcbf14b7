package dev.paperboy.paper.jdbi;

import dev.paperboy.paper.PageKey;
import dev.paperboy.paper.PaperQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL conditions of listings over {@link PaperQuery}: dates, keyset position, categories and exclusions. */
final class ListingSql {
    private ListingSql() {}

    /**
     * The WHERE condition of a listing over {@code query} from {@code after}, on {@code papers p} or, when the
     * query names categories, on {@code paper_categories c}; its arguments are appended to {@code args}.
     */
    static StringBuilder where(PaperQuery query, Optional<PageKey> after, List<Object> args) {
        boolean byCategory = !query.categories().isEmpty();
        String published = byCategory ? "c.published" : "p.published";
        String id = byCategory ? "c.paper_id" : "p.id";
        StringBuilder where = new StringBuilder(published + " IS NOT NULL");
        query.fromInstant().ifPresent(t -> {
            where.append(" AND ").append(published).append(" >= ?");
            args.add(PaperColumns.instantText(t));
        });
        query.untilInstant().ifPresent(t -> {
            where.append(" AND ").append(published).append(" < ?");
            args.add(PaperColumns.instantText(t));
        });
        after.ifPresent(k -> {
            where.append(" AND (").append(published).append(", ").append(id).append(") < (?, ?)");
            args.add(PaperColumns.instantText(k.at()));
            args.add(k.id());
        });
        if (byCategory) where.append(" AND ").append(inCategories("c", query.categories(), false, args));
        if (!query.excluded().isEmpty()) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM paper_categories x WHERE x.paper_id = ").append(id)
                    .append(" AND ").append(inCategories("x", query.excluded(), true, args)).append(')');
        }
        return where;
    }

    /**
     * The condition "in one of these categories or archives" on {@code alias}'s paper_categories row;
     * {@code byPaper} when the row is looked up by paper id, which must then pick the primary key.
     */
    static String inCategories(String alias, List<String> names, boolean byPaper, List<Object> args) {
        List<String> categories = names.stream().filter(n -> n.indexOf('.') >= 0).toList();
        List<String> archives = names.stream().filter(n -> n.indexOf('.') < 0).toList();
        List<String> terms = new ArrayList<>(2);
        if (!categories.isEmpty()) terms.add(alias + ".category IN (" + Rows.placeholders(categories.size()) + ")");
        // Without stats SQLite prefers the archive index (archive = ?) to the primary key (paper_id = ?) and
        // then walks every row of the archive per paper: an expression keeps that index out of the choice.
        String archive = byPaper ? alias + ".archive || ''" : alias + ".archive";
        if (!archives.isEmpty()) terms.add(archive + " IN (" + Rows.placeholders(archives.size()) + ")");
        args.addAll(categories);
        args.addAll(archives);
        return "(" + String.join(" OR ", terms) + ")";
    }

    /** The query once per category or archive it names, each with its dates and exclusions. */
    static List<PaperQuery> perName(PaperQuery query) {
        List<PaperQuery> out = new ArrayList<>(query.categories().size());
        for (String name : query.categories()) {
            out.add(new PaperQuery(List.of(name), query.excluded(), query.from(), query.to()));
        }
        return out;
    }

    /**
     * The first {@code limit} of several newest-first (published, id) key lists, newest first, each paper once.
     * Published instants are stored as fixed-width ISO text, so text order is time order, as in SQL.
     */
    static List<String[]> newestFirst(List<List<String[]>> lists, int limit) {
        List<String[]> all = new ArrayList<>();
        lists.forEach(all::addAll);
        all.sort(Comparator.<String[], String>comparing(k -> k[0]).thenComparing(k -> k[1]).reversed());
        Set<String> seen = new HashSet<>();
        List<String[]> out = new ArrayList<>(Math.min(limit, all.size()));
        for (String[] k : all) {
            if (out.size() == limit) break;
            if (seen.add(k[1])) out.add(k);
        }
        return out;
    }
}
