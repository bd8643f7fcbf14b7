package dev.paperboy.web;

import dev.paperboy.cite.BibTex;
import dev.paperboy.cite.PaperMarkdown;
import dev.paperboy.lens.Lens;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import dev.paperboy.paper.PaperRevision;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the paper page shows, as display strings: facts, versions with what each changed, links (only ever
 * http(s)), the Hugging Face entries, the lens, related papers, the BibTeX, and the page's meta tags.
 */
public record PaperPageView(Paper paper, String title, String description, String canonicalUrl, String jsonUrl,
                            String bibUrl, String markdownUrl, String idText, String published, String updated,
                            List<VersionLine> versions, Views.LinkView doi, Views.LinkView license,
                            List<Views.LinkView> links, List<HubLine> hub, Views.LensView lens,
                            List<Views.PaperRow> related, String bibtex, gg.jte.Content discussion) {

    /** One version: "v2", its date ("" when unknown), and what it changed ("" when nothing was recorded). */
    public record VersionLine(String label, String date, String changed, String previousTitle) {}

    /** One day on Hugging Face's daily papers; {@code stars} is "" when unknown, {@code repo}/{@code project} may be null. */
    public record HubLine(String day, String submitter, int upvotes, int comments, String stars, Views.LinkView repo,
                          Views.LinkView project, Views.LinkView page) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int DESCRIPTION = 200;

    /** The page of {@code p}, at {@code baseUrl} (no trailing slash) plus its path. */
    static PaperPageView of(Paper p, List<PaperRevision> revisions, Lens lens, String baseUrl,
            List<Views.PaperRow> related) {
        String path = Views.paperUrl(p.id());
        String title = p.title().isBlank() ? "(untitled) " + p.id() : p.title();
        return new PaperPageView(p, title, description(p), baseUrl + path, "/api" + path, path + ".bib", path + ".md",
                p.arxivId().map(Object::toString).orElse(p.id()), day(p.published()), day(p.updated()),
                versions(p, revisions), doiLink(p.doi()), licenseLink(p.license()), links(p), hub(p),
                Views.lens(p.title(), p.abstractText(), lens), related, BibTex.entry(p), null);
    }

    /** This page with the Discussion section (CommentPages.section), rendered per viewer. */
    PaperPageView withDiscussion(gg.jte.Content section) {
        return new PaperPageView(paper, title, description, canonicalUrl, jsonUrl, bibUrl, markdownUrl, idText,
                published, updated, versions, doi, license, links, hub, lens, related, bibtex, section);
    }

    public boolean hasVersions() {
        return !versions.isEmpty();
    }

    /** The authors as one line, for the meta tags. */
    public String authorLine() {
        return String.join(", ", paper.authors().stream().map(Author::name).filter(n -> !n.isBlank()).toList());
    }

    /** The abstract squeezed to one line and cut at a word near 200 characters, for meta tags and previews. */
    static String description(Paper p) {
        String s = p.abstractText().strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) s = p.title().strip().replaceAll("\\s+", " ");
        if (s.length() <= DESCRIPTION) return s;
        int cut = s.lastIndexOf(' ', DESCRIPTION);
        return s.substring(0, cut > DESCRIPTION / 2 ? cut : DESCRIPTION) + "…";
    }

    /** Every version known from the paper's dates or its recorded revisions, oldest first. */
    static List<VersionLine> versions(Paper p, List<PaperRevision> revisions) {
        Map<Integer, Instant> dates = new TreeMap<>();
        for (PaperVersion v : p.versions()) dates.put(v.version(), v.submitted());
        Map<Integer, PaperRevision> byVersion = new TreeMap<>();
        for (PaperRevision r : revisions) {
            byVersion.put(r.version(), r);
            dates.putIfAbsent(r.version(), null);
        }
        List<VersionLine> out = new ArrayList<>(dates.size());
        dates.forEach((v, at) -> {
            PaperRevision r = byVersion.get(v);
            String changed = "";
            if (r != null) {
                changed = sentence(PaperMarkdown.changed(r)) + " changed"
                        + (r.previousVersion() == v - 1 ? "" : " since v" + r.previousVersion());
            }
            out.add(new VersionLine("v" + v, day(at), changed, r != null && r.titleChanged() ? r.previousTitle() : ""));
        });
        return out;
    }

    private static String sentence(List<String> words) {
        String s = words.size() <= 1 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** arXiv's pages (from the id when the record has none), the DOI, code, project and Hugging Face pages. */
    static List<Views.LinkView> links(Paper p) {
        Links links = p.links();
        if (PaperIds.isArxiv(p.id())) links = links.orElse(Links.arxiv(new ArxivId(p.id(), 0)));
        List<Views.LinkView> out = new ArrayList<>();
        add(out, "arXiv abstract", links.abs());
        add(out, "PDF on arXiv", links.pdf());
        Views.LinkView doi = doiLink(p.doi());
        if (doi != null) out.add(new Views.LinkView("DOI", doi.href()));
        add(out, "Code", links.code());
        add(out, "Project page", links.project());
        if (PaperIds.isArxiv(p.id()) && p.hubEntries().stream().anyMatch(e -> e.hub().equals(HubEntry.HUGGING_FACE))) {
            out.add(new Views.LinkView("Hugging Face", huggingFacePage(p.id())));
        }
        return out;
    }

    private static List<HubLine> hub(Paper p) {
        List<HubLine> out = new ArrayList<>();
        Views.LinkView repo = link("Code", p.links().code());
        Views.LinkView project = link("Project page", p.links().project());
        Views.LinkView page = PaperIds.isArxiv(p.id()) ? new Views.LinkView("Hugging Face", huggingFacePage(p.id())) : null;
        for (HubEntry e : p.hubEntries().reversed()) {
            if (!e.hub().equals(HubEntry.HUGGING_FACE)) continue;
            out.add(new HubLine(e.listDate().toString(), e.submitter() == null ? "" : e.submitter(), e.upvotes(),
                    e.comments(), e.githubStars() == null ? "" : Integer.toString(e.githubStars()), repo, project, page));
        }
        return out;
    }

    private static String huggingFacePage(String arxivId) {
        return "https://huggingface.co/papers/" + arxivId;
    }

    /** The DOI as a link to its resolver, percent-encoding anything but the characters DOIs are usually made of. */
    static Views.LinkView doiLink(String doi) {
        if (doi == null || doi.isBlank()) return null;
        String d = doi.strip();
        StringBuilder href = new StringBuilder("https://doi.org/");
        for (byte b : d.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/;:()".indexOf(c) >= 0) {
                href.append(c);
            } else {
                href.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return new Views.LinkView(d, href.toString());
    }

    private static final Pattern CC = Pattern.compile(
            "(?i)https?://creativecommons\\.org/(licenses/([a-z-]+)|publicdomain/(zero|mark))/(\\d\\.\\d)/?");

    /** The licence by its short name ("CC BY 4.0"), linked when it is an http(s) address. */
    static Views.LinkView licenseLink(String license) {
        if (license == null || license.isBlank()) return null;
        String l = license.strip();
        String name = l;
        Matcher m = CC.matcher(l);
        if (m.matches()) {
            name = m.group(2) != null ? "CC " + m.group(2).toUpperCase(Locale.ROOT) + " " + m.group(4)
                    : (m.group(3).equalsIgnoreCase("zero") ? "CC0 " : "Public Domain Mark ") + m.group(4);
        } else if (l.toLowerCase(Locale.ROOT).contains("arxiv.org/licenses/nonexclusive-distrib")) {
            name = "arXiv non-exclusive licence to distribute";
        }
        Views.LinkView link = link(name, l);
        return link != null ? link : new Views.LinkView(name, "");
    }

    private static void add(List<Views.LinkView> out, String label, String href) {
        Views.LinkView l = link(label, href);
        if (l != null) out.add(l);
    }

    // Links come from imported data: anything but http(s) (javascript:, data:) is dropped, not escaped.
    private static Views.LinkView link(String label, String href) {
        if (href == null) return null;
        String h = href.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("https://") || h.startsWith("http://") ? new Views.LinkView(label, href.strip()) : null;
    }

    private static String day(Instant t) {
        return t == null ? "" : DAY.format(t);
    }
}
