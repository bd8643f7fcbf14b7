package dev.paperboy.community;

import static dev.paperboy.community.SafeHtml.assertSafe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Each construct of the comment subset renders; what the subset leaves out stays readable text; the length limit. */
class CommentMarkdownTest {
    private final CommentMarkdown markdown = new CommentMarkdown();

    private Element render(String source) {
        return assertSafe(markdown.toHtml(source), source);
    }

    @Test
    void blankLinesSeparateParagraphs() {
        Element b = render("First thought.\n\nSecond thought,\nsame paragraph.");
        assertEquals(List.of("First thought.", "Second thought, same paragraph."), b.select("p").eachText());
    }

    @Test
    void emphasisAndStrongInBothSpellings() {
        Element b = render("*one* _two_ **three** __four__ ***five***");
        assertEquals(List.of("one", "two", "five"), b.select("em").eachText());
        assertEquals(List.of("three", "four", "five"), b.select("strong").eachText());
    }

    @Test
    void inlineCodeKeepsItsTextLiterally() {
        Element b = render("Use `x < y && *z*` here.");
        assertEquals("x < y && *z*", b.selectFirst("p > code").text());
        assertTrue(b.select("em").isEmpty());
    }

    @Test
    void fencedCodeBlockKeepsItsLanguageAndEscapesItsText() {
        Element b = render("```python\nif a < b:\n    print(\"<b>hi</b>\")\n```");
        Element code = b.selectFirst("pre > code");
        assertEquals("language-python", code.attr("class"));
        assertEquals("if a < b:\n    print(\"<b>hi</b>\")\n", code.wholeText());
        assertTrue(b.select("b").isEmpty());
    }

    @Test
    void indentedCodeBlockIsCode() {
        Element b = render("Look:\n\n    int x = 1;\n    return x;");
        assertEquals("int x = 1;\nreturn x;\n", b.selectFirst("pre > code").wholeText());
        assertTrue(b.selectFirst("pre > code").attributes().isEmpty());
    }

    @Test
    void linkKeepsItsAddressGetsTheRelsAndLosesItsTitle() {
        Element b = render("See [the paper](https://arxiv.org/abs/2403.12345?x=1&y=2 \"a title\").");
        Element a = b.selectFirst("p > a");
        assertEquals("the paper", a.text());
        assertEquals("https://arxiv.org/abs/2403.12345?x=1&y=2", a.attr("href"));
        assertEquals(List.of("href", "rel"), a.attributes().asList().stream().map(x -> x.getKey()).sorted().toList());
        assertEquals("nofollow noopener noreferrer ugc", a.attr("rel"));
    }

    @Test
    void aLinkRendersToTheSameBytesInEveryProcess() {
        // The rel is written in one fixed order, so every serve process renders a comment identically (ETags).
        assertEquals("<p><a href=\"https://example.org/\" rel=\"nofollow noopener noreferrer ugc\">x</a></p>",
                markdown.toHtml("[x](https://example.org/)").strip());
    }

    @Test
    void httpAndMailtoLinksAndReferenceLinks() {
        Element b = render("[plain](http://example.org/) [mail](mailto:ada@example.org) [ref][r]\n\n"
                + "[r]: https://example.org/ref");
        assertEquals(List.of("http://example.org/", "mailto:ada@example.org", "https://example.org/ref"),
                b.select("a").eachAttr("href"));
    }

    @Test
    void autolinksInAngleBracketsAndBareAddressesBecomeLinks() {
        Element b = render("<https://example.org/a> and https://arxiv.org/abs/2403.12345, www.example.com, "
                + "ada@example.org and <bob@example.org>.");
        assertEquals(List.of("https://example.org/a", "https://arxiv.org/abs/2403.12345", "http://www.example.com",
                "mailto:ada@example.org", "mailto:bob@example.org"), b.select("a").eachAttr("href"));
        assertEquals(List.of("https://example.org/a", "https://arxiv.org/abs/2403.12345", "www.example.com",
                "ada@example.org", "bob@example.org"), b.select("a").eachText());
    }

    @Test
    void relativeAndFragmentLinksStayText() {
        Element b = render("[home](/) [up](../x) [here](#top) [proto](//example.org/)");
        assertTrue(b.select("a").isEmpty(), b.html());
        assertEquals("home up here proto", b.text());
    }

    @Test
    void bulletListsNestOneInAnother() {
        Element b = render("- one\n- two\n  - two a\n* three");
        assertEquals(List.of("one", "two"), b.select("ul").first().select("> li").eachText().stream()
                .map(t -> t.split(" ")[0]).toList());
        assertEquals("two a", b.selectFirst("ul ul > li").text());
        assertEquals("three", b.select("ul").get(2).text());
    }

    @Test
    void orderedListsKeepTheirFirstNumber() {
        Element b = render("1. one\n2. two\n\ntext\n\n7) seven\n8) eight");
        List<Element> lists = b.select("ol");
        assertEquals(List.of("one", "two"), lists.get(0).select("li").eachText());
        assertEquals("", lists.get(0).attr("start"));
        assertEquals("7", lists.get(1).attr("start"));
        assertEquals(List.of("seven", "eight"), lists.get(1).select("li").eachText());
    }

    @Test
    void blockQuotesHoldParagraphsListsAndQuotes() {
        Element b = render("> You wrote:\n>\n> - a point\n>\n> > an older quote\n\nMy answer.");
        Element quote = b.selectFirst("body > blockquote");
        assertEquals("You wrote:", quote.selectFirst("> p").text());
        assertEquals("a point", quote.selectFirst("ul > li").text());
        assertEquals("an older quote", quote.selectFirst("blockquote blockquote > p").text());
        assertEquals("My answer.", b.selectFirst("body > p").text());
    }

    @Test
    void hardLineBreaksAreBreaks() {
        Element b = render("line one  \nline two\\\nline three");
        assertEquals(2, b.select("p > br").size());
    }

    @Test
    void headingsThematicBreaksAndTablesStayTheTextTyped() {
        Element b = render("# Not a heading\n\nNor this\n===\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assertEquals(List.of("# Not a heading", "Nor this ===", "---", "| a | b | |---|---| | 1 | 2 |"),
                b.select("p").eachText());
        assertTrue(b.select("h1, h2, hr, table").isEmpty());
    }

    @Test
    void rawHtmlIsShownAsTheTextTyped() {
        Element b = render("<div>\n<b>bold?</b> <i>no</i>\n</div>");
        assertEquals("<div> <b>bold?</b> <i>no</i> </div>", b.text());
        assertTrue(b.select("div, b, i").isEmpty());
    }

    @Test
    void anImageIsALinkToItsAddress() {
        Element b = render("![a plot](https://example.org/plot.png \"t\") ![](https://example.org/bare.png)");
        assertTrue(b.select("img").isEmpty());
        assertEquals(List.of("https://example.org/plot.png", "https://example.org/bare.png"),
                b.select("a").eachAttr("href"));
        assertEquals(List.of("a plot", "https://example.org/bare.png"), b.select("a").eachText());
    }

    @Test
    void anImageInsideALinkIsItsAltText() {
        Element b = render("[![badge](https://example.org/b.svg)](https://example.org/)");
        assertEquals(1, b.select("a").size());
        assertEquals("badge", b.selectFirst("a").text());
        assertEquals("https://example.org/", b.selectFirst("a").attr("href"));
    }

    @Test
    void nestingStopsAtTheLimitAndTheRestIsText() {
        Element b = render(">".repeat(40) + " deep");
        assertEquals(CommentMarkdown.MAX_NESTING, b.select("blockquote").size());
        assertEquals(">".repeat(40 - CommentMarkdown.MAX_NESTING) + " deep", b.text());
    }

    @Test
    void unicodeTextIsKept() {
        assertEquals("Schöne Grüße 模型 🚀 & <3", render("Schöne Grüße 模型 🚀 & <3").text());
    }

    @Test
    void blankSourceIsRefusedWithAMessage() {
        for (String blank : new String[] {null, "", "   ", "\n\t\r\n", "\u00A0\u2003", "\u200B\uFEFF"}) {
            assertEquals(Optional.of("A comment needs some text."), markdown.problemWith(blank),
                    () -> "source " + blank);
            assertEquals("", markdown.toHtml(blank));
        }
        assertEquals(Optional.empty(), markdown.problemWith(" x "));
    }

    @Test
    void sourceUpToTheLimitIsAccepted() {
        assertEquals(10_000, CommentMarkdown.MAX_LENGTH);
        String atLimit = "a".repeat(CommentMarkdown.MAX_LENGTH);
        assertEquals(Optional.empty(), markdown.problemWith(atLimit));
        assertEquals(atLimit, render(atLimit).text());
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String emoji = "🚀".repeat(CommentMarkdown.MAX_LENGTH);
        assertEquals(Optional.empty(), markdown.problemWith(emoji));
        assertEquals(Optional.of("A comment can be at most 10,000 characters long; this one has 10,001."),
                markdown.problemWith(emoji + "🚀"));
    }

    @Test
    void sourceOverTheLimitIsRefusedWithTheMessage() {
        String message = "A comment can be at most 10,000 characters long; this one has 10,001.";
        String over = "a".repeat(CommentMarkdown.MAX_LENGTH + 1);
        assertEquals(Optional.of(message), markdown.problemWith(over));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> markdown.toHtml(over));
        assertEquals("comment markdown: " + message, e.getMessage());
    }

    @Test
    void veryLongSourceIsRefusedWithoutRendering() {
        String huge = "<script>alert(1)</script> ".repeat(200_000);
        assertEquals(Optional.of("A comment can be at most 10,000 characters long; this one has 5,200,000."),
                markdown.problemWith(huge));
        assertThrows(IllegalArgumentException.class, () -> markdown.toHtml(huge));
    }
}
