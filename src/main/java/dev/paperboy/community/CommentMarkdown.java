package dev.paperboy.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A comment's Markdown source turned into HTML that a page may include as it is.
 *
 * <p>Two layers, each enough on its own for what it guards: CommonMark parses only the subset comments allow
 * (paragraphs, emphasis, strong, code spans and blocks, links, bullet and ordered lists, block quotes) with raw
 * HTML escaped and unsafe links unwrapped to their text; then an allow-list sanitizer keeps only those elements,
 * only {@code href} on links (absolute http, https or mailto), {@code class="language-…"} on code and
 * {@code start} on ordered lists, and puts {@code rel="nofollow noopener noreferrer ugc"} on every link.
 * What the subset leaves out stays readable: headings, thematic breaks and tables are the text as typed, raw HTML
 * is shown escaped, an image becomes a link to its address (nothing loads when the page opens).
 * Immutable and safe to share between threads.
 */
public final class CommentMarkdown {

    /** The longest comment source, in characters (Unicode code points). */
    public static final int MAX_LENGTH = 10_000;

    /**
     * How deep block quotes and lists may nest, and inline markup (emphasis, links) within a block: deeper markers
     * stay text. A comment needs a few levels; thousands would only make huge, slow pages.
     */
    static final int MAX_NESTING = 16;

    /** The rel every link gets: no ranking credit for user content, no window.opener, no Referer. */
    static final String LINK_REL = "nofollow noopener noreferrer ugc";

    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final PolicyFactory policy;

    public CommentMarkdown() {
        List<Extension> extensions = List.of(AutolinkExtension.create());
        this.parser = Parser.builder()
                // Paragraphs are always on; of the other block types only these. Headings, thematic breaks and
                // HTML blocks are not parsed, so their lines stay paragraph text (HTML then escaped, below).
                .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class,
                        IndentedCodeBlock.class))
                .maxOpenBlockParsers(MAX_NESTING)
                .maxInlineNesting(MAX_NESTING)
                .extensions(extensions)
                // After the autolink extension's post-processor, so that its links are vetted too.
                .postProcessor(CommentMarkdown::restrictLinksAndImages)
                .build();
        this.renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .percentEncodeUrls(true)
                .extensions(extensions)
                .build();
        this.policy = new HtmlPolicyBuilder()
                .allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li")
                .allowElements(CommentMarkdown::linkWithRels, "a")
                .allowUrlProtocols("http", "https", "mailto")
                .allowAttributes("href")
                .matching((element, attribute, value) -> isAllowedLink(value) ? value : null)
                .onElements("a")
                .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
                .allowAttributes("start").matching(LIST_START).onElements("ol")
                .toFactory();
    }

    /** Why {@code source} cannot be a comment, or empty when it can. */
    public Optional<String> problemWith(String source) {
        if (source == null || isBlank(source)) return Optional.of("A comment needs some text.");
        int length = source.codePointCount(0, source.length());
        if (length > MAX_LENGTH) {
            return Optional.of(String.format(Locale.ROOT,
                    "A comment can be at most %,d characters long; this one has %,d.", MAX_LENGTH, length));
        }
        return Optional.empty();
    }

    /**
     * The safe HTML of a comment's source; a blank source gives "". Refuses a source longer than
     * {@link #MAX_LENGTH} with the message {@link #problemWith} gives, so no caller renders an unbounded text.
     */
    public String toHtml(String source) {
        if (source == null || isBlank(source)) return "";
        Optional<String> problem = problemWith(source);
        if (problem.isPresent()) throw new IllegalArgumentException("comment markdown: " + problem.get());
        return sanitize(renderer.render(parser.parse(source)));
    }

    /** {@code html} with everything outside the allow-list removed; the second layer, on its own for tests. */
    String sanitize(String html) {
        return policy.sanitize(html);
    }

    /**
     * Keeps a link only when its href survived the attribute policy, and gives it {@link #LINK_REL}. Written here
     * rather than with the builder's requireRelsOnLinks, whose rel order changes from one JVM to the next (the same
     * comment must render to the same bytes in every process, for ETags).
     */
    private static String linkWithRels(String element, List<String> attributes) {
        // attributes alternates names and values, already filtered to href alone by the attribute policy.
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).equals("href")) {
                String href = attributes.get(i + 1);
                attributes.clear();
                attributes.addAll(List.of("href", href, "rel", LINK_REL));
                return element;
            }
        }
        return null;
    }

    /**
     * Whether a link may point at {@code url}: an absolute http or https address with something after the
     * scheme, or a mailto address, written without whitespace or control characters. Anything else, relative
     * addresses included, is refused, so no spelling of another scheme (mixed case, entity-encoded, with spaces,
     * tabs or invisible characters inside) can pass: both callers see the address with entities already decoded.
     */
    static boolean isAllowedLink(String url) {
        if (url == null) return false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        String lower = url.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("https://", "http://", "mailto:")) {
            if (lower.startsWith(prefix)) return lower.length() > prefix.length();
        }
        return false;
    }

    /**
     * Unwraps links to addresses {@link #isAllowedLink} refuses (their text stays), drops link titles, and turns
     * each image into a link to its address showing the alt text (or the address when there is none); an image
     * already inside a link becomes its alt text.
     */
    private static Node restrictLinksAndImages(Node document) {
        List<Link> links = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                images.add(image);
                visitChildren(image);
            }
        });
        for (Image image : images) {
            if (insideLink(image) || !isAllowedLink(image.getDestination())) {
                unwrap(image);
                continue;
            }
            Link link = new Link(image.getDestination(), null);
            if (image.getFirstChild() == null) link.appendChild(new Text(image.getDestination()));
            moveChildren(image, link);
            image.insertBefore(link);
            image.unlink();
        }
        for (Link link : links) {
            link.setTitle(null);
            if (!isAllowedLink(link.getDestination())) unwrap(link);
        }
        return document;
    }

    private static boolean insideLink(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof Link) return true;
        }
        return false;
    }

    /** Replaces {@code node} with its children. */
    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    private static void moveChildren(Node from, Node to) {
        Node child = from.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }

    /** Blank: nothing but whitespace, control or invisible format characters (zero-width spaces and the like). */
    private static boolean isBlank(String s) {
        return s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT);
    }
}
