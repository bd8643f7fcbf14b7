package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads comment HTML with a real HTML parser (jsoup, as a browser would) and checks it holds only the allow-list. */
final class SafeHtml {
    private SafeHtml() {}

    /** Each allowed element with the attributes it may carry. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("em", Set.of()),
            Map.entry("strong", Set.of()), Map.entry("code", Set.of("class")), Map.entry("pre", Set.of()),
            Map.entry("blockquote", Set.of()), Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start")),
            Map.entry("li", Set.of()), Map.entry("a", Set.of("href", "rel")));

    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");

    /** The fragment as a browser would build it. */
    static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    /** Asserts {@code html} is inert: allowed elements and attributes only, links to http(s)/mailto with the rels. */
    static Element assertSafe(String html, String source) {
        Document d = Jsoup.parseBodyFragment(html);
        for (Element e : d.body().getAllElements()) {
            if (e == d.body()) continue;
            Set<String> attributes = ALLOWED.get(e.tagName());
            assertTrue(attributes != null, "unexpected <" + e.tagName() + "> from " + source + ":\n" + html);
            for (Attribute a : e.attributes()) {
                assertTrue(attributes.contains(a.getKey()),
                        "unexpected " + a.getKey() + " on <" + e.tagName() + "> from " + source + ":\n" + html);
            }
        }
        for (Element a : d.select("a")) {
            String href = a.attr("href").toLowerCase(Locale.ROOT);
            assertTrue(href.startsWith("https://") || href.startsWith("http://") || href.startsWith("mailto:"),
                    "link to " + href + " from " + source);
            assertEquals(CommentMarkdown.LINK_REL, a.attr("rel"), "rel of " + a + " from " + source);
        }
        for (Element code : d.select("code[class]")) {
            assertTrue(code.attr("class").matches("language-[A-Za-z0-9_+#.-]+"), code.outerHtml());
        }
        for (Element ol : d.select("ol[start]")) assertTrue(ol.attr("start").matches("[0-9]+"), ol.outerHtml());
        // The same promises on the string itself, independent of how any one parser reads it.
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "<script in " + html);
        assertFalse(EVENT_HANDLER.matcher(html).find(), "event handler in " + html);
        assertFalse(html.toLowerCase(Locale.ROOT).matches("(?s).*href\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):.*"),
                "unsafe href in " + html);
        return d.body();
    }
}
