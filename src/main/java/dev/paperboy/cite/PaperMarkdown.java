package dev.paperboy.cite;

import dev.paperboy.lens.Claim;
import dev.paperboy.lens.Lens;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperRevision;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A paper as CommonMark, for reading in tools: title, authors, ids, dates, links, abstract and lens summary.
 * Every piece of stored text is escaped (see {@link #text}), so a title or abstract never becomes a link, an image,
 * HTML or a heading; the only links are the ones written here, to http(s) addresses.
 */
public final class PaperMarkdown {
    private PaperMarkdown() {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** One outgoing link; {@code href} must already be a vetted http(s) address. */
    public record Link(String label, String href) {}

    /** The Markdown of a paper; {@code links} are its vetted links, {@code pageUrl} its page on this site. */
    public static String of(Paper p, List<PaperRevision> revisions, List<Link> links, Lens lens, String pageUrl) {
        StringBuilder md = new StringBuilder(2048);
        md.append("# ").append(text(p.title().isBlank() ? "(untitled) " + p.id() : p.title())).append("\n\n");
        List<String> names = p.authors().stream().map(Author::name).filter(n -> !n.isBlank()).toList();
        if (!names.isEmpty()) fact(md, "Authors", text(String.join(", ", names)));
        fact(md, "Id", text(p.arxivId().map(Object::toString).orElse(p.id())));
        if (!p.categories().isEmpty()) fact(md, "Categories", text(String.join(", ", p.categories())));
        if (p.published() != null) fact(md, "Published", day(p.published()));
        if (p.updated() != null) fact(md, "Updated", day(p.updated()));
        String versions = versions(p, revisions);
        if (!versions.isEmpty()) fact(md, "Versions", versions);
        if (p.doi() != null) fact(md, "DOI", text(p.doi()));
        if (p.journalRef() != null) fact(md, "Journal", text(p.journalRef()));
        if (p.comments() != null) fact(md, "Comments", text(p.comments()));
        if (p.license() != null) fact(md, "License", text(p.license()));
        for (HubEntry e : p.hubEntries()) {
            if (!e.hub().equals(HubEntry.HUGGING_FACE)) continue;
            fact(md, "Hugging Face daily papers", e.listDate() + ", " + e.upvotes() + " upvotes, " + e.comments()
                    + " comments" + (e.submitter() == null ? "" : ", submitted by " + text(e.submitter()))
                    + (e.githubStars() == null ? "" : ", " + e.githubStars() + " GitHub stars"));
        }
        List<String> linkTexts = new ArrayList<>();
        for (Link l : links) linkTexts.add("[" + text(l.label()) + "](<" + href(l.href()) + ">)");
        linkTexts.add("[Paperboy](<" + href(pageUrl) + ">)");
        fact(md, "Links", String.join(" · ", linkTexts));
        md.append('\n');
        if (!p.abstractText().isBlank()) {
            md.append("## Abstract\n\n");
            for (String para : p.abstractText().strip().split("\\n\\s*\\n")) {
                String t = paragraph(para);
                if (!t.isEmpty()) md.append(t).append("\n\n");
            }
        }
        if (!lens.isEmpty()) {
            md.append("## Budget lens\n\n");
            if (!lens.resources().isEmpty()) fact(md, "Saves", text(String.join(", ", lens.resources())));
            for (Claim c : lens.claims()) {
                String label = c.resource() == null ? c.kind() : c.kind() + " · " + c.resource();
                md.append("- ").append(text(Lens.phrase(c))).append(" (").append(text(label)).append("): “")
                        .append(text(c.text())).append("”\n");
            }
            md.append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static void fact(StringBuilder md, String name, String value) {
        md.append("- **").append(name).append(":** ").append(value).append('\n');
    }

    /** "v1 (2024-03-18), v2 (2024-04-02; title, abstract changed)"; versions without a date name only the number. */
    private static String versions(Paper p, List<PaperRevision> revisions) {
        Map<Integer, Instant> dates = new TreeMap<>();
        for (PaperVersion v : p.versions()) dates.put(v.version(), v.submitted());
        Map<Integer, PaperRevision> byVersion = new TreeMap<>();
        for (PaperRevision r : revisions) {
            byVersion.put(r.version(), r);
            dates.putIfAbsent(r.version(), null);
        }
        List<String> out = new ArrayList<>();
        dates.forEach((v, at) -> {
            List<String> parts = new ArrayList<>();
            if (at != null) parts.add(day(at));
            PaperRevision r = byVersion.get(v);
            if (r != null) parts.add(String.join(", ", changed(r)) + " changed");
            out.add("v" + v + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")"));
        });
        return String.join(", ", out);
    }

    /** The fields a revision changed, in reading order. */
    public static List<String> changed(PaperRevision r) {
        List<String> out = new ArrayList<>(3);
        if (r.titleChanged()) out.add("title");
        if (r.authorsChanged()) out.add("authors");
        if (r.abstractChanged()) out.add("abstract");
        return out;
    }

    private static String day(Instant t) {
        return DAY.format(t);
    }

    /**
     * Stored text as inline Markdown that renders as exactly that text: whitespace squeezed to single spaces (no
     * line can start a block), every character that could open markup backslash-escaped (CommonMark lets any
     * ASCII punctuation be escaped), and a leading list or quote marker escaped.
     */
    static String text(String s) {
        return escape(s, false);
    }

    /** Text that starts a line of its own: a leading list, quote or heading marker is escaped as well. */
    static String paragraph(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean lineStart) {
        String t = TexText.squeeze(s);
        StringBuilder sb = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            // ( ) and ! only act next to a [ ], which is always escaped, so they stay as written.
            if ("\\`*_[]<>|~&#".indexOf(c) >= 0) sb.append('\\');
            else if (lineStart && i == 0 && "-+=>".indexOf(c) >= 0) sb.append('\\');
            else if (lineStart && (c == '.' || c == ')') && i > 0 && allDigits(t, i)) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    // "2024. A study" at the start of a paragraph would open an ordered list.
    private static boolean allDigits(String t, int end) {
        if (end > 9) return false;
        for (int i = 0; i < end; i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }

    /** An address inside {@code <…>}: characters that would end it or break the line are percent-encoded. */
    private static String href(String url) {
        StringBuilder sb = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '<' || c == '>' || c == '\\' || c == ' ' || c == '`' || c < 0x20 || c == 0x7f) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
