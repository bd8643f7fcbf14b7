package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A paper on the wire (API responses and export lines): every field of {@link Paper}, snake_case names,
 * instants as ISO-8601 UTC strings, absent values as null. The names are a public contract.
 * {@code lens} is derived from title and abstract: written, never read back (import ignores it; it is recomputed
 * wherever it is shown).
 */
@JsonPropertyOrder({"id", "version", "title", "authors", "abstract", "categories", "published", "updated", "doi",
        "journal_ref", "comments", "license", "links", "source", "keywords", "versions", "hub_entries", "lens"})
@JsonIgnoreProperties(value = "lens", allowGetters = true)
public record PaperJson(
        @JsonProperty("id") String id,
        @JsonProperty("version") int version,
        @JsonProperty("title") String title,
        @JsonProperty("authors") List<AuthorJson> authors,
        @JsonProperty("abstract") String abstractText,
        @JsonProperty("categories") List<String> categories,
        @JsonProperty("published") Instant published,
        @JsonProperty("updated") Instant updated,
        @JsonProperty("doi") String doi,
        @JsonProperty("journal_ref") String journalRef,
        @JsonProperty("comments") String comments,
        @JsonProperty("license") String license,
        @JsonProperty("links") LinksJson links,
        @JsonProperty("source") String source,
        @JsonProperty("keywords") List<String> keywords,
        @JsonProperty("versions") List<VersionJson> versions,
        @JsonProperty("hub_entries") List<HubEntryJson> hubEntries,
        @JsonProperty("lens") LensJson lens) {

    // Stateless and thread-safe: one instance serves every request.
    private static final LensExtractor LENS = new LensExtractor();

    public record AuthorJson(@JsonProperty("name") String name, @JsonProperty("affiliations") List<String> affiliations) {}

    public record LinksJson(
            @JsonProperty("abs") String abs,
            @JsonProperty("pdf") String pdf,
            @JsonProperty("code") String code,
            @JsonProperty("project") String project) {}

    public record VersionJson(@JsonProperty("version") int version, @JsonProperty("submitted") Instant submitted) {}

    @JsonPropertyOrder({"hub", "list_date", "submitter", "upvotes", "comments", "github_stars"})
    public record HubEntryJson(
            @JsonProperty("hub") String hub,
            @JsonProperty("list_date") LocalDate listDate,
            @JsonProperty("submitter") String submitter,
            @JsonProperty("upvotes") int upvotes,
            @JsonProperty("comments") int comments,
            @JsonProperty("github_stars") Integer githubStars) {}

    /** The wire form of a paper, with its lens computed from title and abstract. */
    public static PaperJson of(Paper p) {
        return of(p, LENS.extract(p.title(), p.abstractText()));
    }

    /** The wire form of a paper with a lens already computed for it. */
    public static PaperJson of(Paper p, Lens lens) {
        Links l = p.links();
        return new PaperJson(
                p.id(),
                p.version(),
                p.title(),
                p.authors().stream().map(a -> new AuthorJson(a.name(), a.affiliations())).toList(),
                p.abstractText(),
                p.categories(),
                p.published(),
                p.updated(),
                p.doi(),
                p.journalRef(),
                p.comments(),
                p.license(),
                new LinksJson(l.abs(), l.pdf(), l.code(), l.project()),
                p.source(),
                p.keywords(),
                p.versions().stream().map(v -> new VersionJson(v.version(), v.submitted())).toList(),
                p.hubEntries().stream()
                        .map(h -> new HubEntryJson(h.hub(), h.listDate(), h.submitter(), h.upvotes(), h.comments(),
                                h.githubStars()))
                        .toList(),
                LensJson.of(lens));
    }

    /** The paper this wire form describes (the inverse of {@link #of}). */
    public Paper toPaper() {
        return Paper.builder(id)
                .version(version)
                .title(title)
                .authors(authors == null ? null : authors.stream().map(a -> new Author(a.name(), a.affiliations())).toList())
                .abstractText(abstractText)
                .categories(categories)
                .published(published)
                .updated(updated)
                .doi(doi)
                .journalRef(journalRef)
                .comments(comments)
                .license(license)
                .links(links == null ? null : new Links(links.abs(), links.pdf(), links.code(), links.project()))
                .source(source)
                .keywords(keywords)
                .versions(versions == null ? null : versions.stream().map(v -> new PaperVersion(v.version(), v.submitted())).toList())
                .hubEntries(hubEntries == null ? null : hubEntries.stream()
                        .map(h -> new HubEntry(h.hub(), h.listDate(), h.submitter(), h.upvotes(), h.comments(),
                                h.githubStars()))
                        .toList())
                .build();
    }
}
