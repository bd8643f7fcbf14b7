package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.TestPapers;
import dev.paperboy.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell every page shares, over real HTTP: static files, security headers, the head of each page, error pages. */
class SiteShellTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private App app;
    private String base;

    @BeforeEach
    void start() {
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0").with(Key.PAGE_SIZE, "2").with(Key.BASE_URL, "https://papers.example/")
                .with(Key.EMBED, "false");
        app = App.open(config, CLOCK);
        app.papers().upsert(TestPapers.full());
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String text(String path) throws Exception {
        return new String(get(path).body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    /** The paths the home page's head links to: stylesheet, icon and scripts. */
    private List<String> linkedAssets() throws Exception {
        String home = text("/");
        List<String> paths = new ArrayList<>();
        Matcher m = Pattern.compile("(?:href|src)=\"(/static/[^\"]+)\"").matcher(home);
        while (m.find()) if (!paths.contains(m.group(1))) paths.add(m.group(1));
        return paths;
    }

    @Test
    void everyStaticFileAPageNamesHasAHashedUrlCachedForAYear() throws Exception {
        List<String> assets = linkedAssets();
        assertEquals(4, assets.size(), assets.toString()); // style.css, favicon.svg, htmx.min.js, site.js
        for (String path : assets) {
            assertTrue(path.matches("/static/[a-z.-]+\\.[0-9a-f]{10}\\.(css|js|svg)"), path);
            var r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals(StaticAssets.IMMUTABLE, header(r, "Cache-Control"), path);
            assertTrue(r.body().length > 100, path);
        }
        assertTrue(header(get(StaticAssets.href("style.css")), "Content-Type").startsWith("text/css"));
        assertTrue(header(get(StaticAssets.href("site.js")), "Content-Type").startsWith("text/javascript"));
        assertTrue(header(get(StaticAssets.href("favicon.svg")), "Content-Type").startsWith("image/svg+xml"));
    }

    @Test
    void theHashChangesWithTheBytes() {
        byte[] a = "body { color: red }".getBytes(StandardCharsets.UTF_8);
        byte[] b = "body { color: blue }".getBytes(StandardCharsets.UTF_8);
        assertEquals(StaticAssets.hashedName("style.css", a), StaticAssets.hashedName("style.css", a));
        assertFalse(StaticAssets.hashedName("style.css", a).equals(StaticAssets.hashedName("style.css", b)));
        assertTrue(StaticAssets.hashedName("LICENSE", a).matches("LICENSE\\.[0-9a-f]{10}"));
    }

    @Test
    void staticFilesAreGzippedForClientsThatAcceptIt() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + StaticAssets.href("htmx.min.js")))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", header(r, "Content-Encoding"));
        assertTrue(r.body().length < 25_000, r.body().length + " bytes");
    }

    @Test
    void plainNamesStillAnswerButAreCachedBriefly() throws Exception {
        var r = get("/static/style.css");
        assertEquals(200, r.statusCode());
        assertEquals(StaticAssets.SHORT, header(r, "Cache-Control"));
        assertArrayEquals(get(StaticAssets.href("style.css")).body(), r.body());
    }

    @Test
    void htmxIsTheWebjarsFileServedFromTheJarWithItsLicence() throws Exception {
        byte[] jar;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/htmx.org/"
                + StaticAssets.HTMX_VERSION + "/dist/htmx.min.js")) {
            jar = in.readAllBytes();
        }
        var r = get(StaticAssets.href("htmx.min.js"));
        assertArrayEquals(jar, r.body());
        String licence = text(StaticAssets.href("htmx-LICENSE.txt"));
        assertTrue(licence.contains("Zero-Clause BSD") || licence.contains("BSD"), licence);
    }

    @Test
    void unknownStaticFilesAre404Pages() throws Exception {
        var r = get("/static/nothing.js");
        assertEquals(404, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("text/html"));
        assertEquals(404, get("/static/style.0000000000.css").statusCode());
    }

    @Test
    void faviconIcoAnswersWithTheSvgIcon() throws Exception {
        var r = get("/favicon.ico");
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("image/svg+xml"));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).startsWith("<svg"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        String tooLong = "/search?q=" + "a".repeat(40_000);
        for (String path : List.of("/", "/papers/2403.12345", "/search?q=x", "/no/such/page", "/api/papers",
                "/api/papers/9999.99999", "/health", StaticAssets.href("style.css"), "/favicon.ico", tooLong)) {
            var r = get(path);
            String shown = path.length() > 40 ? path.substring(0, 40) + "… (" + r.statusCode() + ")" : path;
            String csp = header(r, "Content-Security-Policy");
            assertEquals(WebServer.CONTENT_SECURITY_POLICY, csp, shown);
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe"), shown);
            assertTrue(csp.contains("frame-ancestors 'none'"), shown);
            assertEquals("nosniff", header(r, "X-Content-Type-Options"), shown);
            assertEquals("same-origin", header(r, "Referrer-Policy"), shown);
            assertEquals("DENY", header(r, "X-Frame-Options"), shown);
        }
    }

    @Test
    void everyPageHasATitleADescriptionASkipLinkAndOneMain() throws Exception {
        for (String path : List.of("/", "/papers/2403.12345", "/search", "/search?q=attention", "/no/such/page",
                "/papers/date/2024-03-18", "/papers/week/2024-W12", "/papers/month/2024-03", "/trending", "/list/cs.CL",
                "/authors/Grace%20Hopper", "/api")) {
            String page = text(path);
            assertTrue(page.matches("(?s).*<title>[^<]+ · Paperboy</title>.*"), path);
            Matcher d = Pattern.compile("<meta name=\"description\" content=\"([^\"]+)\">").matcher(page);
            assertTrue(d.find() && d.group(1).length() > 20, path);
            assertTrue(page.contains("<a class=\"skip-link\" href=\"#main\">"), path);
            assertEquals(1, count(page, "<main id=\"main\""), path);
            assertTrue(page.contains("<html lang=\"en\">"), path);
        }
        // The paper page describes itself with its abstract, escaped like any text from a paper.
        String paper = text("/papers/2403.12345");
        Matcher d = Pattern.compile("<meta name=\"description\" content=\"([^\"]+)\">").matcher(paper);
        assertTrue(d.find());
        assertEquals("We study &lt;b>attention&lt;/b> &amp; friends. Second line.", d.group(1));
    }

    @Test
    void thePaperPageHasOpenGraphTagsAndItsCanonicalUrl() throws Exception {
        String page = text("/papers/2403.12345");
        assertTrue(page.contains("<link rel=\"canonical\" href=\"https://papers.example/papers/2403.12345\">"), page);
        assertTrue(page.contains("<meta property=\"og:type\" content=\"article\">"), page);
        assertTrue(page.contains("<meta property=\"og:title\" content=\"Attention Is Most of What You Need\">"), page);
        assertTrue(page.contains("<meta property=\"og:url\" content=\"https://papers.example/papers/2403.12345\">"), page);
        assertTrue(page.contains("<meta property=\"og:description\" content=\"We study &lt;b>attention"), page);
    }

    @Test
    void descriptionsAreCutAtAWordAndFallBackWhenEmpty() {
        String longText = "word ".repeat(100);
        String d = Views.description(longText, "fallback");
        assertTrue(d.length() <= Views.DESCRIPTION_CHARS && d.endsWith("word…"), d);
        assertEquals("A short  abstract.".replace("  ", " "), Views.description("  A short\n abstract. ", "x"));
        assertEquals("The title", Views.description("  ", "The title"));
    }

    @Test
    void theNotFoundPageOffersASearchAndTheWayHome() throws Exception {
        var r = get("/papers/2501.99999");
        assertEquals(404, r.statusCode());
        String page = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<h1 id=\"error-title\">Not found</h1>"), page);
        assertTrue(page.contains("<label for=\"error-q\">"), page);
        assertTrue(page.contains("<input id=\"error-q\" type=\"search\" name=\"q\""), page);
        assertTrue(page.contains("<a href=\"/\">Back to the newest papers</a>"), page);
    }

    @Test
    void theServerErrorPageSaysItIsOurFaultAndOffersASearch() {
        String page = new ErrorPages(Templates.precompiled(), new Json()).html(500, "The server failed to answer this request.");
        assertTrue(page.contains("Something went wrong"), page);
        assertTrue(page.contains("This is our fault"), page);
        assertTrue(page.contains("<input id=\"error-q\""), page);
        assertTrue(page.contains(StaticAssets.href("style.css")), page);
    }

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);

    /** The Content-Security-Policy forbids inline code and styles: no template may need them. */
    @Test
    void templatesHoldNoInlineScriptsHandlersOrStyles() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            templates = files.filter(p -> p.toString().endsWith(".jte")).toList();
        }
        assertTrue(templates.size() >= 5, templates.toString());
        for (Path t : templates) {
            String src = Files.readString(t);
            assertFalse(INLINE_SCRIPT.matcher(src).find(), t + " has an inline <script>");
            assertFalse(HANDLER.matcher(src).find(), t + " has an on…= event handler");
            assertFalse(STYLE.matcher(src).find(), t + " has a style attribute or element");
            assertFalse(src.toLowerCase(java.util.Locale.ROOT).contains("javascript:"), t + " has a javascript: URL");
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
