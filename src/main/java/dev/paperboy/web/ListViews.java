package dev.paperboy.web;

import dev.paperboy.hub.Card;
import dev.paperboy.hub.ListPage;
import dev.paperboy.hub.Period;
import dev.paperboy.hub.Sort;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import gg.jte.Content;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** What the list template renders: {@link ListPage}s turned into display strings and links. */
public final class ListViews {
    private ListViews() {}

    /** Authors shown on a card before "… +N". */
    static final int CARD_AUTHORS = 3;
    /** Characters of the abstract a card shows before it is expanded. */
    static final int SNIPPET_CHARS = 240;

    /** A link with words; {@code current} marks the one the page is on. */
    public record NavLink(String label, String href, boolean current) {}

    /**
     * One card: the paper's page, title, first authors (each a link to their page) and how many more, categories,
     * the day it was featured (and that day's page), who submitted it, votes here and on Hugging Face apart,
     * comments, the GitHub repository and its stars, the lens chip, the abstract cut for the summary and whole,
     * and the outgoing links (http(s) only).
     */
    public record CardView(String url, String id, String title, List<NavLink> authors, int moreAuthors,
            List<NavLink> categories, String featuredOn, String featuredUrl, String submitter, int votes,
            int hubUpvotes, int comments, String repo, String repoUrl, String stars, String chip, String snippet,
            String abstractText, boolean abstractCut, List<Views.LinkView> links) {

        public boolean hasRepo() {
            return repoUrl != null;
        }

        public String votesText() {
            return plural(votes, "vote");
        }

        public String commentsText() {
            return plural(comments, "comment");
        }
    }

    /** A whole list page. */
    public record ListView(String title, String heading, String path, String sortKey, String cat, List<Content> cards,
            int total, int page, int pages, NavLink previous, NavLink next, NavLink more, NavLink previousPage,
            NavLink nextPage, String empty, NavLink nearest, List<NavLink> sorts, List<NavLink> spans,
            boolean showControls, String feedUrl) {

        /** The same view naming another feed (the home page follows the latest day: /papers.atom). */
        public ListView withFeedUrl(String url) {
            return new ListView(title, heading, path, sortKey, cat, cards, total, page, pages, previous, next, more,
                    previousPage, nextPage, empty, nearest, sorts, spans, showControls, url);
        }

        public String feedTitle() {
            return title + " (Atom)";
        }

        public boolean hasEmpty() {
            return empty != null;
        }

        /** The page's {@code <meta name="description">}. */
        public String description() {
            return Views.description(heading + ": " + plural(total, "paper") + " on Paperboy, with authors, categories,"
                    + " Hugging Face votes and what each one saves.", title);
        }

        /** Where the filter form goes: the path without its query (a GET form replaces the query). */
        public String formAction() {
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }

        /** The path's own query parameters (a category page's {@code day}), kept by the filter form. */
        public List<NavLink> formParams() {
            int q = path.indexOf('?');
            if (q < 0) return List.of();
            List<NavLink> out = new ArrayList<>();
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) continue;
                out.add(new NavLink(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8), false));
            }
            return out;
        }

        /** "4 papers · page 1 of 2". */
        public String countText() {
            return plural(total, "paper") + (pages > 1 ? " · page " + page + " of " + pages : "");
        }
    }

    /**
     * The page of a list; {@code path} is where it lives (its links keep its sort and filter), {@code render} turns a
     * card into HTML.
     */
    static ListView view(ListPage p, String path, Sort defaultSort, LensCache lenses, Function<CardView, Content> render) {
        String cat = p.filter().param().orElse("");
        List<Content> cards = new ArrayList<>(p.cards().size());
        for (Card c : p.cards()) cards.add(render.apply(card(c, lenses)));
        List<NavLink> sorts = new ArrayList<>();
        for (Sort s : Sort.values()) {
            sorts.add(new NavLink(sortLabel(s), withParams(path, s, defaultSort, cat, 1), s == p.sort()));
        }
        List<NavLink> spans = new ArrayList<>();
        if (p.period().isPresent()) {
            Period per = p.period().get();
            LocalSpan[] all = {new LocalSpan("Day", Period.day(per.first())), new LocalSpan("Week", per.week()),
                    new LocalSpan("Month", per.month())};
            if (p.kind() != ListPage.Kind.CATEGORY) {
                for (LocalSpan s : all) {
                    spans.add(new NavLink(s.label(), withParams(s.period().path(), p.sort(), defaultSort, cat, 1),
                            s.period().kind() == per.kind()));
                }
            }
        }
        NavLink previousPage = p.page() > 1 ? new NavLink("Previous page", withParams(path, p.sort(), defaultSort, cat,
                p.page() - 1), false) : null;
        NavLink nextPage = p.page() < p.pages() ? new NavLink("Next page", withParams(path, p.sort(), defaultSort, cat,
                p.page() + 1), false) : null;
        return new ListView(p.title(), p.title(), path, p.sort().key(), cat, cards, p.total(), p.page(), p.pages(),
                nav(p.previous(), p.sort(), defaultSort, cat), nav(p.next(), p.sort(), defaultSort, cat),
                nav(p.more(), p.sort(), defaultSort, cat), previousPage, nextPage, p.empty().orElse(null),
                nav(p.nearest(), p.sort(), defaultSort, cat), sorts, spans, true,
                feedUrl(p.kind() == ListPage.Kind.CATEGORY ? path.replaceFirst("\\?.*$", "") : path, p.sort(),
                        defaultSort, cat));
    }

    /**
     * The feed of a list page at {@code path}: {@code path.atom}, its query plus the sort and filter, no page (a feed
     * is the first page). A category page names the feed of its newest day, not of the day it shows: that one is
     * for following.
     */
    static String feedUrl(String path, Sort sort, Sort defaultSort, String cat) {
        String full = withParams(path, sort, defaultSort, cat, 1);
        int q = full.indexOf('?');
        return q < 0 ? FeedPages.feedUrl(full, "") : FeedPages.feedUrl(full.substring(0, q), full.substring(q + 1));
    }

    static String plural(long n, String word) {
        return grouped(n) + " " + word + (n == 1 ? "" : "s");
    }

    /** {@code n} with comma thousands separators ("12,045"), without {@code String.format}'s cost per card. */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) out.append('-');
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) out.append(',').append(digits, i, i + 3);
        return out.toString();
    }

    private record LocalSpan(String label, Period period) {}

    private static NavLink nav(Optional<ListPage.Link> link, Sort sort, Sort defaultSort, String cat) {
        return link.map(l -> new NavLink(l.label(), withParams(l.path(), sort, defaultSort, cat, 1), false)).orElse(null);
    }

    private static String sortLabel(Sort s) {
        return switch (s) {
            case TRENDING -> "Trending";
            case VOTES -> "Votes";
            case NEWEST -> "Newest";
        };
    }

    /** {@code path} with the list's sort (unless the default), filter and page (unless 1) added to its query. */
    static String withParams(String path, Sort sort, Sort defaultSort, String cat, int page) {
        StringBuilder sb = new StringBuilder(path);
        char sep = path.indexOf('?') >= 0 ? '&' : '?';
        if (sort != defaultSort) {
            sb.append(sep).append("sort=").append(sort.key());
            sep = '&';
        }
        if (!cat.isEmpty()) {
            sb.append(sep).append("cat=").append(URLEncoder.encode(cat, StandardCharsets.UTF_8));
            sep = '&';
        }
        if (page > 1) sb.append(sep).append("page=").append(page);
        return sb.toString();
    }

    static CardView card(Card c, LensCache lenses) {
        Paper p = c.paper();
        List<NavLink> authors = new ArrayList<>();
        for (Author a : p.authors().subList(0, Math.min(CARD_AUTHORS, p.authors().size()))) {
            authors.add(new NavLink(a.name(), authorUrl(a.name()), false));
        }
        List<NavLink> categories = new ArrayList<>();
        for (String cat : p.categories()) categories.add(new NavLink(cat, "/list/" + cat, false));
        String abs = p.abstractText().strip();
        boolean cut = abs.length() > SNIPPET_CHARS;
        String snippet = cut ? cutAt(abs, SNIPPET_CHARS) + "…" : abs;
        String code = safe(p.links().code());
        String repo = code == null ? null : repoName(code);
        String stars = c.githubStars() == null ? "" : grouped(c.githubStars());
        String chip = lenses.lens(p.title(), p.abstractText()).chip();
        return new CardView(Views.paperUrl(p.id()), p.id(), p.title().isBlank() ? "(untitled) " + p.id() : p.title(),
                authors, Math.max(0, p.authors().size() - CARD_AUTHORS), categories,
                c.featuredOn() == null ? "" : c.featuredOn().toString(),
                c.featuredOn() == null ? null : Period.day(c.featuredOn()).path(),
                c.submitter() == null ? "" : c.submitter(), c.signals().votes(), c.signals().hubUpvotes(),
                c.signals().comments(), repo, code, stars, chip, snippet, abs, cut, links(p));
    }

    /** The page of everyone with this name. */
    static String authorUrl(String name) {
        return "/authors/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The outgoing links of a card: arXiv's abstract page and PDF (known from the id when not stored), code, project. */
    static List<Views.LinkView> links(Paper p) {
        List<Views.LinkView> out = new ArrayList<>();
        boolean arxiv = PaperIds.isArxiv(p.id());
        String abs = safe(p.links().abs());
        if (abs == null && arxiv) abs = "https://arxiv.org/abs/" + p.id();
        String pdf = safe(p.links().pdf());
        if (pdf == null && arxiv) pdf = "https://arxiv.org/pdf/" + p.id();
        if (abs != null) out.add(new Views.LinkView("arXiv", abs));
        if (pdf != null) out.add(new Views.LinkView("PDF", pdf));
        String code = safe(p.links().code());
        if (code != null) out.add(new Views.LinkView("Code", code));
        String project = safe(p.links().project());
        if (project != null) out.add(new Views.LinkView("Project page", project));
        return out;
    }

    // Links come from imported data: anything but http(s) (javascript:, data:) is dropped, not escaped.
    private static String safe(String href) {
        if (href == null) return null;
        String h = href.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? h : null;
    }

    /** "owner/repo" for a GitHub URL, else the host and path as given. */
    static String repoName(String url) {
        try {
            URI u = URI.create(url);
            String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
            if (u.getHost() != null && u.getHost().equalsIgnoreCase("github.com")) {
                String[] parts = path.split("/");
                if (parts.length >= 2) return parts[0] + "/" + parts[1];
            }
            return (u.getHost() == null ? "" : u.getHost()) + (path.isEmpty() ? "" : "/" + path);
        } catch (IllegalArgumentException e) {
            return "code";
        }
    }

    /** The text cut at a word boundary at or before {@code max} characters. */
    private static String cutAt(String s, int max) {
        int end = s.lastIndexOf(' ', max);
        if (end < max / 2) end = max;
        return s.substring(0, end).stripTrailing();
    }
}
