package dev.paperboy.ingest.arxiv;

import dev.paperboy.paper.Author;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Author names in the shapes arXiv's metadata formats write them. */
final class AuthorNames {
    private AuthorNames() {}

    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");
    // "(1)", "(1, 2)", "(1,2,3)": references into an affiliation legend, not affiliations.
    private static final Pattern REFERENCES = Pattern.compile("[\\d*]+(?:\\s*(?:,|;|&|and)\\s*[\\d*]+)*");

    /** Splits an arXivRaw authors string ("A. Smith (MIT), B. Jones and C. Lee") into authors. */
    static List<Author> splitRaw(String raw) {
        // Commas, semicolons and " and " separate names outside parentheses; a trailing "(…)" is the
        // author's affiliation; "Jr."-style suffixes stay with the name before them; a numbered affiliation
        // legend ("((1) MIT, (2) CERN)") and "et al." are dropped.
        String s = Texts.collapse(raw);
        if (s == null) return List.of();
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth = Math.max(0, depth - 1);
            if (depth == 0 && (c == ',' || c == ';')) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else if (depth == 0 && s.startsWith(" and ", i)) {
                parts.add(cur.toString());
                cur.setLength(0);
                i += 4;
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());

        List<Author> out = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            if (p.startsWith("and ")) p = p.substring(4).strip();
            if (p.isEmpty() || p.equalsIgnoreCase("et al.") || p.equalsIgnoreCase("et al")) continue;
            if (SUFFIXES.contains(p.toLowerCase()) && !out.isEmpty()) {
                Author last = out.removeLast();
                out.add(new Author(last.name() + " " + p, last.affiliations()));
                continue;
            }
            List<String> affiliations = new ArrayList<>();
            while (p.endsWith(")")) {
                int open = matchingOpen(p);
                if (open <= 0) break;
                String inner = p.substring(open + 1, p.length() - 1).strip();
                p = p.substring(0, open).strip();
                boolean legend = inner.startsWith("(");
                if (!legend && !inner.isEmpty() && !REFERENCES.matcher(inner).matches()) affiliations.addFirst(inner);
            }
            if (!p.isEmpty()) out.add(new Author(p, affiliations));
        }
        return out;
    }

    /** "Last, First" (Dublin Core creators) as "First Last"; "Last, First, Jr." as "First Last Jr.". */
    static String lastFirst(String raw) {
        String s = Texts.collapse(raw);
        if (s == null) return null;
        String[] parts = s.split("\\s*,\\s*");
        if (parts.length == 2 && !parts[1].isEmpty()) return parts[1] + " " + parts[0];
        if (parts.length == 3 && SUFFIXES.contains(parts[2].toLowerCase())) {
            return parts[1] + " " + parts[0] + " " + parts[2];
        }
        return s;
    }

    /** "Forenames Keyname Suffix" from the arXiv format's parts, skipping absent ones. */
    static String join(String forenames, String keyname, String suffix) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {forenames, keyname, suffix}) {
            String p = Texts.collapse(part);
            if (p == null) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(p);
        }
        return sb.toString();
    }

    private static int matchingOpen(String s) {
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') depth++;
            if (c == '(' && --depth == 0) return i;
        }
        return -1;
    }
}
