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
    // Lines that are page furniture, never a title: navigation, buttons, counters, metadata labels.
    private static final Pattern CHROME = Pattern.compile("(?i)^(?:"
            + "hugging face.*|models|datasets|spaces|docs|pricing|enterprise|community|log ?in|sign ?up|sign in"
            + "|daily papers.*|trending.*|papers|search.*|home|menu|about.*|blog|privacy.*|terms.*|contact.*"
            + "|careers|jobs|company|website|resources|tos|system theme|upvoted?|previous.*|next.*|back to top"
            + "|skip to .*|help.*|advanced search|new submissions.*|cross-lists.*|replacements.*"
            + "|authors and titles.*|showing .*|total of .*|view pdf|download.*|share.*|subscribe.*"
            + "|join .*|welcome.*|follow us.*|submit .*|submitted by.*|copyright.*|©.*|all rights reserved.*"
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
                if (prev != null && !prev.consumed && isAbstract(cur)) {
                    cur.consumed = emit(sink, older, prev, cur);
                }
                older = prev;
                prev = cur;
                cur = new Block();
            }
            if (line == null) break;
        }
    }

    /** Emits the paper made of {@code titleBlock} and {@code abstractBlock}; false when the first holds no title. */
    private static boolean emit(RecordSink sink, Block before, Block titleBlock, Block abstractBlock) {
        Optional<TitleAt> title = titleIn(titleBlock);
        if (title.isEmpty()) return false;
        String where = "line " + title.get().line;
        String id = arxivIdIn(titleBlock.lines)
                .or(() -> before != null && before.isShortMeta() ? arxivIdIn(before.lines) : Optional.empty())
                .orElse(null);
        String text = ABSTRACT_PREFIX.matcher(abstractBlock.joined()).replaceFirst("");
        Paper paper = Paper.builder(id != null ? id : PaperIds.derived("listing", PaperIds.titleKey(title.get().text)))
                .title(title.get().text)
                .authors(authorsIn(titleBlock.lines))
                .abstractText(text)
                .links(id != null ? Links.arxiv(new ArxivId(id, 0)) : Links.NONE)
                .source(SOURCE)
                .build();
        List<String> problems = Limits.problems(paper);
        if (problems.isEmpty()) {
            sink.accept(paper);
        } else {
            sink.reject(where, String.join("; ", problems));
        }
        return true;
    }

    private record TitleAt(String text, long line) {}

    /** The title of a paragraph: its {@code Title:} line, or its last line when the lines before are chrome. */
    private static Optional<TitleAt> titleIn(Block b) {
        if (b.truncated) return Optional.empty();
        for (LineReader.Line l : b.lines) {
            Matcher m = TITLE_PREFIX.matcher(l.text().strip());
            if (m.find()) {
                String t = Text.oneLine(m.replaceFirst(""));
                return t != null && isTitle(t, false) ? Optional.of(new TitleAt(t, l.number())) : Optional.empty();
            }
        }
        LineReader.Line last = b.lines.getLast();
        for (LineReader.Line l : b.lines.subList(0, b.lines.size() - 1)) {
            // A long line before the candidate means the paragraph is prose, and its last line is no title.
            if (l.tooLong() || (l.text().strip().length() > 80 && !ARXIV_REF.matcher(l.text()).find())) {
                return Optional.empty();
            }
        }
        String t = last.tooLong() ? null : Text.oneLine(last.text());
        return t != null && isTitle(t, true) ? Optional.of(new TitleAt(t, last.number())) : Optional.empty();
    }

    static boolean isTitle(String t, boolean strict) {
        if (t.length() < 8 || t.length() > MAX_TITLE_CHARS) return false;
        char end = t.charAt(t.length() - 1);
        if (end == '.' && !t.endsWith("...")) return false;
        if (end == ',' || end == ';' || end == ':') return false;
        if (CHROME.matcher(t).matches() || COUNTER.matcher(t).matches() || DATE.matcher(t).matches()) return false;
        if (t.regionMatches(true, 0, "http", 0, 4) || t.regionMatches(true, 0, "www.", 0, 4)) return false;
        String[] words = t.split("\\s+");
        if (words.length < 2 || words.length > 40) return false;
        long letters = t.chars().filter(Character::isLetter).count();
        if (letters < 6 || letters < t.length() / 2) return false;
        // Chrome is often a row of links: "Models Datasets Spaces", "Help | Advanced Search".
        return !strict || !(t.contains(" | ") || t.contains(" · ") || t.contains(" • "));
    }

    static boolean isAbstract(Block b) {
        if (b.truncated || b.lines.stream().anyMatch(LineReader.Line::tooLong)) return false;
        String s = b.joined();
        if (s.length() < MIN_ABSTRACT_CHARS || s.length() > Limits.ABSTRACT_CHARS) return false;
        if (s.split("\\s+").length < 30) return false;
        char end = s.charAt(s.length() - 1);
        if (".!?)\"'".indexOf(end) < 0) return false;
        Matcher m = SENTENCE_END.matcher(s);
        int sentences = 0;
        while (m.find() && sentences < 2) sentences++;
        if (sentences < 2) return false;
        return !CHROME.matcher(b.lines.getFirst().text().strip()).matches();
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
                List<Author> out = new ArrayList<>();
                for (String n : m.replaceFirst("").split(",\\s*|\\s+and\\s+")) {
                    String name = Text.oneLine(n);
                    if (name != null) out.add(new Author(name));
                }
                return out;
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
