package dev.paperboy.cite;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A paper as a BibTeX entry in arXiv's {@code @misc} form: title, author, year, eprint, archivePrefix,
 * primaryClass, doi (when known) and url. Field values go through {@link TexText}: Unicode kept, TeX specials
 * escaped, math kept. The key is a pure function of the paper (see {@link #key}).
 */
public final class BibTex {
    private BibTex() {}

    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "on", "of", "for", "in", "into", "to",
            "towards", "toward", "and", "or", "with", "without", "via", "by", "from", "at", "as", "is", "are", "be",
            "do", "does", "what", "how", "why", "when", "can", "we", "our", "its", "it", "this", "that", "not", "no",
            "all", "about", "beyond", "using", "under", "over", "through", "between", "vs", "versus");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "v");
    private static final Pattern MATH = Pattern.compile("\\$[^$]*\\$|\\\\\\(.*?\\\\\\)");
    // A DOI as Crossref mints them, without the characters that would need escaping in a verbatim field.
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s{}\\\\%#\"]+");
    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s{}\\\\%#\"<>]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z-]+(\\.[A-Za-z-]+)?");
    // Names that are groups, not people: braced whole so BibTeX does not split them into first and last names.
    private static final Pattern GROUP = Pattern.compile(
            "(?i).*\\b(and|collaboration|consortium|team|group|project|initiative|community|committee)\\b.*");

    /** The whole entry, ending with a newline. */
    public static String entry(Paper p) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"title", TexText.field(p.title().isBlank() ? "(untitled) " + p.id() : p.title())});
        String authors = authors(p.authors());
        if (!authors.isEmpty()) fields.add(new String[] {"author", authors});
        year(p).ifPresent(y -> fields.add(new String[] {"year", Integer.toString(y)}));
        Optional<ArxivId> arxiv = PaperIds.isArxiv(p.id()) ? ArxivId.parse(p.id()) : Optional.empty();
        if (arxiv.isPresent()) {
            fields.add(new String[] {"eprint", arxiv.get().base()});
            fields.add(new String[] {"archivePrefix", "arXiv"});
            String primary = p.primaryCategory();
            if (primary != null && CATEGORY.matcher(primary).matches()) fields.add(new String[] {"primaryClass", primary});
        }
        doi(p).ifPresent(d -> fields.add(new String[] {"doi", d}));
        url(p).ifPresent(u -> fields.add(new String[] {"url", u}));
        StringBuilder sb = new StringBuilder(256).append("@misc{").append(key(p)).append(",\n");
        for (int i = 0; i < fields.size(); i++) {
            sb.append("  ").append(fields.get(i)[0]).append(" = {").append(fields.get(i)[1]).append('}');
            sb.append(i + 1 < fields.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /**
     * The citation key: the first author's last name folded to ASCII, the year of the first version, the first
     * significant word of the title, then {@code _} and the paper's id ({@code lovelace2024attention_2403.12345}),
     * so distinct papers never share a key and a paper keeps its key across versions.
     */
    public static String key(Paper p) {
        String name = p.authors().stream().map(Author::name).filter(n -> !n.isBlank()).findFirst()
                .map(BibTex::lastName).map(BibTex::ascii).orElse("");
        String word = firstWord(p.title());
        return (name.isEmpty() ? "anon" : name) + year(p).map(String::valueOf).orElse("") + word + "_" + idPart(p.id());
    }

    /** The year of the first version: its date, else the month an arXiv id encodes. */
    static Optional<Integer> year(Paper p) {
        if (p.published() != null) return Optional.of(p.published().atZone(ZoneOffset.UTC).getYear());
        if (!PaperIds.isArxiv(p.id())) return Optional.empty();
        String id = p.id();
        String yy = id.contains("/") ? id.substring(id.indexOf('/') + 1, id.indexOf('/') + 3) : id.substring(0, 2);
        int y = Integer.parseInt(yy);
        // Old-style ids ran from 1991 to 2007; new-style ones from 0704 on.
        return Optional.of(id.contains("/") && y >= 91 ? 1900 + y : 2000 + y);
    }

    private static String authors(List<Author> authors) {
        List<String> names = new ArrayList<>(authors.size());
        for (Author a : authors) {
            String n = TexText.field(a.name());
            if (n.isEmpty()) continue;
            // A comma-free name of a group, or one with more than two commas, would be split wrongly.
            boolean brace = GROUP.matcher(a.name()).matches() || n.chars().filter(c -> c == ',').count() > 2;
            names.add(brace ? "{" + n + "}" : n);
        }
        return String.join(" and ", names);
    }

    private static Optional<String> doi(Paper p) {
        if (p.doi() == null) return Optional.empty();
        String d = p.doi().strip();
        return DOI.matcher(d).matches() ? Optional.of(d) : Optional.empty();
    }

    private static Optional<String> url(Paper p) {
        if (PaperIds.isArxiv(p.id())) return Optional.of("https://arxiv.org/abs/" + p.id());
        String abs = p.links().abs();
        return abs != null && SAFE_URL.matcher(abs.strip()).matches() ? Optional.of(abs.strip()) : Optional.empty();
    }

    private static String lastName(String name) {
        String n = name.strip();
        int comma = n.indexOf(',');
        if (comma > 0) return n.substring(0, comma); // "Lovelace, Ada"
        String[] parts = n.split("\\s+");
        for (int i = parts.length - 1; i >= 0; i--) {
            String folded = ascii(parts[i]);
            if (!folded.isEmpty() && !SUFFIXES.contains(folded)) return parts[i];
        }
        return parts[parts.length - 1];
    }

    private static String firstWord(String title) {
        String plain = MATH.matcher(title).replaceAll(" ");
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            String folded = ascii(w);
            if (folded.length() > 1 && !STOPWORDS.contains(folded) && Character.isLetter(folded.charAt(0))) {
                return folded;
            }
        }
        return "";
    }

    /** Lower-case ASCII letters and digits of the text, accents dropped (Brézin → brezin, Łukasz → lukasz). */
    static String ascii(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = Character.toLowerCase(d.charAt(i));
            switch (c) {
                case 'ß' -> sb.append("ss");
                case 'ø' -> sb.append('o');
                case 'ł' -> sb.append('l');
                case 'æ' -> sb.append("ae");
                case 'œ' -> sb.append("oe");
                case 'đ', 'ð' -> sb.append('d');
                case 'þ' -> sb.append("th");
                case 'ı' -> sb.append('i');
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb.append(c);
                }
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The id in key characters: letters, digits, '.', '-' kept, '/' as '_' (ids have no '_'), others as _xHEX. */
    private static String idPart(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                sb.append(c);
            } else if (c == '/') {
                sb.append('_');
            } else {
                sb.append("_x").append(Integer.toHexString(c));
            }
        }
        return sb.toString();
    }
}
