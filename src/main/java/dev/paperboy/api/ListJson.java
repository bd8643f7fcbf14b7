package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.paperboy.hub.Card;
import dev.paperboy.hub.ListPage;
import dev.paperboy.hub.Period;
import dev.paperboy.lens.LensCache;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A list on the wire ({@code /api/daily}, {@code /api/trending}, {@code /api/list/{category}}): the same model as
 * the pages. Links name both the API URL and the page; absent values are null. The names are a public contract.
 */
@JsonPropertyOrder({"kind", "title", "period", "category", "sort", "cat", "page", "pages", "total", "papers",
        "previous", "next", "more", "empty", "nearest"})
public record ListJson(
        @JsonProperty("kind") String kind,
        @JsonProperty("title") String title,
        @JsonProperty("period") PeriodJson period,
        @JsonProperty("category") String category,
        @JsonProperty("sort") String sort,
        @JsonProperty("cat") String cat,
        @JsonProperty("page") int page,
        @JsonProperty("pages") int pages,
        @JsonProperty("total") int total,
        @JsonProperty("papers") List<CardJson> papers,
        @JsonProperty("previous") LinkJson previous,
        @JsonProperty("next") LinkJson next,
        @JsonProperty("more") LinkJson more,
        @JsonProperty("empty") String empty,
        @JsonProperty("nearest") LinkJson nearest) {

    /** A day, ISO week or month: its kind, its key as URLs write it, and its first and last days. */
    @JsonPropertyOrder({"kind", "key", "first", "last"})
    public record PeriodJson(@JsonProperty("kind") String kind, @JsonProperty("key") String key,
            @JsonProperty("first") LocalDate first, @JsonProperty("last") LocalDate last) {}

    /** Another list: words, its API URL and its page. */
    @JsonPropertyOrder({"label", "url", "page_url"})
    public record LinkJson(@JsonProperty("label") String label, @JsonProperty("url") String url,
            @JsonProperty("page_url") String pageUrl) {}

    /** One paper as a list shows it; {@code votes} are this instance's, {@code hf_upvotes} Hugging Face's. */
    @JsonPropertyOrder({"id", "title", "authors", "categories", "published", "featured_on", "submitter", "votes",
            "hf_upvotes", "comments", "github_url", "github_stars", "score", "lens_chip", "abstract", "links", "url",
            "api_url"})
    public record CardJson(
            @JsonProperty("id") String id,
            @JsonProperty("title") String title,
            @JsonProperty("authors") List<String> authors,
            @JsonProperty("categories") List<String> categories,
            @JsonProperty("published") Instant published,
            @JsonProperty("featured_on") LocalDate featuredOn,
            @JsonProperty("submitter") String submitter,
            @JsonProperty("votes") int votes,
            @JsonProperty("hf_upvotes") int hfUpvotes,
            @JsonProperty("comments") int comments,
            @JsonProperty("github_url") String githubUrl,
            @JsonProperty("github_stars") Integer githubStars,
            @JsonProperty("score") double score,
            @JsonProperty("lens_chip") String lensChip,
            @JsonProperty("abstract") String abstractText,
            @JsonProperty("links") PaperJson.LinksJson links,
            @JsonProperty("url") String url,
            @JsonProperty("api_url") String apiUrl) {}

    /** The wire form of a list page; links keep the list's sort and filter. */
    static ListJson of(ListPage p, LensCache lenses) {
        String cat = p.filter().param().orElse(null);
        return new ListJson(p.kind().name().toLowerCase(Locale.ROOT), p.title(),
                p.period().map(ListJson::period).orElse(null), p.category().orElse(null), p.sort().key(), cat, p.page(),
                p.pages(), p.total(), p.cards().stream().map(c -> card(c, lenses)).toList(),
                link(p.previous(), p, cat), link(p.next(), p, cat), link(p.more(), p, cat), p.empty().orElse(null),
                link(p.nearest(), p, cat));
    }

    private static PeriodJson period(Period p) {
        return new PeriodJson(p.kind().name().toLowerCase(Locale.ROOT), p.key(), p.first(), p.last());
    }

    private static CardJson card(Card c, LensCache lenses) {
        Paper p = c.paper();
        Links l = p.links();
        // Rounded: the score is for ordering, and 17 digits would suggest precision it does not have.
        double score = Math.round(c.score() * 1e6) / 1e6;
        return new CardJson(p.id(), p.title(), p.authors().stream().map(Author::name).toList(), p.categories(),
                p.published(), c.featuredOn(), c.submitter(), c.signals().votes(), c.signals().hubUpvotes(),
                c.signals().comments(), l.code(), c.githubStars(), score, lenses.lens(p.title(), p.abstractText()).chip(),
                p.abstractText(), new PaperJson.LinksJson(l.abs(), l.pdf(), l.code(), l.project()), "/papers/" + p.id(),
                "/api/papers/" + p.id());
    }

    private static LinkJson link(Optional<ListPage.Link> link, ListPage p, String cat) {
        return link.map(l -> new LinkJson(l.label(), params(apiUrl(l.path()), p, cat), params(l.path(), p, cat)))
                .orElse(null);
    }

    /** The API URL of a page path of a list: days, weeks and months under /api/daily, categories under /api/list. */
    static String apiUrl(String path) {
        if (path.startsWith("/papers/date/")) return "/api/daily?date=" + path.substring("/papers/date/".length());
        if (path.startsWith("/papers/week/")) return "/api/daily?week=" + path.substring("/papers/week/".length());
        if (path.startsWith("/papers/month/")) return "/api/daily?month=" + path.substring("/papers/month/".length());
        if (path.startsWith("/list/")) return "/api" + path;
        return path;
    }

    private static String params(String url, ListPage p, String cat) {
        StringBuilder sb = new StringBuilder(url);
        sb.append(url.indexOf('?') >= 0 ? '&' : '?').append("sort=").append(p.sort().key());
        if (cat != null) sb.append("&cat=").append(URLEncoder.encode(cat, StandardCharsets.UTF_8));
        return sb.toString();
    }
}
