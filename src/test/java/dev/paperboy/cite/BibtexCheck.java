package dev.paperboy.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;

/**
 * A strict reader of what {@link BibTex} writes: jbibtex parses the entries, and {@link #plain} decodes a field
 * value, refusing anything but the escapes TexText uses, unbalanced braces, and bare TeX specials.
 */
public final class BibtexCheck {
    private BibtexCheck() {}

    private static final Map<String, String> COMMANDS = Map.of("\\textbackslash{}", "\\", "\\textbraceleft{}", "{",
            "\\textbraceright{}", "}", "\\^{}", "^", "\\~{}", "~");

    /** The one entry in {@code bib}, parsed by jbibtex. */
    public static BibTeXEntry onlyEntry(String bib) throws Exception {
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        assertEquals(1, db.getObjects().size(), bib);
        return db.getEntries().values().iterator().next();
    }

    /** The text a field value stands for; math ({@code $…$}) is returned as written, its \% \# \& unescaped. */
    public static String plain(String value) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$') {
                boolean display = value.startsWith("$$", i);
                int end = value.indexOf(display ? "$$" : "$", i + (display ? 2 : 1));
                if (end < 0) throw new IllegalArgumentException("unclosed math at " + i + " in " + value);
                end += display ? 2 : 1;
                String math = value.substring(i, end);
                checkBalanced(math);
                out.append(math.replace("\\%", "%").replace("\\#", "#").replace("\\&", "&"));
                i = end;
                continue;
            }
            if (c == '\\') {
                String matched = null;
                for (String command : COMMANDS.keySet()) if (value.startsWith(command, i)) matched = command;
                if (matched != null) {
                    out.append(COMMANDS.get(matched));
                    i += matched.length();
                    continue;
                }
                if (value.startsWith("\\(", i)) {
                    int end = value.indexOf("\\)", i);
                    if (end < 0) throw new IllegalArgumentException("unclosed \\( at " + i + " in " + value);
                    out.append(value, i, end + 2);
                    i = end + 2;
                    continue;
                }
                char next = i + 1 < value.length() ? value.charAt(i + 1) : ' ';
                if ("&%#_${}".indexOf(next) < 0) throw new IllegalArgumentException("unknown escape at " + i + " in " + value);
                if (next == '{') depth++;
                if (next == '}' && --depth < 0) throw new IllegalArgumentException("unbalanced \\} in " + value);
                out.append(next);
                i += 2;
                continue;
            }
            if ("&%#_^~{}".indexOf(c) >= 0) throw new IllegalArgumentException("bare '" + c + "' at " + i + " in " + value);
            if (c < 0x20) throw new IllegalArgumentException("control character in " + value);
            out.append(c);
            i++;
        }
        if (depth != 0) throw new IllegalArgumentException("unbalanced \\{ in " + value);
        return out.toString();
    }

    private static void checkBalanced(String math) {
        int depth = 0;
        for (int i = 0; i < math.length(); i++) {
            char c = math.charAt(i);
            if (c == '{') depth++;
            if (c == '}' && --depth < 0) throw new IllegalArgumentException("unbalanced math " + math);
        }
        if (depth != 0) throw new IllegalArgumentException("unbalanced math " + math);
    }

    /** The names in an author field, split on " and " at brace depth 0 as BibTeX does. */
    public static List<String> names(String author) {
        List<String> out = new java.util.ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < author.length(); i++) {
            char c = author.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (depth == 0 && author.startsWith(" and ", i)) {
                out.add(author.substring(from, i));
                from = i + 5;
            }
        }
        out.add(author.substring(from));
        return out;
    }
}
