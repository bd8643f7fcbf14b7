package dev.paperboy.api;

import dev.paperboy.hub.CategoryFilter;
import dev.paperboy.hub.HubLists;
import dev.paperboy.hub.ListPage;
import dev.paperboy.hub.Period;
import dev.paperboy.hub.Sort;
import dev.paperboy.hub.TrendingWindow;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Categories;
import dev.paperboy.paper.PageKey;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.Optional;

/** The JSON lists: {@code /api/daily}, {@code /api/trending} and {@code /api/list/{category}}. */
public final class ListApi {

    private final HubLists lists;
    private final LensCache lenses;
    private final Json json;

    public ListApi(HubLists lists, LensCache lenses, Json json) {
        this.lists = lists;
        this.lenses = lenses;
        this.json = json;
    }

    /**
     * GET /api/daily?date=|week=|month=&sort=&cat=&page=: the papers featured on a day, in an ISO week or a month
     * (at most one of the three); without any, the latest day with featured papers.
     */
    public void showDaily(Context ctx) {
        String date = ctx.queryParam("date"), week = ctx.queryParam("week"), month = ctx.queryParam("month");
        int given = (blank(date) ? 0 : 1) + (blank(week) ? 0 : 1) + (blank(month) ? 0 : 1);
        if (given > 1) throw new BadRequestResponse("give at most one of date, week and month");
        Period period;
        if (!blank(date)) {
            period = Period.parseDay(date.strip()).orElseThrow(() -> new BadRequestResponse("date must be YYYY-MM-DD"));
        } else if (!blank(week)) {
            period = Period.parseWeek(week.strip())
                    .orElseThrow(() -> new BadRequestResponse("week must be an ISO week YYYY-Www that exists"));
        } else if (!blank(month)) {
            period = Period.parseMonth(month.strip()).orElseThrow(() -> new BadRequestResponse("month must be YYYY-MM"));
        } else {
            period = Period.day(lists.latestFeaturedDay().orElse(lists.today()));
        }
        send(ctx, checked(lists.featured(period, sort(ctx, Sort.TRENDING), filter(ctx), page(ctx))));
    }

    /** GET /api/trending?window=day|week|month&sort=&cat=&page=. */
    public void showTrending(Context ctx) {
        String raw = ctx.queryParam("window");
        TrendingWindow window = blank(raw) ? TrendingWindow.WEEK : TrendingWindow.parse(raw)
                .orElseThrow(() -> new BadRequestResponse("window must be day, week or month"));
        send(ctx, checked(lists.trending(window, sort(ctx, Sort.TRENDING), filter(ctx), page(ctx))));
    }

    /** GET /api/list/{category}?day=&after=&sort=&cat=: one announcement day of a category or archive. */
    public void showCategory(Context ctx) {
        String c = ctx.pathParam("category").strip();
        if (!Categories.isValid(c)) throw new NotFoundResponse("no category " + c + "; categories look like cs.LG, archives like cs");
        String day = ctx.queryParam("day"), after = ctx.queryParam("after");
        Optional<LocalDate> d = blank(day) ? Optional.empty() : Optional.of(Period.parseDay(day.strip())
                .orElseThrow(() -> new BadRequestResponse("day must be YYYY-MM-DD")).first());
        Optional<PageKey> k = blank(after) ? Optional.empty() : Optional.of(PageKey.parse(after.strip())
                .orElseThrow(() -> new BadRequestResponse("after must be a continuation token from a more link")));
        send(ctx, lists.category(Categories.canonical(c), d, k, sort(ctx, Sort.NEWEST), filter(ctx)));
    }

    private static ListPage checked(ListPage p) {
        if (p.page() > p.pages()) throw new NotFoundResponse("page " + p.page() + " is past the end (" + p.pages() + ")");
        return p;
    }

    private void send(Context ctx, ListPage page) {
        ctx.contentType("application/json; charset=utf-8").result(json.write(ListJson.of(page, lenses)));
    }

    private static Sort sort(Context ctx, Sort dflt) {
        String raw = ctx.queryParam("sort");
        if (blank(raw)) return dflt;
        return Sort.parse(raw).orElseThrow(() -> new BadRequestResponse("sort must be trending, votes or newest"));
    }

    private static CategoryFilter filter(Context ctx) {
        return switch (CategoryFilter.parse(ctx.queryParam("cat"))) {
            case CategoryFilter.Ok ok -> ok.filter();
            case CategoryFilter.Invalid bad -> throw new BadRequestResponse(bad.message());
        };
    }

    private static int page(Context ctx) {
        return PaperApi.intParam(ctx, "page", 1, 1, 10_000);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
