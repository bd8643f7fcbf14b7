package dev.paperboy.ingest.files;

import dev.paperboy.ingest.FileFormat;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Limits;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listing page saved as plain text (Hugging Face's papers page, an arXiv listing): page chrome,
 * then per paper a title line, a blank line and an abstract paragraph. Works paragraph by paragraph:
 * a paper is a title-like line ending its paragraph (or a {@code Title:} line in a metadata
 * paragraph) followed by a prose paragraph. Everything else is chrome and is skipped.
 */
public final class TextListing implements FileFormat {

    public static final String SOURCE = "text-listing";

    static final int MAX_LINE_CHARS = 100_000;
    static final int MAX_BLOCK_LINES = 400;
    static final int MAX_TITLE_CHARS = 300;
    static final int MIN_ABSTRACT_CHARS = 200;

    private static final Pattern ARXIV_REF = Pattern.compile(
            "(?i)(?:arxiv:\\s*|arxiv\\.org/(?:abs|pdf)/|huggingface\\.co/papers/)"
                    + "([a-z]+(?:-[a-z]+)?(?:\\.[a-z]{2})?/\\d{7}|\\d{4}\\.\\d{4,5})(?:v\\d+)?");
    private static final Pattern TITLE_PREFIX = Pattern.compile("(?i)^title:\\s*");
    private static final Pattern AUTHORS_PREFIX = Pattern.compile("(?i)^authors?:\\s*");
    private static final Pattern ABSTRACT_PREFIX = Pattern.compile("(?i)^abstract[:.]?\\s+");
    private static final Pattern ABSTRACT_HEADING = Pattern.compile("(?i)abstract[:.]?");
    // Lines that are page furniture, never a title: navigation, buttons, counters, metadata labels.
    // A phrase ("Search any paper", "Next day") needs the space after its first word, so titles such as
    // "Search-R1: …" or "Next-Token Prediction …" are not mistaken for it.
    private static final Pattern CHROME = Pattern.compile("(?i)^(?:"
            + "hugging face(?: .*)?|models|datasets|spaces|docs|pricing|enterprise|community|log ?in|sign ?up|sign in"
            + "|daily papers(?: .*)?|trending(?: .*)?|papers|search(?: .*)?|home|menu|about(?: .*)?|blog"
            + "|privacy(?: .*)?|terms(?: .*)?|contact(?: .*)?|careers|jobs|company|website|resources|tos"
            + "|system theme|upvoted?|previous(?: .*)?|next(?: .*)?|back to top|skip to .*|help(?: .*)?"
            + "|advanced search|new submissions.*|cross-lists.*|cross submissions.*|replacement submissions.*"
            + "|replacements.*|authors and titles.*|showing .*"
            + "|total of .*|view pdf|download(?: .*)?|share(?: .*)?|subscribe(?: .*)?|join .*|welcome(?: .*)?"
            + "|follow us.*|submit .*|submitted by.*|copyright.*|©.*|all rights reserved.*"
            + "|(?:comments?|subjects?|journal-ref|doi|cite as|report-no|msc-class|acm-class|published|updated"
            + "|authors?)\\s*:.*"
            + ")$");
    private static final Pattern COUNTER = Pattern.compile(
            "(?i)^[\\s\\d.,:·•|/()+-]*(?:k|m|authors?|comments?|upvotes?|stars?|views?|likes?|days? ago|hours? ago)?"
                    + "[\\s\\d.,:·•|/()+-]*$");
    private static final Pattern DATE = Pattern.compile("(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)\\w*,?\\s+)?"
            + "(?:\\d{1,2}\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\.?(?:\\s+\\d{1,2})?,?"
            + "(?:\\s+\\d{4})?$|^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]?(?:\\s|$)");

    @Override
    public String name() {
        return "text-listing";
    }

    /** True for readable text (no NULs, little control noise) in which at least one paper is found. */
    @Override
    public boolean sniff(String head, String fileName) {
        String s = head.strip();
        if (s.isEmpty() || "<{[".indexOf(s.charAt(0)) >= 0 || !looksLikeText(s) || MARKDOWN.matcher(s).find()) {
            return false;
        }
        int[] found = {0};
        try {
            read(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), new RecordSink() {
                @Override
                public void accept(Paper paper) {
                    found[0]++;
                }

                @Override
                public void reject(String where, String reason) {
                    found[0]++;
                }
            });
        } catch (IOException e) {
            return false;
        }
        return found[0] > 0;
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_CHARS);
        Block older = null;
        Block prev = null;
        Block cur = new Block();
        LineReader.Line line;
        while (true) {
            line = lines.next();
            boolean blank = line == null || (!line.tooLong() && line.text().isBlank());
            if (!blank) {
                cur.add(line);
                continue;
            }
            if (!cur.lines.isEmpty()) {
                if (prev != null && !prev.consumed) {
                    String notAbstract = abstractProblem(cur);
                    if (notAbstract == null) {
                        cur.consumed = emit(sink, older, prev, cur);
                    } else if (looksLikeProse(cur)) {
                        // A title followed by prose that fails the abstract checks is a paper we refuse: say so.
                        titleIn(prev).ifPresent(t -> sink.skip("line " + t.line,
                                "title " + quote(t.text) + " is followed by a paragraph that is no abstract ("
                                        + notAbstract + ")"));
                    }
                }
                older = prev;
                prev = cur;
                cur = new Block();
            }
            if (line == null) break;
        }
    }

    /**
     * Emits the paper made of {@code prev} (or, when that is a line of names, the paragraph before it) and
     * {@code abstractBlock}; false when there is no title.
     */
    private static boolean emit(RecordSink sink, Block older, Block prev, Block abstractBlock) {
        List<Author> authors = List.of();
        Block titleBlock = prev;
        Block before = older;
        String between = prev.lines.size() == 1 ? prev.lines.getFirst().text().strip() : "";
        boolean byline = isAuthorLine(between);
        if (older != null && !older.consumed && (byline || ABSTRACT_HEADING.matcher(between).matches())
                && titleIn(older).isPresent()) {
            // Title, then a paragraph of author names or an "Abstract" heading, then the abstract.
            if (byline) authors = authorsOf(between);
            titleBlock = older;
            before = null;
        }
        Block idBlock = before;
        Optional<TitleAt> title = titleIn(titleBlock);
        if (title.isEmpty()) {
            reportRefusedTitle(sink, titleBlock);
            return false;
        }
        if (authors.isEmpty()) authors = title.get().authors;
        if (authors.isEmpty()) authors = authorsIn(titleBlock.lines);
        String id = arxivIdIn(titleBlock.lines)
                .or(() -> idBlock != null && idBlock.isShortMeta() ? arxivIdIn(idBlock.lines) : Optional.empty())
                .orElse(null);
        String text = ABSTRACT_PREFIX.matcher(abstractBlock.joined()).replaceFirst("");
        sink.accept("line " + title.get().line,
                Paper.builder(id != null ? id : PaperIds.derived("listing", PaperIds.titleKey(title.get().text)))
                        .title(title.get().text)
                        .authors(authors)
                        .abstractText(text)
                        .links(id != null ? Links.arxiv(new ArxivId(id, 0)) : Links.NONE)
                        .source(SOURCE)
                        .build());
        return true;
    }

    /** A title (or a line that might be one) and, when a line of names follows it in its paragraph, its authors. */
    private record TitleAt(String text, long line, List<Author> authors) {}

    /** The title of a paragraph: its {@code Title:} line, or its last line when the lines before are chrome. */
    private static Optional<TitleAt> titleIn(Block b) {
        if (b.truncated) return Optional.empty();
        for (LineReader.Line l : b.lines) {
            Matcher m = TITLE_PREFIX.matcher(l.text().strip());
            if (m.find()) {
                String t = Text.oneLine(m.replaceFirst(""));
                return t != null && isTitle(t, false)
                        ? Optional.of(new TitleAt(t, l.number(), List.of())) : Optional.empty();
            }
        }
        return candidate(b).filter(c -> titleProblem(c.text, true) == null);
    }

    /** The line of a paragraph that would be its title: the last, or the one before a closing line of names. */
    private static Optional<TitleAt> candidate(Block b) {
        if (b.truncated || b.lines.isEmpty()) return Optional.empty();
        int last = b.lines.size() - 1;
        List<Author> authors = List.of();
        if (last > 0 && !b.lines.get(last).tooLong() && isAuthorLine(b.lines.get(last).text())) {
            authors = authorsOf(b.lines.get(last).text());
            last--;
        }
        for (LineReader.Line l : b.lines.subList(0, last)) {
            // A long line before the candidate means the paragraph is prose, and its last line is no title.
            if (l.tooLong() || (l.text().strip().length() > 80 && !ARXIV_REF.matcher(l.text()).find())) {
                return Optional.empty();
            }
        }
        LineReader.Line l = b.lines.get(last);
        String t = l.tooLong() ? null : Text.oneLine(l.text());
        return t == null ? Optional.empty() : Optional.of(new TitleAt(t, l.number(), authors));
    }

    /** Tells why the paragraph before an abstract is no title, when that is worth telling (not chrome). */
    private static void reportRefusedTitle(RecordSink sink, Block b) {
        candidate(b).ifPresent(c -> {
            String why = titleProblem(c.text, true);
            if (why != null && !why.equals(CHROME_LINE)) {
                sink.skip("line " + c.line, "paper-like paragraph: " + quote(c.text)
                        + " is followed by an abstract but is no title (" + why + ")");
            }
        });
    }

    static boolean isTitle(String t, boolean strict) {
        return titleProblem(t, strict) == null;
    }

    /** Said of page chrome, which is skipped without a word. */
    private static final String CHROME_LINE = "page chrome";

    /** Why {@code t} is no title: null when it is one, {@link #CHROME_LINE} for page furniture. */
    private static String titleProblem(String t, boolean strict) {
        String[] words = t.split("\\s+");
        // Too short or too long to be a title and too plain to be worth a report: a user name, a sentence.
        if (t.length() < 8 || words.length < 2 || t.length() > MAX_TITLE_CHARS) return CHROME_LINE;
        if (CHROME.matcher(t).matches() || COUNTER.matcher(t).matches() || DATE.matcher(t).matches()) return CHROME_LINE;
        if (t.regionMatches(true, 0, "http", 0, 4) || t.regionMatches(true, 0, "www.", 0, 4)) return CHROME_LINE;
        // Chrome is often a row of links: "Models Datasets Spaces", "Help | Advanced Search".
        if (strict && (t.contains(" | ") || t.contains(" · ") || t.contains(" • "))) return CHROME_LINE;
        char end = t.charAt(t.length() - 1);
        if (end == '.' && !t.endsWith("...")) {
            // More than one sentence is prose, not a title with a stray full stop.
            return SENTENCE_END.matcher(t.substring(0, t.length() - 1)).find() ? CHROME_LINE : "it ends with '.'";
        }
        if (end == ',' || end == ';' || end == ':') return "it ends with '" + end + "'";
        if (words.length > 40) return "more than 40 words";
        long letters = t.chars().filter(Character::isLetter).count();
        if (letters < 6 || letters < t.length() / 2) return "fewer than half of its characters are letters";
        return null;
    }

    static boolean isAbstract(Block b) {
        return abstractProblem(b) == null;
    }

    /**
     * Why a paragraph is no abstract: null when it is one. Its end is not checked: abstracts often end in a
     * link ("Code: https://github.com/…", "….git") or lose their last full stop.
     */
    private static String abstractProblem(Block b) {
        if (b.truncated || b.lines.stream().anyMatch(LineReader.Line::tooLong)) {
            return "longer than " + Limits.ABSTRACT_CHARS + " characters";
        }
        String s = b.joined();
        if (s.length() < MIN_ABSTRACT_CHARS) return "shorter than " + MIN_ABSTRACT_CHARS + " characters";
        if (s.length() > Limits.ABSTRACT_CHARS) return "longer than " + Limits.ABSTRACT_CHARS + " characters";
        if (s.split("\\s+").length < 30) return "fewer than 30 words";
        // Two sentences: one full stop inside, the paragraph's end closing the second.
        if (!SENTENCE_END.matcher(s).region(0, s.length() - 1).find()) return "a single sentence";
        if (CHROME.matcher(b.lines.getFirst().text().strip()).matches()) return CHROME_LINE;
        // An arXiv listing's metadata paragraph ("Title: …", "Authors: …") is a title, never an abstract.
        for (LineReader.Line l : b.lines) {
            if (TITLE_PREFIX.matcher(l.text().strip()).find()) return "a metadata paragraph";
        }
        return null;
    }

    /** Prose worth a report when it follows a title without being an abstract: a few sentences' worth of words. */
    private static boolean looksLikeProse(Block b) {
        if (b.truncated) return true;
        String s = b.joined();
        return s.length() >= 80 && s.split("\\s+").length >= 12 && !CHROME.matcher(s).matches()
                && titleIn(b).isEmpty();
    }

    /**
     * A line of author names as listing pages print them under a title: two or more names separated by
     * commas (or "and"), each of two to five words that start with a capital letter or are name particles.
     */
    static boolean isAuthorLine(String line) {
        String s = line.strip();
        if (s.length() > 2_000 || !(s.contains(",") || s.contains(" and "))) return false;
        String[] names = NAME_SEPARATOR.split(s);
        if (names.length < 2) return false;
        for (String name : names) {
            String[] words = name.strip().split("\\s+");
            if (words.length < 2 || words.length > 5) return false;
            for (String w : words) {
                if (!Character.isUpperCase(w.codePointAt(0)) && !PARTICLES.contains(w)) return false;
                if (w.endsWith(":") || w.endsWith(".") && w.length() > 3) return false;
            }
        }
        return true;
    }

    private static List<Author> authorsOf(String line) {
        List<Author> out = new ArrayList<>();
        for (String n : NAME_SEPARATOR.split(line.strip())) {
            String name = Text.oneLine(n);
            if (name != null) out.add(new Author(name));
        }
        return out;
    }

    private static final Pattern NAME_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final java.util.Set<String> PARTICLES =
            java.util.Set.of("de", "da", "di", "del", "der", "den", "van", "von", "la", "le", "du", "dos", "bin", "al");

    private static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
    }

    private static Optional<String> arxivIdIn(List<LineReader.Line> lines) {
        for (LineReader.Line l : lines) {
            Matcher m = ARXIV_REF.matcher(l.text());
            if (m.find()) {
                Optional<ArxivId> id = ArxivId.parse(m.group(1));
                if (id.isPresent()) return Optional.of(id.get().base());
            }
        }
        return Optional.empty();
    }

    /** Authors from an {@code Authors:} line of the title paragraph, as arXiv listings have it. */
    private static List<Author> authorsIn(List<LineReader.Line> lines) {
        for (LineReader.Line l : lines) {
            Matcher m = AUTHORS_PREFIX.matcher(l.text().strip());
            if (m.find()) {
                return authorsOf(m.replaceFirst(""));
            }
        }
        return List.of();
    }

    // Code fences and table rules mark a Markdown document (a README), which paragraphs would turn into
    // "papers"; a page saved as text never has them.
    private static final java.util.regex.Pattern MARKDOWN =
            java.util.regex.Pattern.compile("(?m)^(?:```|~~~|\\|? *:?-{3,}:? *\\|)");

    private static boolean looksLikeText(String s) {
        int noise = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) return false;
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                noise++;
            }
        }
        return noise * 100 <= s.length();
    }

    /** A paragraph: consecutive non-blank lines. */
    static final class Block {
        final List<LineReader.Line> lines = new ArrayList<>();
        boolean truncated;
        boolean consumed;
        private long chars;

        void add(LineReader.Line l) {
            chars += l.text().length();
            // A paragraph past the longest abstract is no paper; keep none of it rather than all of it.
            if (lines.size() < MAX_BLOCK_LINES && chars <= Limits.ABSTRACT_CHARS) {
                lines.add(l);
            } else {
                truncated = true;
            }
        }

        String joined() {
            StringBuilder sb = new StringBuilder();
            for (LineReader.Line l : lines) sb.append(l.text()).append(' ');
            String s = Text.oneLine(sb.toString());
            return s == null ? "" : s;
        }

        boolean isShortMeta() {
            return !consumed && lines.size() <= 4 && lines.stream().allMatch(l -> l.text().length() <= 100);
        }
    }
}
