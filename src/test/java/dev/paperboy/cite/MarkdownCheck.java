package dev.paperboy.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Renders Markdown with a CommonMark renderer (HTML passed through, as GitHub-like renderers would) and checks it. */
public final class MarkdownCheck {
    private MarkdownCheck() {}

    private static final Set<String> ELEMENTS = Set.of("body", "h1", "h2", "p", "ul", "li", "strong", "a");

    /** The Markdown rendered to HTML by CommonMark. */
    public static Document render(String md) {
        return Jsoup.parse(HtmlRenderer.builder().build().render(Parser.builder().build().parse(md)));
    }

    /**
     * Asserts the Markdown renders with only the structure PaperMarkdown writes: no raw HTML, images, code or extra
     * blocks, links only to http(s) addresses, and the title as the heading's exact text.
     */
    public static Document assertInert(String md, String title) {
        Document d = render(md);
        for (Element e : d.body().getAllElements()) {
            assertTrue(ELEMENTS.contains(e.tagName()), "unexpected <" + e.tagName() + "> from:\n" + md + "\n" + d.body().html());
            assertTrue(e.attributes().asList().stream().allMatch(a -> a.getKey().equals("href")),
                    "unexpected attribute on " + e + " from:\n" + md);
        }
        for (Element a : d.select("a")) {
            String href = a.attr("href").toLowerCase(Locale.ROOT);
            assertTrue(href.startsWith("https://") || href.startsWith("http://"), "link to " + href + " from:\n" + md);
        }
        assertEquals(1, d.select("h1").size(), md);
        assertEquals(title, d.selectFirst("h1").text(), md);
        return d;
    }
}
