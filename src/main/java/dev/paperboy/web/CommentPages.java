package dev.paperboy.web;

import dev.paperboy.api.PaperLookup;
import dev.paperboy.community.Comment;
import dev.paperboy.community.CommentMarkdown;
import dev.paperboy.community.CommentStore;
import dev.paperboy.community.ModerationStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.hub.CachedCommunity;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import gg.jte.Content;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Discussion section of a paper page and the comment forms behind it (docs/community.md, "Comments on the
 * paper page"): post, reply, edit, delete, and for admins hide and unhide. Everything works as plain form posts
 * answered by a 303 back to the comment on the paper page. The routes add themselves to the route table
 * ({@link #addTo}); {@link CommentApi} shares the checks.
 */
public final class CommentPages {

    /** Comments (and replies) one user may post per {@link #RATE_WINDOW}, in this process. */
    public static final int RATE_LIMIT = 10;
    public static final Duration RATE_WINDOW = Duration.ofMinutes(10);

    private final Visitors visitors;
    private final CommentStore comments;
    private final ModerationStore moderation;
    private final PaperStore papers;
    private final CachedCommunity community;
    private final CommentMarkdown markdown;
    private final Templates templates;
    private final RateLimiter perUser;

    public CommentPages(Visitors visitors, CommentStore comments, ModerationStore moderation, PaperStore papers,
            CachedCommunity community, CommentMarkdown markdown, Templates templates, Clock clock) {
        this.visitors = visitors;
        this.comments = comments;
        this.moderation = moderation;
        this.papers = papers;
        this.community = community;
        this.markdown = markdown;
        this.templates = templates;
        this.perUser = new RateLimiter(clock, RATE_LIMIT, RATE_WINDOW);
    }

    /** The comment routes; every POST here is CSRF-checked before it runs (Routes). */
    void addTo(RoutesConfig r) {
        r.post("/papers/<id>/comments", this::addComment); // <id>: old-style ids contain a slash
        Routes.get(r, "/comments/{cid}/edit", this::showEditPage);
        r.post("/comments/{cid}/edit", this::editComment);
        r.post("/comments/{cid}/delete", this::deleteComment);
        r.post("/comments/{cid}/hide", this::hideComment);
        r.post("/comments/{cid}/unhide", this::unhideComment);
    }

    /**
     * The Discussion section of {@code paper}'s page for whoever asks. The page then differs per viewer (edit
     * buttons, admin forms, CSRF fields), so it is never kept by a shared cache, and not at all once signed in.
     */
    Content section(Context ctx, Paper paper) {
        Optional<SignedIn> who = visitors.signedIn(ctx);
        ctx.header("Cache-Control", who.isPresent() ? "private, no-store" : "no-cache");
        List<CommentViews.Thread> threads = threads(paper.id(), CommentViews.Viewer.of(who));
        String page = Views.paperUrl(paper.id());
        return templates.content("fragments/comments.jte", new CommentViews.SectionView(paper.id(),
                page + "/comments", who.isPresent(),
                "/signin?next=" + URLEncoder.encode(page + "#comments", StandardCharsets.UTF_8), threads,
                CommentViews.count(threads), CommentStore.MAX_BODY));
    }

    /** The paper's threads as {@code viewer} sees them, bodies rendered. */
    List<CommentViews.Thread> threads(String paperId, CommentViews.Viewer viewer) {
        return CommentViews.threads(comments.ofPaper(paperId), viewer, markdown::toHtml);
    }

    /** One comment as {@code me} sees it, in full. */
    CommentViews.Line shown(Comment c, SignedIn me) {
        return CommentViews.shown(c, CommentViews.Viewer.of(Optional.of(me)), markdown::toHtml);
    }

    /** POST /papers/{id}/comments (body, replyTo): a comment, or a reply under a top-level comment. */
    void addComment(Context ctx) {
        Paper paper = visiblePaper(ctx.pathParam("id"));
        String page = Views.paperUrl(paper.id());
        SignedIn me = visitors.signedIn(ctx).orElseThrow(() -> new SignInRequired(page));
        String body = Optional.ofNullable(ctx.formParam("body")).orElse("");
        Optional<Long> replyTo = optionalId(ctx.formParam("replyTo"));
        Optional<String> problem = problemWith(body);
        if (problem.isPresent()) {
            sendForm(ctx, 400, newCommentForm(paper, replyTo, body, problem.get()));
            return;
        }
        acquire(me);
        Outcome<Comment> added = comments.add(me.id(), paper.id(), replyTo, body);
        if (added.whyRefused().orElse(null) == Outcome.Refusal.NOT_FOUND) {
            // The comment answered was deleted or hidden meanwhile: keep the text so that nothing is lost.
            sendForm(ctx, 404, newCommentForm(paper, Optional.empty(), body,
                    "The comment you answered is gone (deleted or hidden); you can post your text as a new comment."));
            return;
        }
        Comment c = done(added);
        community.forget(paper.id());
        ctx.redirect(page + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
    }

    /** GET /comments/{cid}/edit: the edit form, prefilled (for browsers without JavaScript, and everyone). */
    void showEditPage(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Comment c = editable(me, ctx.pathParam("cid"));
        noStore(ctx);
        sendForm(ctx, 200, editForm(c, c.body(), ""));
    }

    /** POST /comments/{cid}/edit (body): replaces the text of one's own comment, marked "edited". */
    void editComment(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Comment c = editable(me, ctx.pathParam("cid"));
        String body = Optional.ofNullable(ctx.formParam("body")).orElse("");
        Optional<String> problem = problemWith(body);
        if (problem.isPresent()) {
            sendForm(ctx, 400, editForm(c, body, problem.get()));
            return;
        }
        done(comments.edit(me.id(), c.id(), body));
        ctx.redirect(Views.paperUrl(c.paperId()) + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
    }

    /**
     * POST /comments/{cid}/delete: with {@code confirm=yes} deletes one's own comment (a placeholder stays when it
     * has replies); without, answers the page that asks to confirm.
     */
    void deleteComment(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Comment c = comment(ctx.pathParam("cid"));
        if (!c.authorId().equals(Optional.of(me.id()))) throw notYours();
        if (!"yes".equals(ctx.formParam("confirm"))) {
            noStore(ctx);
            String title = papers.find(c.paperId()).map(Paper::title).orElse(c.paperId());
            sendForm(ctx, 200, new CommentViews.FormView("Delete your comment?", title, Views.paperUrl(c.paperId()),
                    "/comments/" + c.id() + "/delete", 0, c.body(), "", true, "Delete this comment",
                    CommentStore.MAX_BODY));
            return;
        }
        done(comments.delete(me.id(), c.id()));
        community.forget(c.paperId());
        ctx.redirect(Views.paperUrl(c.paperId()) + "#comments", HttpStatus.SEE_OTHER);
    }

    /** POST /comments/{cid}/hide (reason): admins only; the comment leaves the page and the counts for others. */
    void hideComment(Context ctx) {
        moderate(ctx, true);
    }

    /** POST /comments/{cid}/unhide (reason): admins only. */
    void unhideComment(Context ctx) {
        moderate(ctx, false);
    }

    private void moderate(Context ctx, boolean hide) {
        SignedIn me = visitors.requireSignedIn(ctx);
        if (!me.admin()) throw new ForbiddenResponse("Only this site's moderators can hide or unhide comments.");
        Comment c = comment(ctx.pathParam("cid"));
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("").strip();
        if (reason.length() > ModerationStore.MAX_REASON) reason = reason.substring(0, ModerationStore.MAX_REASON);
        Outcome<?> o = hide ? moderation.hideComment(Optional.of(me.id()), c.id(), reason)
                : moderation.unhideComment(Optional.of(me.id()), c.id(), reason);
        done(o);
        community.forget(c.paperId());
        ctx.redirect(Views.paperUrl(c.paperId()) + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
    }

    // The checks the page and the API share.

    /** The paper {@code id} names, unless unknown or hidden by moderators (404 either way). */
    Paper visiblePaper(String id) {
        Paper paper = PaperLookup.find(papers, id).orElseThrow(() -> new NotFoundResponse("No paper with id " + id + "."));
        // Fresh from the store, not the lists' cache: a write must not slip onto a paper hidden a second ago.
        if (moderation.isHidden(paper.id())) {
            throw new NotFoundResponse("Paper " + paper.id() + " was hidden by this site's moderators.");
        }
        return paper;
    }

    /** The comment {@code cid} names, not deleted and on a visible paper, else 404. */
    Comment comment(String cid) {
        long id = optionalId(cid).orElseThrow(() -> new NotFoundResponse("There is no such comment."));
        Comment c = comments.find(id).filter(x -> !x.deleted())
                .orElseThrow(() -> new NotFoundResponse("There is no such comment (it may have been deleted)."));
        visiblePaper(c.paperId());
        return c;
    }

    /** {@link #comment}, which must be {@code me}'s and not hidden by moderators (403 otherwise). */
    Comment editable(SignedIn me, String cid) {
        Comment c = comment(cid);
        if (!c.authorId().equals(Optional.of(me.id()))) throw notYours();
        if (c.hidden()) throw new ForbiddenResponse("Moderators hid this comment; it cannot be edited (you can delete it).");
        return c;
    }

    /** Why {@code body} cannot be a comment (blank, too long), or empty. */
    Optional<String> problemWith(String body) {
        String text = body == null ? "" : body.strip();
        Optional<String> problem = markdown.problemWith(text);
        if (problem.isPresent()) return problem;
        // The store counts UTF-16 units; characters outside the Basic Multilingual Plane (emoji) are two.
        if (text.length() > CommentStore.MAX_BODY) {
            return Optional.of(String.format(Locale.ROOT, "A comment can be at most %,d characters long (emoji count "
                    + "as two); this one has %,d.", CommentStore.MAX_BODY, text.length()));
        }
        return Optional.empty();
    }

    /** Counts one new comment by {@code me}: 429 with Retry-After past {@link #RATE_LIMIT} per window. */
    void acquire(SignedIn me) {
        perUser.acquireOrThrow("u" + me.id(), "You posted " + RATE_LIMIT + " comments in the last "
                + RATE_WINDOW.toMinutes() + " minutes; wait a little before posting more.");
    }

    /** Forgets the paper's counts kept for the lists (after a change here). */
    void forget(String paperId) {
        community.forget(paperId);
    }

    /** The value of a store's answer, or the refusal as 403/404. */
    static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> d) return d.value();
        throw switch (outcome.whyRefused().orElseThrow()) {
            case BLOCKED -> new ForbiddenResponse("Your account is blocked: it cannot post or change comments.");
            case NOT_YOURS -> notYours();
            case NOT_FOUND -> new NotFoundResponse("There is no such comment (it may have been deleted).");
            case LIMIT_REACHED -> new ForbiddenResponse("A limit was reached.");
        };
    }

    static Optional<Long> optionalId(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            long id = Long.parseLong(raw.strip());
            return id > 0 ? Optional.of(id) : Optional.of(0L);
        } catch (NumberFormatException e) {
            return Optional.of(0L); // an id no comment has: answered as not found
        }
    }

    private static ForbiddenResponse notYours() {
        return new ForbiddenResponse("This is someone else's comment; only its author can change it.");
    }

    private CommentViews.FormView newCommentForm(Paper paper, Optional<Long> replyTo, String body, String problem) {
        String page = Views.paperUrl(paper.id());
        return new CommentViews.FormView(replyTo.isPresent() ? "Your reply" : "Your comment", paper.title(), page,
                page + "/comments", replyTo.orElse(0L), body, problem, false,
                replyTo.isPresent() ? "Post reply" : "Post comment", CommentStore.MAX_BODY);
    }

    private CommentViews.FormView editForm(Comment c, String body, String problem) {
        String title = papers.find(c.paperId()).map(Paper::title).orElse(c.paperId());
        return new CommentViews.FormView("Edit your comment", title, Views.paperUrl(c.paperId()),
                "/comments/" + c.id() + "/edit", 0, body, problem, false, "Save", CommentStore.MAX_BODY);
    }

    private void sendForm(Context ctx, int status, CommentViews.FormView view) {
        noStore(ctx);
        templates.send(ctx, status, "comment-form.jte", view);
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
