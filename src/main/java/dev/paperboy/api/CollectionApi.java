package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.community.CollectionStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.PaperCollection;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collections over the JSON API (docs/community.md): read a public collection (or one's own private one), and with a
 * personal access token create, change and delete one's own and add or remove papers. Someone else's private
 * collection is 404 as if it did not exist; someone else's public one is 403 for writes.
 */
public final class CollectionApi {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** One collection and a page of its papers, most recently added first. */
    @JsonPropertyOrder({"id", "name", "description", "public", "owner", "created_at", "updated_at", "total", "limit",
            "offset", "papers"})
    public record CollectionJson(@JsonProperty("id") long id, @JsonProperty("name") String name,
            @JsonProperty("description") String description, @JsonProperty("public") boolean isPublic,
            @JsonProperty("owner") OwnerJson owner, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt, @JsonProperty("total") int total,
            @JsonProperty("limit") int limit, @JsonProperty("offset") int offset,
            @JsonProperty("papers") List<EntryJson> papers) {}

    /** Who keeps a collection: the id (their profile is /users/{id}) and public name, never the address. */
    public record OwnerJson(@JsonProperty("id") long id, @JsonProperty("name") String name) {}

    /** A paper of a collection. */
    @JsonPropertyOrder({"paper", "title", "added_at"})
    public record EntryJson(@JsonProperty("paper") String paper, @JsonProperty("title") String title,
            @JsonProperty("added_at") Instant addedAt) {}

    /** The answer of adding or removing a paper: whether it is in the collection now, and whether this call changed that. */
    @JsonPropertyOrder({"collection", "paper", "in_collection", "changed"})
    public record MembershipJson(@JsonProperty("collection") long collection, @JsonProperty("paper") String paper,
            @JsonProperty("in_collection") boolean inCollection, @JsonProperty("changed") boolean changed) {}

    private final Caller caller;
    private final CollectionStore collections;
    private final PaperStore papers;
    private final Json json;

    public CollectionApi(Caller caller, CollectionStore collections, PaperStore papers, Json json) {
        this.caller = caller;
        this.collections = collections;
        this.papers = papers;
        this.json = json;
    }

    /** GET /api/collections/{cid}?limit=&offset=: public, or the caller's own private one; else 404. */
    public void getCollection(Context ctx) {
        Optional<Long> viewer = caller.userId(ctx);
        long id = id(ctx);
        int limit = PaperApi.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = PaperApi.intParam(ctx, "offset", 0, 0, 1_000_000);
        PaperCollection c = collections.find(id, viewer).orElseThrow(() -> notFound(id));
        List<CollectionStore.Entry> entries = collections.papers(id, viewer, limit, offset).orElseThrow(() -> notFound(id));
        Map<String, Paper> found = papers.findAll(entries.stream().map(CollectionStore.Entry::paperId).toList());
        List<EntryJson> list = entries.stream().map(e -> new EntryJson(e.paperId(),
                Optional.ofNullable(found.get(e.paperId())).map(Paper::title).orElse(""), e.addedAt())).toList();
        Bodies.send(ctx, json, 200, wire(c, limit, offset, list));
    }

    /** POST /api/collections {name, description?, public?}: 201 with the new collection (public unless told). */
    public void createCollection(Context ctx) {
        long user = caller.requireUserId(ctx);
        JsonNode body = Bodies.object(json, ctx);
        String name = text(body, "name", null);
        String description = text(body, "description", "");
        boolean isPublic = bool(body, "public", true);
        valid(name, description);
        PaperCollection c = done(collections.create(user, name, description, isPublic));
        ctx.header("Location", "/api/collections/" + c.id());
        Bodies.send(ctx, json, 201, wire(c, DEFAULT_LIMIT, 0, List.of()));
    }

    /** PATCH /api/collections/{cid} {name?, description?, public?}: fields left out keep their value. */
    public void updateCollection(Context ctx) {
        long user = caller.requireUserId(ctx);
        long id = id(ctx);
        JsonNode body = Bodies.object(json, ctx);
        PaperCollection c = collections.find(id, Optional.of(user)).orElseThrow(() -> notFound(id));
        if (c.ownerId() != user) throw notYours();
        String name = text(body, "name", c.name());
        String description = text(body, "description", c.description());
        boolean isPublic = bool(body, "public", c.isPublic());
        valid(name, description);
        PaperCollection updated = done(collections.update(user, id, name, description, isPublic));
        Bodies.send(ctx, json, 200, wire(updated, DEFAULT_LIMIT, 0, null));
    }

    /** DELETE /api/collections/{cid}: 204. */
    public void deleteCollection(Context ctx) {
        long user = caller.requireUserId(ctx);
        done(collections.delete(user, id(ctx)));
        ctx.status(204);
    }

    /** PUT /api/collections/{cid}/papers/{paperId}: adds a stored paper (idempotent). */
    public void addPaper(Context ctx) {
        long user = caller.requireUserId(ctx);
        long id = id(ctx);
        String raw = ctx.pathParam("paperId");
        Paper p = PaperLookup.find(papers, raw).orElseThrow(() -> new NotFoundResponse("no paper with id " + raw));
        boolean changed = done(collections.add(user, id, p.id()));
        Bodies.send(ctx, json, 200, new MembershipJson(id, p.id(), true, changed));
    }

    /** DELETE /api/collections/{cid}/papers/{paperId}: removes a paper (idempotent). */
    public void removePaper(Context ctx) {
        long user = caller.requireUserId(ctx);
        long id = id(ctx);
        String paper = PaperLookup.canonicalId(ctx.pathParam("paperId"));
        boolean changed = done(collections.remove(user, id, paper));
        Bodies.send(ctx, json, 200, new MembershipJson(id, paper, false, changed));
    }

    /** A collection as JSON; {@code list} null: its first page is read here. */
    private CollectionJson wire(PaperCollection c, int limit, int offset, List<EntryJson> list) {
        if (list == null) {
            List<CollectionStore.Entry> entries = collections.papers(c.id(), Optional.of(c.ownerId()), limit, offset)
                    .orElse(List.of());
            Map<String, Paper> found = papers.findAll(entries.stream().map(CollectionStore.Entry::paperId).toList());
            list = entries.stream().map(e -> new EntryJson(e.paperId(),
                    Optional.ofNullable(found.get(e.paperId())).map(Paper::title).orElse(""), e.addedAt())).toList();
        }
        return new CollectionJson(c.id(), c.name(), c.description(), c.isPublic(), new OwnerJson(c.ownerId(),
                c.ownerName()), c.createdAt(), c.updatedAt(), c.papers(), limit, offset, list);
    }

    private static void valid(String name, String description) {
        CollectionStore.problemWith(name, description).ifPresent(p -> {
            throw new BadRequestResponse(p);
        });
    }

    private static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d.value();
            case Outcome.Refused<T> r -> throw switch (r.refusal()) {
                case NOT_FOUND -> new NotFoundResponse("no such collection or paper (or the collection is private)");
                case NOT_YOURS -> notYours();
                case BLOCKED -> new ForbiddenResponse("this account may not change collections");
                case LIMIT_REACHED -> new ForbiddenResponse("a limit was reached");
            };
        };
    }

    private static ForbiddenResponse notYours() {
        return new ForbiddenResponse("this collection is someone else's; only its owner can change it");
    }

    private static NotFoundResponse notFound(long id) {
        return new NotFoundResponse("no collection " + id + " (or it is private)");
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("cid");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // below
        }
        throw new NotFoundResponse("no collection " + raw);
    }

    /** A text field: {@code dflt} when absent (null: required), 400 when not text. */
    private static String text(JsonNode body, String field, String dflt) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (dflt == null) throw new BadRequestResponse("The body needs \"" + field + "\" (text).");
            return dflt;
        }
        if (!v.isTextual()) throw new BadRequestResponse("\"" + field + "\" must be text.");
        return v.asText();
    }

    private static boolean bool(JsonNode body, String field, boolean dflt) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw new BadRequestResponse("\"" + field + "\" must be true or false.");
        return v.asBoolean();
    }
}
