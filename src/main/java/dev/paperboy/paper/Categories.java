package dev.paperboy.paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** arXiv category names: aliases and retired archives mapped to the name arXiv uses today. */
public final class Categories {
    private Categories() {}

    // arXiv's cross-archive aliases (the left name is an alias of the right) and the archives that
    // were folded into math, nlin, physics and cs.
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("cs.NA", "math.NA"),
            Map.entry("cs.SY", "eess.SY"),
            Map.entry("math.IT", "cs.IT"),
            Map.entry("math.MP", "math-ph"),
            Map.entry("q-fin.EC", "econ.GN"),
            Map.entry("stat.TH", "math.ST"),
            Map.entry("acc-phys", "physics.acc-ph"),
            Map.entry("adap-org", "nlin.AO"),
            Map.entry("alg-geom", "math.AG"),
            Map.entry("ao-sci", "physics.ao-ph"),
            Map.entry("atom-ph", "physics.atom-ph"),
            Map.entry("bayes-an", "physics.data-an"),
            Map.entry("chao-dyn", "nlin.CD"),
            Map.entry("chem-ph", "physics.chem-ph"),
            Map.entry("cmp-lg", "cs.CL"),
            Map.entry("comp-gas", "nlin.CG"),
            Map.entry("dg-ga", "math.DG"),
            Map.entry("funct-an", "math.FA"),
            Map.entry("mtrl-th", "cond-mat.mtrl-sci"),
            Map.entry("patt-sol", "nlin.PS"),
            Map.entry("plasm-ph", "physics.plasm-ph"),
            Map.entry("q-alg", "math.QA"),
            Map.entry("solv-int", "nlin.SI"),
            Map.entry("supr-con", "cond-mat.supr-con"));

    /** The canonical name of one category. */
    public static String canonical(String category) {
        String c = category.strip();
        return CANONICAL.getOrDefault(c, c);
    }

    /** Canonical names, primary first, without duplicates or blanks. */
    public static List<String> canonical(List<String> categories) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : categories) {
            if (c != null && !c.isBlank()) out.add(canonical(c));
        }
        return List.copyOf(out);
    }

    /** The archive of a category: {@code cs} for {@code cs.LG}, the name itself when it has no dot ({@code hep-th}). */
    public static String archive(String category) {
        int dot = category.indexOf('.');
        return dot < 0 ? category : category.substring(0, dot);
    }

    /** Puts {@code primary} first, keeping the order of the rest. */
    public static List<String> primaryFirst(String primary, List<String> categories) {
        List<String> all = new ArrayList<>();
        if (primary != null && !primary.isBlank()) all.add(primary);
        all.addAll(categories);
        return canonical(all);
    }
}
