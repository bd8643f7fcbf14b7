package dev.paperboy.paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * arXiv category names: what a valid one looks like, and aliases and retired archives mapped to the name
 * arXiv uses today.
 */
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

    /**
     * True when {@code c} has the shape of an arXiv category: an archive ({@code hep-th}, {@code math-ph},
     * {@code cs}) optionally followed by a subject class, either two capitals ({@code cs.LG}, {@code q-bio.PE},
     * {@code astro-ph.GA}) or lower-case words ({@code cond-mat.mes-hall}, {@code physics.optics}). ACM and
     * MSC classes ({@code I.2.6}, {@code 68T05}) and markup are not categories. Checked by hand, not by a
     * regular expression, because every ingested record passes here.
     */
    public static boolean isValid(String c) {
        int n = c.length();
        if (n == 0 || n > 40) return false;
        int i = hyphenatedWord(c, 0);
        if (i < 0) return false;
        if (i == n) return true;
        if (c.charAt(i) != '.') return false;
        i++;
        if (n - i == 2 && isUpper(c.charAt(i)) && isUpper(c.charAt(i + 1))) return true;
        return hyphenatedWord(c, i) == n;
    }

    /** True when every category is {@link #isValid valid}. */
    public static boolean allValid(List<String> categories) {
        for (String c : categories) {
            if (!isValid(c)) return false;
        }
        return true;
    }

    /** The end of {@code [a-z]+(-[a-z]+)?} starting at {@code from}, or -1 when there is none. */
    private static int hyphenatedWord(String s, int from) {
        int i = lowerRun(s, from);
        if (i == from) return -1;
        if (i < s.length() && s.charAt(i) == '-') {
            int j = lowerRun(s, i + 1);
            return j == i + 1 ? -1 : j;
        }
        return i;
    }

    private static int lowerRun(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') i++;
        return i;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

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
