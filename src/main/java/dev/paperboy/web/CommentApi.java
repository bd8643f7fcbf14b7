package dev.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.api.CommentJson;
import dev.paperboy.api.Json;
import dev.paperboy.community.Comment;
import dev.paperboy.community.CommentStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.paper.Paper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Comments over the JSON API (docs/community.md): the thread of a paper for anyone, and writes with a personal
 * access token ({@code Authorization: Bearer}); the same checks, limits and answers as {@link CommentPages}.
 */
public final class CommentApi {

    private final CommentPages pages;
    private final CommentStore comments;
    private final Visitors visitors;
    private final Json json;
    private final ObjectMapper reader = new ObjectMapper();

    public CommentApi(CommentPages pages, CommentStore comments, Visitors visitors, Json json) {
        this.pages = pages;
        this.comments = comments;
        this.visitors = visitors;
        this.json = json;
    }

    /** The API's comment routes; before {@code /api/papers/<id>}, whose {@code <id>} would swallow "/comments". */
    void addTo(RoutesConfig r) {
        Routes.get(r, "/api/papers/<id>/comments", this::listComments);
        r.post("/api/papers/<id>/comments", this::addComment);
        r.patch("/api/comments/{cid}", this::editComment);
        r.delete("/api/comments/{cid}", this::deleteComment);
    }

    /** GET /api/papers/{id}/comments: the thread as the page shows it to someone not signed in. */
    void listComments(Context ctx) {
        Paper paper = pages.visiblePaper(ctx.pathParam("id"));
        List<CommentViews.Thread> threads = pages.threads(paper.id(), CommentViews.Viewer.ANONYMOUS);
        List<CommentJson> out = new ArrayList<>();
        for (CommentViews.Thread t : threads) {
            out.add(wire(t.top()));
            for (CommentViews.Line r : t.replies()) out.add(wire(r));
        }
        ctx.header("Cache-Control", "no-cache");
        send(ctx, 200, new CommentJson.Thread(paper.id(), CommentViews.count(threads), out));
    }

    /** POST /api/papers/{id}/comments {"body", "reply_to"?}: 201 with the comment. */
    void addComment(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Paper paper = pages.visiblePaper(ctx.pathParam("id"));
        JsonNode in = body(ctx);
        String body = text(in);
        JsonNode reply = in.has("reply_to") ? in.get("reply_to") : in.path("replyTo");
        Optional<Long> replyTo = Optional.empty();
        if (!reply.isMissingNode() && !reply.isNull()) {
            if (!reply.canConvertToLong() || !reply.isIntegralNumber()) {
                throw new BadRequestResponse("reply_to must be the id of a comment (a whole number).");
            }
            replyTo = Optional.of(reply.asLong());
        }
        pages.acquire(me);
        Outcome<Comment> added = comments.add(me.id(), paper.id(), replyTo, body);
        if (added.whyRefused().orElse(null) == Outcome.Refusal.NOT_FOUND) {
            throw new NotFoundResponse("The comment to reply to is not on this paper, or was deleted or hidden.");
        }
        Comment c = CommentPages.done(added);
        pages.forget(paper.id());
        send(ctx, 201, wire(c, me));
    }

    /** PATCH /api/comments/{cid} {"body"}: replaces the text of one's own comment, marked edited. */
    void editComment(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Comment c = pages.editable(me, ctx.pathParam("cid"));
        String body = text(body(ctx));
        send(ctx, 200, wire(CommentPages.done(comments.edit(me.id(), c.id(), body)), me));
    }

    /** DELETE /api/comments/{cid}: deletes one's own comment. */
    void deleteComment(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Comment c = pages.comment(ctx.pathParam("cid"));
        if (!c.authorId().equals(Optional.of(me.id()))) {
            throw new ForbiddenResponse("This is someone else's comment; only its author can delete it.");
        }
        CommentStore.Deletion d = CommentPages.done(comments.delete(me.id(), c.id()));
        pages.forget(c.paperId());
        send(ctx, 200, new CommentJson.Deleted(c.id(), d.name().toLowerCase(Locale.ROOT)));
    }

    /** The request's JSON object, or 400. */
    private JsonNode body(Context ctx) {
        try {
            JsonNode node = reader.readTree(ctx.body());
            if (node == null || !node.isObject()) throw new BadRequestResponse("The body must be a JSON object.");
            return node;
        } catch (IOException e) {
            throw new BadRequestResponse("The body is not valid JSON.");
        }
    }

    /** The comment's text from {@code {"body": …}}, checked as the page checks it (400 with the reason). */
    private String text(JsonNode in) {
        JsonNode b = in.path("body");
        if (!b.isTextual()) throw new BadRequestResponse("body must be the comment's text (a string of Markdown).");
        pages.problemWith(b.asText()).ifPresent(p -> {
            throw new BadRequestResponse(p);
        });
        return b.asText();
    }

    private CommentJson wire(Comment c, SignedIn me) {
        return wire(pages.shown(c, me));
    }

    private static CommentJson wire(CommentViews.Line l) {
        boolean shown = l.shown();
        return new CommentJson(l.id(), l.paperId(), l.parentId().orElse(null),
                switch (l.state()) {
                    case SHOWN -> "visible";
                    case DELETED -> "deleted";
                    case HIDDEN -> "hidden";
                }, shown ? l.author() : null, shown ? l.body() : null, shown ? l.html() : null, l.createdAt(),
                shown ? l.editedAt().orElse(null) : null);
    }

    private void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(ErrorPages.JSON).result(json.write(body));
    }
}
