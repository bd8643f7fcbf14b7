package dev.paperboy.web;

import dev.paperboy.hub.Community;
import dev.paperboy.lens.Lens;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchForm;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The search page and the related-papers list of the paper page. */
public final class SearchPages {

    /** How many related papers the paper page lists. */

    private static final Logger log = LoggerFactory.getLogger(SearchPages.class);

    private final Optional<SearchService> search;
    private final Templates templates;
    private final int pageSize;
    private final Community community;

    /** {@code search} is empty when the index could not be opened: the page then answers 503. */
    public SearchPages(Optional<SearchService> search, Templates templates, int pageSize) {
        this(search, templates, pageSize, Community.NONE);
    }

    /** {@code community}: which papers moderators hid; results and related papers leave them out. */
    public SearchPages(Optional<SearchService> search, Templates templates, int pageSize, Community community) {
        this.community = community;
        this.search = search;
        this.templates = templates;
        this.pageSize = pageSize;
    }

    /** GET /search?q=&cat=&since=&until=&mode=&order=&saves=&page=: one page of results, or the empty form. */
    void showSearchPage(Context ctx) {
        SearchService search = this.search.orElseThrow(
                () -> new ServiceUnavailableResponse("Search is unavailable: the index could not be opened."));
        String q = param(ctx, "q"), cat = param(ctx, "cat"), since = param(ctx, "since"), until = param(ctx, "until");
        String mode = param(ctx, "mode"), order = param(ctx, "order");
        List<String> rawSaves = ctx.queryParams("saves");
        if (q.isBlank() && cat.isBlank() && since.isBlank() && until.isBlank() && rawSaves.stream().allMatch(String::isBlank)) {
            render(ctx, 200, new Views.SearchView(q, cat, since, until, mode, order, false, "", List.of(), 0, "0", 1,
                    "", null, null, List.of(), List.of()));
            return;
        }
        int maxPage = SearchRequest.MAX_DEPTH / pageSize;
        Integer page = page(param(ctx, "page"), maxPage);
        if (page == null) {
            render(ctx, 400, problem(q, cat, since, until, mode, order,
                    "page must be a whole number from 1 to " + maxPage + "."));
            return;
        }
        SearchForm form = new SearchForm(q, cat, since, until, mode, order, String.valueOf((page - 1) * pageSize),
                String.valueOf(pageSize), rawSaves);
        switch (search.search(form)) {
            case SearchService.Invalid(String message) ->
                    render(ctx, 400, problem(q, cat, since, until, mode, order, message));
            case SearchService.GoToPaper(String id) -> ctx.redirect(Views.paperUrl(id), HttpStatus.SEE_OTHER);
            case SearchService.Found(var request, var results) -> {
                if (results.hits().isEmpty() && results.total() > 0) {
                    long pages = (results.total() + pageSize - 1) / pageSize;
                    throw new NotFoundResponse("Page " + page + " is past the end of these results: there "
                            + (pages == 1 ? "is 1 page." : "are " + pages + " pages."));
                }
                List<SearchHit> shown = visible(results.hits());
                List<Views.PaperRow> rows = rows(shown);
                List<Views.HitView> hits = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) hits.add(new Views.HitView(rows.get(i), shown.get(i).snippet()));
                long shownUpTo = (long) request.offset() + results.hits().size();
                boolean more = shownUpTo < results.total() && page < maxPage;
                // Valid here, so every value names a resource; one per entry keeps links and hidden fields simple.
                List<String> saves = savesValues(rawSaves);
                String prev = page > 1 ? url(q, cat, since, until, mode, order, saves, page - 1) : null;
                String next = more ? url(q, cat, since, until, mode, order, saves, page + 1) : null;
                List<Views.FacetView> facets = new ArrayList<>();
                for (String r : Lens.RESOURCES) {
                    long count = results.savesFacets().getOrDefault(r, 0L);
                    boolean active = request.query().saves().contains(r);
                    if (count == 0 && !active) continue;
                    List<String> toggled = new ArrayList<>(saves);
                    String link;
                    if (toggled.remove(r)) {
                        link = url(q, cat, since, until, mode, order, toggled, 1);
                    } else if (active) {
                        link = null;
                    } else {
                        toggled.remove("-" + r);
                        toggled.add(r);
                        link = url(q, cat, since, until, mode, order, toggled, 1);
                    }
                    facets.add(new Views.FacetView(r, count, active, link));
                }
                render(ctx, 200, new Views.SearchView(q, cat, since, until, mode, order, true, "", hits,
                        results.total(), results.totalText(), page, results.mode().name().toLowerCase(Locale.ROOT), prev, next, saves,
                        facets));
            }
        }
    }

    /** The papers most like this one as cards; empty when search is unavailable or fails (the page still shows). */
    List<Views.PaperRow> relatedRows(String paperId) {
        if (search.isEmpty()) return List.of();
        try {
            return rows(visible(search.get().related(paperId, SearchDefaults.RELATED)));
        } catch (RuntimeException e) {
            log.warn("search: unable to find papers related to {}: {}", paperId, e.getMessage());
            return List.of();
        }
    }

    /**
     * The hits moderators did not hide (one query). The index keeps hidden papers, so a page may show fewer than a
     * page of hits and the total still counts them: hiding is rare and a re-index is not worth it.
     */
    private List<SearchHit> visible(List<SearchHit> hits) {
        Set<String> hidden = community.hiddenAmong(hits.stream().map(SearchHit::id).toList());
        return hidden.isEmpty() ? hits : hits.stream().filter(h -> !hidden.contains(h.id())).toList();
    }

    /** Cards of these hits, in order, from what the index keeps (the lens chip included). */
    private static List<Views.PaperRow> rows(List<SearchHit> hits) {
        return hits.stream().map(Views::row).toList();
    }

    private static Views.SearchView problem(String q, String cat, String since, String until, String mode,
            String order, String message) {
        return new Views.SearchView(q, cat, since, until, mode, order, true, message, List.of(), 0, "0", 1, "", null, null,
                List.of(), List.of());
    }

    /** The {@code saves} parameter values one resource each, lower case, in order, each once. */
    private static List<String> savesValues(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            for (String part : v.split(",")) {
                String r = part.strip().toLowerCase(Locale.ROOT);
                if (!r.isEmpty() && !out.contains(r)) out.add(r);
            }
        }
        return out;
    }

    private static String url(String q, String cat, String since, String until, String mode, String order,
            List<String> saves, int page) {
        StringBuilder sb = new StringBuilder("/search?q=").append(enc(q));
        if (!cat.isBlank()) sb.append("&cat=").append(enc(cat));
        if (!since.isBlank()) sb.append("&since=").append(enc(since));
        if (!until.isBlank()) sb.append("&until=").append(enc(until));
        if (!mode.isBlank()) sb.append("&mode=").append(enc(mode));
        if (!order.isBlank()) sb.append("&order=").append(enc(order));
        for (String s : saves) sb.append("&saves=").append(enc(s));
        return sb.append("&page=").append(page).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }

    private static Integer page(String raw, int maxPage) {
        if (raw.isBlank()) return 1;
        String t = raw.strip();
        if (t.length() > 6 || !t.matches("\\d+")) return null;
        int p = Integer.parseInt(t);
        return p >= 1 && p <= maxPage ? p : null;
    }

    private void render(Context ctx, int status, Views.SearchView view) {
        templates.send(ctx, status, "search.jte", view);
    }
}
