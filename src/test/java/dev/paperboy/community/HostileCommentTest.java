package dev.paperboy.community;

import static dev.paperboy.community.SafeHtml.assertSafe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Script, event-handler and unsafe-link payloads render inert, through the whole pipeline and through the sanitizer
 * alone (so each layer holds by itself).
 */
class HostileCommentTest {
    // A guard against hangs (super-linear parsing), not a speed claim: each case takes milliseconds.
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final CommentMarkdown markdown = new CommentMarkdown();

    /** Payloads whose text stays visible but which must produce no link at all. */
    static Stream<Arguments> unsafeLinks() {
        return Stream.of(
                Arguments.of("[x](javascript:alert(1))"),
                Arguments.of("[x](JaVaScRiPt:alert(1))"),
                Arguments.of("[x](&#106;avascript:alert(1))"),
                Arguments.of("[x](&#x6A;&#x61;vascript:alert(1))"),
                Arguments.of("[x](&#0000106avascript:alert(1))"),
                Arguments.of("[x](javascript&colon;alert(1))"),
                Arguments.of("[x]( javascript:alert(1))"),
                Arguments.of("[x](<\tjavascript:alert(1)>)"),
                Arguments.of("[x](<java\tscript:alert(1)>)"),
                Arguments.of("[x](<java script:alert(1)>)"),
                Arguments.of("[x](java%0ascript:alert(1))"),
                Arguments.of("[x](\\javascript:alert(1))"),
                Arguments.of("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
                Arguments.of("[x](DATA:text/html,<script>alert(1)</script>)"),
                Arguments.of("[x](vbscript:msgbox(1))"),
                Arguments.of("[x](file:///etc/passwd)"),
                Arguments.of("[x][r]\n\n[r]: javascript:alert(1)"),
                Arguments.of("[x][r]\n\n[r]: <data:text/html,x>"),
                Arguments.of("<javascript:alert(1)>"),
                Arguments.of("<JAVASCRIPT:alert(1)>"),
                Arguments.of("javascript://%0aalert(1)"),
                Arguments.of("javascript://example.com/%0aalert(1)"),
                Arguments.of("![x](javascript:alert(1))"),
                Arguments.of("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
                Arguments.of("[![x](javascript:alert(1))](javascript:alert(2))"),
                Arguments.of("[x](https:)"),
                Arguments.of("[x](http://)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeLinks")
    void unsafeLinksBecomeTheirText(String source) {
        Element b = assertSafe(markdown.toHtml(source), source);
        assertTrue(b.select("a").isEmpty(), () -> source + " gave " + b.html());
        assertFalse(b.text().isEmpty(), source);
    }

    /** Payloads that must come out with no element or attribute outside the allow-list. */
    static Stream<Arguments> hostileMarkup() {
        return Stream.of(
                Arguments.of("<script>alert(1)</script>"),
                Arguments.of("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>"),
                Arguments.of("\"><img src=x onerror=alert(1)>"),
                Arguments.of("'><svg onload=alert(1)>"),
                Arguments.of("<a href=\"javascript:alert(1)\">x</a>"),
                Arguments.of("<a href=\"https://ok.example/\" onclick=\"alert(1)\">x</a>"),
                Arguments.of("<div onclick=\"alert(1)\">x</div>"),
                Arguments.of("<p onmouseover=alert(1)>hover</p>"),
                Arguments.of("*x*<b onclick=alert(1)>y</b>"),
                Arguments.of("<iframe src=\"javascript:alert(1)\"></iframe>"),
                Arguments.of("<iframe srcdoc=\"<script>alert(1)</script>\">"),
                Arguments.of("<svg onload=alert(1)>"),
                Arguments.of("<svg><script>alert(1)</script></svg>"),
                Arguments.of("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
                Arguments.of("<scr<script>ipt>alert(1)</scr</script>ipt>"),
                Arguments.of("<!--><script>alert(1)</script>-->"),
                Arguments.of("<style>*{background:url(javascript:alert(1))}</style>"),
                Arguments.of("<object data=\"data:text/html,<script>alert(1)</script>\"></object>"),
                Arguments.of("<form action=\"javascript:alert(1)\"><button>go</button></form>"),
                Arguments.of("<body onload=alert(1)>"),
                Arguments.of("<details open ontoggle=alert(1)>"),
                Arguments.of("[<img src=x onerror=alert(1)>](https://ok.example/)"),
                Arguments.of("**<img src=x onerror=alert(1)>**"),
                Arguments.of("`<script>alert(1)</script>`"),
                Arguments.of("```\"><script>alert(1)</script>\nx\n```"),
                Arguments.of("```js onload=alert(1)\nx\n```"),
                Arguments.of("[x](https://ok.example/\"onmouseover=\"alert(1))"),
                Arguments.of("[x](https://ok.example/ \"\\\" onmouseover=\\\"alert(1)\")"),
                Arguments.of("[x](<https://ok.example/\"><script>alert(1)</script>>)"),
                Arguments.of("![\" onerror=\"alert(1)](https://ok.example/x.png)"),
                Arguments.of("https://ok.example/\"onmouseover=\"alert(1)"),
                Arguments.of("www.ok.example/<script>alert(1)</script>"),
                Arguments.of("> <script>alert(1)</script>\n> - <img src=x onerror=alert(1)>"),
                Arguments.of("- [x](javascript:alert(1))\n  - <svg/onload=alert(1)>"),
                Arguments.of("&lt;script&gt;alert(1)&lt;/script&gt;"),
                Arguments.of("\u0000<script>alert(1)</script>"),
                Arguments.of("<a href=\"jav&#x09;ascript:alert(1)\">x</a>"),
                Arguments.of("<img src=\"x\" onerror=\"&#97;lert(1)\">"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileMarkup")
    void hostileMarkupRendersInert(String source) {
        assertSafe(markdown.toHtml(source), source);
    }

    @Test
    void scriptTagIsShownAsItsText() {
        Element b = assertSafe(markdown.toHtml("<script>alert(1)</script>"), "script");
        assertEquals("<script>alert(1)</script>", b.text());
    }

    @Test
    void imageWithAnEventHandlerIsShownAsItsText() {
        String source = "\"><img src=x onerror=alert(1)>";
        assertEquals(source, assertSafe(markdown.toHtml(source), source).text());
    }

    /** HTML straight into the sanitizer, as if the Markdown layer had let it through. */
    static Stream<Arguments> hostileHtml() {
        return Stream.of(
                Arguments.of("<a href=\"javascript:alert(1)\">x</a>"),
                Arguments.of("<a href=\"JaVaScRiPt:alert(1)\">x</a>"),
                Arguments.of("<a href=\"  javascript:alert(1)\">x</a>"),
                Arguments.of("<a href=\"&#106;avascript:alert(1)\">x</a>"),
                Arguments.of("<a href=\"&#x6a;avascript&#x3a;alert(1)\">x</a>"),
                Arguments.of("<a href=\"java&#x09;script:alert(1)\">x</a>"),
                Arguments.of("<a href=\"java\nscript:alert(1)\">x</a>"),
                Arguments.of("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>"),
                Arguments.of("<a href=\"vbscript:msgbox(1)\">x</a>"),
                Arguments.of("<a href=\"/relative\">x</a>"),
                Arguments.of("<a href=\"//evil.example/\">x</a>"),
                Arguments.of("<a>x</a>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHtml")
    void sanitizerAloneDropsUnsafeLinksAndKeepsTheirText(String html) {
        Element b = assertSafe(markdown.sanitize(html), html);
        assertTrue(b.select("a").isEmpty(), () -> html + " gave " + b.html());
        assertEquals("x", b.text());
    }

    @Test
    void sanitizerAloneKeepsOnlyTheAllowedAttributes() {
        String html = "<p class=\"x\" style=\"color:red\" onclick=\"alert(1)\">"
                + "<a href=\"https://ok.example/\" title=\"t\" target=\"_blank\" rel=\"opener\" onclick=\"alert(1)\">ok</a>"
                + "<code class=\"language-py onload\">a</code><code class=\"language-py\">b</code>"
                + "<img src=\"x\" onerror=\"alert(1)\"><iframe src=\"https://ok.example/\"></iframe>"
                + "<svg onload=\"alert(1)\"></svg><script>alert(1)</script></p><ol start=\"2 onload=x\"><li>i</li></ol>"
                + "<ol start=\"3\"><li>j</li></ol><h1 id=\"h\">heading</h1><table><tr><td>cell</td></tr></table>";
        String out = markdown.sanitize(html);
        Element b = assertSafe(out, html);
        Element a = b.selectFirst("a");
        assertEquals("https://ok.example/", a.attr("href"));
        assertEquals("nofollow noopener noreferrer ugc", a.attr("rel"));
        assertEquals(List.of("", "language-py"), b.select("code").stream().map(c -> c.attr("class")).toList());
        assertEquals(List.of("", "3"), b.select("ol").stream().map(o -> o.attr("start")).toList());
        assertEquals("okab i j headingcell", b.text(), "script and iframe content gone, other text kept");
    }

    @Test
    void randomSoupOfMarkupAlwaysRendersInert() {
        String[] pieces = {"<", ">", "/", "\"", "'", "=", " ", "\n", "\n\n", "[", "]", "(", ")", "!", "*", "_", "`",
            "```", "> ", "- ", "1. ", "    ", "&", "#", ";", ":", "&#106;", "&colon;", "\\", "\t",
            "script", "img", "svg", "iframe", "a", "href", "src", "onerror", "onload", "onclick", "style",
            "javascript", "JaVaScRiPt", "data", "vbscript", "alert(1)", "http", "https", "mailto", "://",
            "www.", "@", "example.org", "x", "é", "🚀", "<!--", "-->", "<![CDATA[", "]]>"};
        Random random = new Random(20261129L);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder source = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int j = 0; j < n; j++) source.append(pieces[random.nextInt(pieces.length)]);
            String s = source.toString();
            assertSafe(markdown.toHtml(s), s);
        }
    }

    /** Inputs at the length limit that stress the parsers' worst cases. */
    static Stream<Arguments> pathological() {
        int max = CommentMarkdown.MAX_LENGTH;
        return Stream.of(
                Arguments.of("deep quotes", ">".repeat(max - 2) + " x"),
                Arguments.of("deep lists", "- ".repeat(max / 2 - 1) + "x"),
                Arguments.of("deep ordered lists", "1. ".repeat(max / 3 - 1) + "x"),
                Arguments.of("deep emphasis", "*".repeat(max / 2 - 1) + "x" + "*".repeat(max / 2 - 1)),
                Arguments.of("open brackets", "[".repeat(max)),
                Arguments.of("open links", "[a](".repeat(max / 4)),
                Arguments.of("open images", "![".repeat(max / 2)),
                Arguments.of("open tags", "<a ".repeat(max / 3)),
                Arguments.of("angle brackets", "<".repeat(max)),
                Arguments.of("entities", "&#".repeat(max / 2)),
                Arguments.of("mixed delimiters", "*a _".repeat(max / 4)),
                Arguments.of("many emphases", "*a* ".repeat(max / 4)),
                Arguments.of("many links", "[a](https://x.example/) ".repeat(max / 24)),
                Arguments.of("many bare addresses", "https://a.b/".repeat(max / 12)),
                Arguments.of("backticks", "`".repeat(max / 2) + "x"),
                Arguments.of("many lines", "a\n".repeat(max / 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void pathologicalInputAtTheLimitFinishesInert(String name, String source) {
        String html = assertTimeoutPreemptively(BOUND, () -> markdown.toHtml(source));
        assertSafe(html, name);
        // Output is bounded by the input: the nesting limit keeps deep structures from multiplying tags.
        assertTrue(html.length() <= 8 * source.length(), () -> name + " gave " + html.length() + " characters");
    }
}
