package dev.paperboy.web;

import dev.paperboy.hub.Card;
import dev.paperboy.hub.ListPage;
import dev.paperboy.hub.Period;
import dev.paperboy.hub.Sort;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Atom feeds of the list pages: the page at P has its feed at {@code P.atom}, same query, holding the papers of
 * the page's first page in the page's order. The lists come from {@link ListPages}, so a feed and its page parse their
 * input alike and list the same papers; {@link FeedPages#send} writes the feed.
 */
final class ListFeeds {

    private final ListPages lists;
    private final FeedPages feeds;

    ListFeeds(ListPages lists, FeedPages feeds) {
        this.lists = lists;
        this.feeds = feeds;
    }

    /** GET /papers.atom: the home page's papers, the latest featured day; the newest papers when nothing is featured. */
    void sendHomeFeed(Context ctx) {
        Optional<LocalDate> latest = lists.latestFeaturedDay();
        if (latest.isEmpty()) {
            feeds.sendNewestFeed(ctx);
            return;
        }
        ListPage page = lists.featuredList(ctx, Period.day(latest.get()), 1);
        send(ctx, "Latest papers", page, ListViews.withParams("/", page.sort(), Sort.TRENDING, cat(page), 1));
    }

    /** GET /papers/date/{date}.atom. */
    void sendDayFeed(Context ctx) {
        sendFeatured(ctx, ListPages.dayPeriod(ctx));
    }

    /** GET /papers/week/{week}.atom. */
    void sendWeekFeed(Context ctx) {
        sendFeatured(ctx, ListPages.weekPeriod(ctx));
    }

    /** GET /papers/month/{month}.atom. */
    void sendMonthFeed(Context ctx) {
        sendFeatured(ctx, ListPages.monthPeriod(ctx));
    }

    /** GET /trending.atom?window=. */
    void sendTrendingFeed(Context ctx) {
        ListPage page = lists.trendingList(ctx, 1);
        String path = ListPages.trendingPath(ListPages.window(ctx.queryParam("window")));
        send(ctx, page.title(), page, ListViews.withParams(path, page.sort(), Sort.TRENDING, cat(page), 1));
    }

    /** GET /list/{category}.atom?day=&after=: the papers of /list/{category} with the same query. */
    void sendCategoryFeed(Context ctx) {
        ListPage page = lists.categoryList(ctx, ctx.pathParam("category"));
        String path = "/list/" + page.category().orElseThrow() + page.period().map(p -> "?day=" + p.key()).orElse("");
        send(ctx, page.title(), page, ListViews.withParams(path, page.sort(), Sort.NEWEST, cat(page), 1));
    }

    /** GET /authors/{name}.atom. */
    void sendAuthorFeed(Context ctx) {
        ListPage page = lists.authorList(ctx, 1);
        String path = ListViews.authorUrl(ListPages.authorName(ctx));
        send(ctx, page.title(), page, ListViews.withParams(path, page.sort(), Sort.NEWEST, cat(page), 1));
    }

    private void sendFeatured(Context ctx, Period period) {
        ListPage page = lists.featuredList(ctx, period, 1);
        send(ctx, page.title(), page, ListViews.withParams(period.path(), page.sort(), Sort.TRENDING, cat(page), 1));
    }

    private void send(Context ctx, String title, ListPage page, String pagePath) {
        feeds.send(ctx, title, pagePath, page.cards().stream().map(Card::paper).toList());
    }

    private static String cat(ListPage page) {
        return page.filter().param().orElse("");
    }
}
