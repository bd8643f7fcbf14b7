package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.LensPapers;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import dev.paperboy.cite.BibtexCheck;
import dev.paperboy.cite.MarkdownCheck;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper page, its .bib and .md through the real server over SQLite in a temp dir. */
class PaperPageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final Instant V1 = Instant.parse("2024-03-18T17:59:59Z");
    private static final Instant V2 = Instant.parse("2024-04-02T08:00:00Z");
    private static final Instant V3 = Instant.parse("2024-05-10T12:00:00Z");
    /** The paper page loads the shell's scripts and its copy button's, each from a hashed static URL. */
    private static final List<String> PAGE_SCRIPTS = List.of(StaticAssets.href("htmx.min.js"), StaticAssets.href("site.js"),
            StaticAssets.href("copy.js"));
    static final String HOSTILE_TITLE = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> [click](javascript:alert(3))"
            + " }, author={Mallory}} @misc{evil, title={x";
    static final String HOSTILE_ABSTRACT = "See <a href=\"javascript:alert(4)\">this</a> and ![x](javascript:alert(5))"
            + " or <javascript:alert(6)>.\n\n# Heading\n- list item\n1. ordered & %s $\\input{/etc/passwd}$ {";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private App app;
    private String base;

    @BeforeEach
    void start() {
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0").with(Key.BASE_URL, "https://papers.example/");
        app = App.open(config, CLOCK);
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String ok(String path, String contentType) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertEquals(contentType, r.headers().firstValue("content-type").orElse("").replace(" ", "")
                .toLowerCase(Locale.ROOT), path);
        return r.body();
    }

    private static final List<Author> TWO = List.of(new Author("Grace Hopper", List.of("Yale")), new Author("Alan Turing"));
    private static final List<Author> THREE = List.of(new Author("Grace Hopper", List.of("Yale")),
            new Author("Alan Turing"), new Author("Édouard Brézin"));

    /** v1, then v2 with a new title, then v3 with new authors and abstract, stored one after the other. */
    private void storeThreeVersions() {
        Paper.Builder b = Paper.builder("2403.12345").categories(List.of("cs.CL", "cs.LG")).published(V1)
                .source("arxiv-api").license("http://creativecommons.org/licenses/by-nc-sa/4.0/")
                .comments("12 pages, 3 figures").journalRef("J. Imag. Res. 1 (2024) 1-10").doi("10.1000/xyz<123>")
                .links(new Links(null, null, "https://github.com/example/attn", "https://attn.example/"))
                .hubEntries(List.of(new HubEntry(HubEntry.HUGGING_FACE, LocalDate.parse("2024-03-19"), "akhaliq", 42, 3, 1200)));
        app.papers().upsert(b.version(1).title("Attention is all you need").authors(TWO)
                .abstractText("We study attention.").updated(V1)
                .versions(List.of(new PaperVersion(1, V1))).build());
        app.papers().upsert(b.version(2).title("Attention Is Most of What You Need").updated(V2)
                .versions(List.of(new PaperVersion(1, V1), new PaperVersion(2, V2))).build());
        app.papers().upsert(b.version(3).authors(THREE).abstractText("We study attention, again.").updated(V3)
                .versions(List.of(new PaperVersion(1, V1), new PaperVersion(2, V2), new PaperVersion(3, V3))).build());
    }

    @Test
    void thePaperPageShowsEverythingKnown() throws Exception {
        storeThreeVersions();
        Document d = Jsoup.parse(ok("/papers/2403.12345", "text/html;charset=utf-8"));

        assertEquals("Attention Is Most of What You Need · Paperboy", d.title());
        assertEquals("Attention Is Most of What You Need", d.selectFirst("h1").text());
        assertEquals(List.of("Grace Hopper (Yale)", "Alan Turing", "Édouard Brézin"), d.select(".author").eachText());
        assertEquals("We study attention, again.", d.selectFirst(".abstract").text());
        String facts = d.selectFirst("dl.facts").text();
        for (String s : List.of("2403.12345v3", "cs.CL, cs.LG", "2024-03-18", "2024-05-10", "J. Imag. Res. 1 (2024) 1-10",
                "10.1000/xyz<123>", "12 pages, 3 figures", "CC BY-NC-SA 4.0")) {
            assertTrue(facts.contains(s), s + " missing in " + facts);
        }
        assertEquals("https://doi.org/10.1000/xyz%3C123%3E", d.selectFirst("dl.facts a[href^=https://doi.org/]").attr("href"));
        assertEquals("http://creativecommons.org/licenses/by-nc-sa/4.0/", d.selectFirst("a[rel~=license]").attr("href"));

        assertEquals(List.of("v1 2024-03-18", "v2 2024-04-02 Title changed (was “Attention is all you need”)",
                "v3 2024-05-10 Authors and abstract changed"), d.select("ol.versions li").eachText());

        List<String> links = d.select("p.links a").stream().map(a -> a.text() + " " + a.attr("href")).toList();
        assertEquals(List.of("arXiv abstract https://arxiv.org/abs/2403.12345", "PDF on arXiv https://arxiv.org/pdf/2403.12345",
                "DOI https://doi.org/10.1000/xyz%3C123%3E", "Code https://github.com/example/attn",
                "Project page https://attn.example/", "Hugging Face https://huggingface.co/papers/2403.12345",
                "JSON /api/papers/2403.12345", "Permalink https://papers.example/papers/2403.12345"), links);

        String hub = d.selectFirst("section.hub").text();
        for (String s : List.of("2024-03-19", "akhaliq", "42 upvotes", "3 comments", "1200 GitHub stars", "repository",
                "project page")) {
            assertTrue(hub.contains(s), s + " missing in " + hub);
        }

        Element bib = d.selectFirst("pre#bibtex");
        assertNotNull(bib);
        assertTrue(bib.text().startsWith("@misc{hopper2024attention_2403.12345,"), bib.text());
        assertEquals(ok("/papers/2403.12345.bib", "application/x-bibtex;charset=utf-8").strip(), bib.wholeText().strip());
        Element copy = d.selectFirst("button[data-copy-target=bibtex]");
        assertTrue(copy.hasAttr("hidden"), "the copy button appears only when its script runs");
        assertEquals(PAGE_SCRIPTS, d.select("script").eachAttr("src"));
        assertTrue(d.select("script").stream().allMatch(s -> s.data().isBlank()), "no inline script");

        assertEquals("article", meta(d, "og:type"));
        assertEquals("Attention Is Most of What You Need", meta(d, "og:title"));
        assertEquals("https://papers.example/papers/2403.12345", meta(d, "og:url"));
        assertEquals("We study attention, again.", meta(d, "og:description"));
        assertEquals("We study attention, again.", d.selectFirst("meta[name=description]").attr("content"));
        assertEquals("/papers/2403.12345.bib", d.selectFirst("link[type=application/x-bibtex]").attr("href"));
    }

    private static String meta(Document d, String property) {
        Element m = d.selectFirst("meta[property=" + property + "]");
        assertNotNull(m, property);
        return m.attr("content");
    }

    @Test
    void aPaperWithALensShowsItsLensSection() throws Exception {
        app.papers().upsert(LensPapers.paper(LensPapers.LITESTAGE, "2025-10-16T00:00:00Z"));
        Document d = Jsoup.parse(ok("/papers/" + LensPapers.LITESTAGE, "text/html;charset=utf-8"));
        assertEquals(List.of("compute"), d.select("section.lens .resources li").eachText());
        String md = ok("/papers/" + LensPapers.LITESTAGE + ".md", "text/markdown;charset=utf-8");
        assertTrue(md.contains("## Budget lens"), md);
        assertTrue(md.contains("- **Saves:** compute"), md);
    }

    @Test
    void bibtexIsArxivsMiscFormAndParses() throws Exception {
        storeThreeVersions();
        String bib = ok("/papers/2403.12345.bib", "application/x-bibtex;charset=utf-8");
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        assertEquals(1, db.getEntries().size());
        BibTeXEntry e = db.getEntries().values().iterator().next();
        assertEquals("misc", e.getType().getValue());
        assertEquals("hopper2024attention_2403.12345", e.getKey().getValue());
        assertEquals("Attention Is Most of What You Need", e.getField(BibTeXEntry.KEY_TITLE).toUserString());
        assertEquals("Grace Hopper and Alan Turing and Édouard Brézin", e.getField(BibTeXEntry.KEY_AUTHOR).toUserString());
        assertEquals("2024", e.getField(BibTeXEntry.KEY_YEAR).toUserString());
        assertEquals("2403.12345", e.getField(new org.jbibtex.Key("eprint")).toUserString());
        assertEquals("arXiv", e.getField(new org.jbibtex.Key("archivePrefix")).toUserString());
        assertEquals("cs.CL", e.getField(new org.jbibtex.Key("primaryClass")).toUserString());
        assertEquals("https://arxiv.org/abs/2403.12345", e.getField(BibTeXEntry.KEY_URL).toUserString());
        assertEquals("10.1000/xyz<123>", e.getField(BibTeXEntry.KEY_DOI).toUserString());
    }

    @Test
    void oldStyleIdsHaveTheirBibAndMarkdownAndOtherSpellingsRedirect() throws Exception {
        app.papers().upsert(Paper.builder("hep-th/9901001").version(2).title("A string theory classic")
                .authors(List.of(new Author("Juan Maldacena"))).categories(List.of("hep-th")).doi("10.1023/A:1026654312961")
                .abstractText("Branes.").build());
        String bib = ok("/papers/hep-th/9901001.bib", "application/x-bibtex;charset=utf-8");
        BibTeXEntry e = new BibTeXParser().parse(new StringReader(bib)).getEntries().values().iterator().next();
        assertEquals("maldacena1999string_hep-th_9901001", e.getKey().getValue());
        assertEquals("hep-th/9901001", e.getField(new org.jbibtex.Key("eprint")).toUserString());
        assertEquals("10.1023/A:1026654312961", e.getField(BibTeXEntry.KEY_DOI).toUserString());
        String md = ok("/papers/hep-th/9901001.md", "text/markdown;charset=utf-8");
        assertTrue(md.startsWith("# A string theory classic\n"), md);

        for (String[] redirect : List.of(new String[] {"/papers/hep-th/9901001v2.bib", "/papers/hep-th/9901001.bib"},
                new String[] {"/papers/arXiv:hep-th/9901001.md", "/papers/hep-th/9901001.md"})) {
            HttpResponse<String> r = get(redirect[0]);
            assertEquals(301, r.statusCode(), redirect[0]);
            assertEquals(redirect[1], r.headers().firstValue("location").orElse(""), redirect[0]);
        }
        assertEquals(404, get("/papers/2999.99999.bib").statusCode());
        assertEquals(404, get("/papers/2999.99999.md").statusCode());
    }

    @Test
    void markdownHasTitleAuthorsIdsDatesLinksAndAbstract() throws Exception {
        storeThreeVersions();
        String md = ok("/papers/2403.12345.md", "text/markdown;charset=utf-8");
        for (String s : List.of("# Attention Is Most of What You Need\n",
                "- **Authors:** Grace Hopper, Alan Turing, Édouard Brézin\n", "- **Id:** 2403.12345v3\n",
                "- **Published:** 2024-03-18\n",
                "- **Versions:** v1 (2024-03-18), v2 (2024-04-02; title changed), v3 (2024-05-10; authors, abstract changed)\n",
                "[PDF on arXiv](<https://arxiv.org/pdf/2403.12345>)", "[Paperboy](<https://papers.example/papers/2403.12345>)",
                "## Abstract\n\nWe study attention, again.\n")) {
            assertTrue(md.contains(s), s + " missing in " + md);
        }
    }

    @Test
    void theCopyScriptIsServedFromTheJar() throws Exception {
        String js = ok(StaticAssets.href("copy.js"), "text/javascript;charset=utf-8");
        assertTrue(js.contains("data-copy-target"), js);
    }

    @Test
    void hostileTitlesAndAbstractsAreInertOnThePageInMarkdownAndInBibtex() throws Exception {
        app.papers().upsert(Paper.builder("2401.00666").version(1).title(HOSTILE_TITLE)
                .authors(List.of(new Author("<img src=x onerror=alert(7)>"), new Author("Eve} and {Mallory")))
                .abstractText(HOSTILE_ABSTRACT).categories(List.of("cs.CR")).published(V1).doi("10.1/}@misc{x,").license("javascript:alert(12)")
                .links(new Links("javascript:alert(8)", "data:text/html,<script>alert(9)</script>",
                        "javascript:alert(10)", " JavaScript:alert(11)"))
                .build());

        Document d = Jsoup.parse(ok("/papers/2401.00666", "text/html;charset=utf-8"));
        assertEquals(HOSTILE_TITLE, d.selectFirst("h1").text());
        assertEquals(PAGE_SCRIPTS, d.select("script").eachAttr("src"));
        assertTrue(d.select("main img, iframe, object, embed").isEmpty(), d.html());
        assertTrue(d.getAllElements().stream().allMatch(el -> el.attributes().asList().stream()
                .noneMatch(a -> a.getKey().startsWith("on"))), "no event handler attribute");
        assertTrue(d.select("a[href]").stream().map(a -> a.attr("href").strip().toLowerCase(Locale.ROOT))
                .allMatch(h -> h.startsWith("/") || h.startsWith("#") || h.startsWith("https://") || h.startsWith("http://")), d.html());
        assertEquals(HOSTILE_TITLE, d.selectFirst("meta[property=og:title]").attr("content"));
        assertTrue(d.selectFirst("dl.facts").text().contains("javascript:alert(12)"), "a licence that is no address is text");

        MarkdownCheck.assertInert(ok("/papers/2401.00666.md", "text/markdown;charset=utf-8"), HOSTILE_TITLE);

        String bib = ok("/papers/2401.00666.bib", "application/x-bibtex;charset=utf-8");
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        assertEquals(1, db.getEntries().size(), bib);
        BibTeXEntry e = db.getEntries().values().iterator().next();
        assertEquals(List.of("title", "author", "year", "eprint", "archivePrefix", "primaryClass", "url"),
                e.getFields().keySet().stream().map(org.jbibtex.Key::getValue).toList(), bib);
        assertEquals(HOSTILE_TITLE, BibtexCheck.plain(e.getField(BibTeXEntry.KEY_TITLE).toUserString()));
        List<String> names = BibtexCheck.names(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString());
        assertEquals(2, names.size(), bib);
        assertEquals("<img src=x onerror=alert(7)>", BibtexCheck.plain(names.get(0)));
        assertEquals("{Eve} and {Mallory}", "{" + BibtexCheck.plain(names.get(1).substring(1, names.get(1).length() - 1)) + "}");
    }
}
