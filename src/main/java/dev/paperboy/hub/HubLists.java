package dev.paperboy.hub;

import dev.paperboy.hub.ListPage.Kind;
import dev.paperboy.hub.ListPage.Link;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Page;
import dev.paperboy.paper.PageKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperQuery;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperStore.Listing;
import dev.paperboy.rank.Signals;
import dev.paperboy.rank.Trending;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lists of the hub as plain {@link ListPage}s: featured days, weeks and months, trending, and what arXiv
 * announced in a category. Featured lists come from the store's featured entries of the range (cached, see
 * {@link Windows}); every list loads its cards' papers and community counts in batches, never per card.
 */
public final class HubLists {

    /** After a write, a cached range is still used this long: lists lag a busy harvest by at most this. */
    public static final Duration REUSE_AFTER_WRITE = Duration.ofSeconds(10);
    /** A cached range is rebuilt at least this often (this instance's votes live outside the paper rows). */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final PaperStore store;
    private final Community community;
    private final Clock clock;
    private final int pageSize;
    private final Windows windows;

    public HubLists(PaperStore store, Community community, Clock clock, int pageSize, Duration reuseAfterWrite,
            Duration maxAge) {
        if (pageSize < 1) throw new IllegalArgumentException("hub: page size must be at least 1");
        this.store = store;
        this.community = community;
        this.clock = clock;
        this.pageSize = pageSize;
        this.windows = new Windows(store, clock, reuseAfterWrite, maxAge);
    }

    /** Today in UTC, the calendar lists use. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Makes the lists holding {@code day} read the store again on their next request (this process only; others
     * notice the change within {@link #REUSE_AFTER_WRITE}): called after a submission to that day's list.
     */
    public void forget(LocalDate day) {
        windows.forget(day);
    }

    /** The latest day up to today on which some paper is featured; empty when none is. */
    public Optional<LocalDate> latestFeaturedDay() {
        return store.featuredDayNear(today().plusDays(1), false);
    }

    /** Page {@code page} (from 1) of the papers featured in {@code period}. */
    public ListPage featured(Period period, Sort sort, CategoryFilter filter, int page) {
        LocalDate today = today();
        Windows.Window w = windows.get(period.first(), period.last());
        int days = (int) ChronoUnit.DAYS.between(period.first(), period.last()) + 1;
        List<Card> all = featuredCards(w, filter, sort, Trending.halfLife(days));
        Optional<Link> prev = store.featuredDayNear(period.first(), false)
                .map(d -> link("Previous: ", period.sameKindAs(d)));
        Optional<Link> next = store.featuredDayNear(period.last(), true).filter(d -> !d.isAfter(today))
                .map(d -> link("Next: ", period.sameKindAs(d)));
        Kind kind = switch (period.kind()) {
            case DAY -> Kind.DAY;
            case WEEK -> Kind.WEEK;
            case MONTH -> Kind.MONTH;
        };
        Optional<String> empty = Optional.empty();
        Optional<Link> nearest = Optional.empty();
        if (all.isEmpty()) {
            String what = period.kind() == Period.Kind.DAY ? "on " + period.label() : "in " + period.label();
            if (period.first().isAfter(today)) {
                empty = Optional.of(period.label() + " is in the future: nothing is featured yet.");
            } else if (!filter.isEmpty() && !w.entries().isEmpty()) {
                empty = Optional.of("None of the papers featured " + what + " is in " + describe(filter) + ".");
            } else {
                empty = Optional.of("No papers were featured " + what + ".");
            }
            nearest = nearest(period, prev, next);
        }
        return slice(kind, "Papers of " + period.label(), Optional.of(period), Optional.empty(), all, sort, filter,
                page, prev, next, empty, nearest);
    }

    /** Page {@code page} of what trends in {@code window}, which ends with the latest featured day. */
    public ListPage trending(TrendingWindow window, Sort sort, CategoryFilter filter, int page) {
        Optional<LocalDate> latest = latestFeaturedDay();
        if (latest.isEmpty()) {
            return slice(Kind.TRENDING, "Trending " + window.words(), Optional.empty(), Optional.empty(), List.of(),
                    sort, filter, page, Optional.empty(), Optional.empty(),
                    Optional.of("Nothing is featured yet: trending needs Hugging Face's daily lists or submissions."),
                    Optional.empty());
        }
        LocalDate last = latest.get();
        LocalDate first = last.minusDays(window.days() - 1L);
        List<Card> all = featuredCards(windows.get(first, last), filter, sort, Trending.halfLife(window.days()));
        String span = window == TrendingWindow.DAY ? Period.day(last).label()
                : Period.day(first).label() + " to " + Period.day(last).label();
        Optional<String> empty = all.isEmpty()
                ? Optional.of("None of the papers featured from " + span + " is in " + describe(filter) + ".")
                : Optional.empty();
        return slice(Kind.TRENDING, "Trending " + window.words() + " (" + span + ")", Optional.empty(),
                Optional.empty(), all, sort, filter, page, Optional.empty(), Optional.empty(), empty, Optional.empty());
    }

    /**
     * What arXiv announced in {@code category} (a category or an archive) on one day: {@code day}, or the newest day
     * with papers; up to a page of them from {@code after}, with a link to more of the same day. Inclusions of the
     * filter add categories to the listing, exclusions remove papers.
     */
    public ListPage category(String category, Optional<LocalDate> day, Optional<PageKey> after, Sort sort,
            CategoryFilter filter) {
        List<String> names = new ArrayList<>(List.of(category));
        for (String c : filter.included()) if (!names.contains(c)) names.add(c);
        PaperQuery base = new PaperQuery(names, filter.excluded(), Optional.empty(), Optional.empty());
        String path = "/list/" + enc(category);
        Optional<LocalDate> shown = day.isPresent() ? day : store.newest(base, Optional.empty(), 1).items().stream()
                .findFirst().map(p -> LocalDate.ofInstant(p.published(), ZoneOffset.UTC));
        if (shown.isEmpty()) {
            return new ListPage(Kind.CATEGORY, "New in " + category, Optional.empty(), Optional.of(category), List.of(),
                    0, sort, filter, 1, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("There are no papers in " + category + (filter.isEmpty() ? "" : " matching " + describe(filter))
                            + " yet."), Optional.empty());
        }
        LocalDate d = shown.get();
        Page<Paper> page = store.newest(base.between(d, d), after, pageSize);
        Optional<Link> older = store.publishedDayNear(base, d, false)
                .map(o -> new Link("Older: " + Period.day(o).label(), path + "?day=" + o));
        Optional<Link> newer = store.publishedDayNear(base, d, true)
                .map(n -> new Link("Newer: " + Period.day(n).label(), path + "?day=" + n));
        Optional<Link> more = page.next().map(k -> new Link("More from " + Period.day(d).label(),
                path + "?day=" + d + "&after=" + enc(k.token())));
        List<Card> cards = cards(page.items(), sort, Trending.halfLife(1));
        Optional<String> empty = Optional.empty();
        Optional<Link> nearest = Optional.empty();
        if (cards.isEmpty()) {
            empty = Optional.of(d.isAfter(today()) ? Period.day(d).label() + " is in the future: nothing is announced yet."
                    : "Nothing in " + category + " was announced on " + Period.day(d).label() + ".");
            nearest = nearest(Period.day(d), older, newer);
        }
        return new ListPage(Kind.CATEGORY, "New in " + category + ": " + Period.day(d).label(), Optional.of(Period.day(d)),
                Optional.of(category), cards, cards.size(), sort, filter, 1, 1, older, newer, more, empty, nearest);
    }

    /**
     * Cards of papers not listed by a featured range (a category day, an author's papers, search results): each
     * featured on its latest hub day, if any; in the given order for {@link Sort#NEWEST}, else sorted.
     */
    public List<Card> cards(List<Paper> papers, Sort sort, Duration halfLife) {
        Set<String> hidden = community.hiddenAmong(papers.stream().map(Paper::id).toList());
        if (!hidden.isEmpty()) papers = papers.stream().filter(p -> !hidden.contains(p.id())).toList();
        Map<String, Community.Counts> counts = community.counts(papers.stream().map(Paper::id).toList());
        Instant now = clock.instant();
        List<Card> out = new ArrayList<>(papers.size());
        for (Paper p : papers) {
            LocalDate featured = p.hubEntries().stream().map(HubEntry::listDate).max(Comparator.naturalOrder()).orElse(null);
            out.add(card(p, featured, p.hubEntries(), counts.getOrDefault(p.id(), Community.Counts.ZERO), now, halfLife));
        }
        if (sort != Sort.NEWEST) out.sort(order(sort));
        return out;
    }

    private List<Card> featuredCards(Windows.Window w, CategoryFilter filter, Sort sort, Duration halfLife) {
        // A paper featured on several days of the range (or by two hubs) is one card, dated its first day there.
        Map<String, List<HubEntry>> byPaper = new LinkedHashMap<>();
        for (Listing l : w.entries()) {
            Paper p = w.papers().get(l.paperId());
            if (p == null || !filter.matches(p.categories())) continue;
            byPaper.computeIfAbsent(l.paperId(), k -> new ArrayList<>()).add(l.entry());
        }
        // Hidden papers are left out here, per request and after the cache: hiding takes effect on the next view.
        byPaper.keySet().removeAll(community.hiddenAmong(byPaper.keySet()));
        Map<String, Community.Counts> counts = community.counts(byPaper.keySet());
        Instant now = clock.instant();
        List<Card> cards = new ArrayList<>(byPaper.size());
        for (var e : byPaper.entrySet()) {
            LocalDate first = e.getValue().stream().map(HubEntry::listDate).min(Comparator.naturalOrder()).orElseThrow();
            Paper p = w.papers().get(e.getKey());
            List<HubEntry> submitters = new ArrayList<>(e.getValue());
            cards.add(card(p, first, submitters, counts.getOrDefault(p.id(), Community.Counts.ZERO), now, halfLife));
        }
        cards.sort(order(sort));
        return cards;
    }

    /**
     * One card: the submitter from {@code listed} (a submission here first, else Hugging Face's), Hugging Face's
     * counts from the paper's latest Hugging Face entry (its upvotes keep growing after the day it was listed).
     */
    private static Card card(Paper p, LocalDate featured, List<HubEntry> listed, Community.Counts here, Instant now,
            Duration halfLife) {
        String submitter = listed.stream().filter(e -> e.hub().equals(HubEntry.LOCAL)).map(HubEntry::submitter)
                .filter(s -> s != null && !s.isBlank()).findFirst()
                .orElse(listed.stream().map(HubEntry::submitter).filter(s -> s != null && !s.isBlank()).findFirst()
                        .orElse(null));
        HubEntry hf = p.hubEntries().stream().filter(e -> e.hub().equals(HubEntry.HUGGING_FACE))
                .max(Comparator.comparing(HubEntry::listDate)).orElse(null);
        Integer stars = p.hubEntries().stream().filter(e -> e.githubStars() != null)
                .max(Comparator.comparing(HubEntry::listDate)).map(HubEntry::githubStars).orElse(null);
        Signals s = new Signals(here.votes(), hf == null ? 0 : hf.upvotes(),
                here.comments() + (hf == null ? 0 : hf.comments()), stars == null ? 0 : Math.max(0, stars));
        double score = featured == null ? 0 : Trending.score(s, featured, now, halfLife);
        return new Card(p, featured, submitter, s, stars, score);
    }

    /** The order of a sort; ties end on id (descending) so equal papers keep a stable order. */
    static Comparator<Card> order(Sort sort) {
        Comparator<Card> byId = Comparator.comparing((Card c) -> c.paper().id()).reversed();
        Comparator<Card> newest = Comparator.comparing(Card::featuredOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(c -> c.paper().published(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed();
        Comparator<Card> score = Comparator.comparingDouble(Card::score).reversed();
        Comparator<Card> votes = Comparator.comparingInt((Card c) -> c.signals().allVotes()).reversed();
        return switch (sort) {
            case TRENDING -> score.thenComparing(votes).thenComparing(newest).thenComparing(byId);
            case VOTES -> votes.thenComparing(score).thenComparing(newest).thenComparing(byId);
            case NEWEST -> newest.thenComparing(byId);
        };
    }

    private ListPage slice(Kind kind, String title, Optional<Period> period, Optional<String> category, List<Card> all,
            Sort sort, CategoryFilter filter, int page, Optional<Link> prev, Optional<Link> next, Optional<String> empty,
            Optional<Link> nearest) {
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        int from = Math.min(all.size(), (page - 1) * pageSize);
        List<Card> cards = all.subList(from, Math.min(all.size(), from + pageSize));
        return new ListPage(kind, title, period, category, cards, all.size(), sort, filter, page, pages, prev, next,
                Optional.empty(), empty, nearest);
    }

    /** Of the links before and after {@code period}, the one whose period is closer to it. */
    private static Optional<Link> nearest(Period period, Optional<Link> prev, Optional<Link> next) {
        if (prev.isEmpty()) return next;
        if (next.isEmpty()) return prev;
        return prevCloser(period, prev.get(), next.get()) ? prev : next;
    }

    private static boolean prevCloser(Period period, Link prev, Link next) {
        LocalDate p = dayIn(prev.path()), n = dayIn(next.path());
        if (p == null || n == null) return true;
        return ChronoUnit.DAYS.between(p, period.first()) <= ChronoUnit.DAYS.between(period.last(), n);
    }

    /** The day a link of this class names (its period's first day, or its {@code ?day=}). */
    private static LocalDate dayIn(String path) {
        int q = path.indexOf("day=");
        String s = q >= 0 ? path.substring(q + 4, Math.min(path.length(), q + 14)) : path.substring(path.lastIndexOf('/') + 1);
        Optional<Period> per = Period.parseDay(s).or(() -> Period.parseWeek(s)).or(() -> Period.parseMonth(s));
        return per.map(Period::first).orElse(null);
    }

    private static Link link(String prefix, Period p) {
        return new Link(prefix + p.label(), p.path());
    }

    private static String describe(CategoryFilter f) {
        List<String> parts = new ArrayList<>();
        if (!f.included().isEmpty()) parts.add(String.join(" or ", f.included()));
        if (!f.excluded().isEmpty()) parts.add("not " + String.join(" or ", f.excluded()));
        return parts.isEmpty() ? "any category" : String.join(", ", new LinkedHashSet<>(parts));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
