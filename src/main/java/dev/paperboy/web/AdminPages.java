package dev.paperboy.web;

import dev.paperboy.account.User;
import dev.paperboy.account.UserStore;
import dev.paperboy.api.PaperLookup;
import dev.paperboy.community.CommentStore;
import dev.paperboy.community.ModerationAct;
import dev.paperboy.community.ModerationStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.hub.CachedCommunity;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moderation on the web (docs/community.md): the admin page {@code /admin} (the log, paginated, and forms to block
 * and unblock users, hide and unhide papers and comments) and the acts those forms and the paper page's post. Only
 * admins see any of it: for everyone else these paths answer 404, as if they did not exist.
 */
public final class AdminPages implements Routes.PageGroup {

    /** Log rows per page. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE = PaperPages.MAX_PAGE;

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The admin page: the log rows of one page, its pager, and what the last act did or why it failed. */
    public record AdminView(List<LogRow> rows, int page, String previousUrl, String nextUrl, String problem) {}

    /** One act: when, who, what, on which target (a link when it is a paper), why. */
    public record LogRow(String at, String moderator, String action, String target, String targetUrl, String reason) {}

    private final Visitors visitors;
    private final UserStore users;
    private final PaperStore papers;
    private final CommentStore comments;
    private final ModerationStore moderation;
    private final CachedCommunity community;
    private final Templates templates;

    public AdminPages(Visitors visitors, UserStore users, PaperStore papers, CommentStore comments,
            ModerationStore moderation, CachedCommunity community, Templates templates) {
        this.visitors = visitors;
        this.users = users;
        this.papers = papers;
        this.comments = comments;
        this.moderation = moderation;
        this.community = community;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig r) {
        Routes.get(r, "/admin", this::showAdminPage);
        r.post("/admin/papers/hide", ctx -> actOnPaper(ctx, true));
        r.post("/admin/papers/unhide", ctx -> actOnPaper(ctx, false));
        r.post("/admin/comments/hide", ctx -> actOnComment(ctx, true));
        r.post("/admin/comments/unhide", ctx -> actOnComment(ctx, false));
        r.post("/admin/users/block", ctx -> actOnUser(ctx, true));
        r.post("/admin/users/unblock", ctx -> actOnUser(ctx, false));
    }

    /** GET /admin?page=N: the moderation log, newest first, and the forms. */
    void showAdminPage(Context ctx) {
        requireAdmin(ctx);
        int page = PaperPages.pageParam(ctx.queryParam("page"));
        sendPage(ctx, 200, page, "");
    }

    /** POST /admin/papers/hide|unhide with {@code paper} (any spelling of its id), {@code reason}, {@code next}. */
    void actOnPaper(Context ctx, boolean hide) {
        SignedIn me = requireAdmin(ctx);
        String raw = form(ctx, "paper");
        Optional<Paper> paper = PaperLookup.find(papers, raw);
        if (paper.isEmpty()) {
            problem(ctx, "There is no paper with id “" + raw + "”; nothing was done.");
            return;
        }
        String id = paper.get().id();
        if (!act(ctx, () -> hide ? moderation.hidePaper(Optional.of(me.id()), id, reason(ctx))
                : moderation.unhidePaper(Optional.of(me.id()), id, reason(ctx)), "paper " + id)) {
            return;
        }
        community.forget(id); // lists, feeds and the paper page of this process see it at once
        done(ctx);
    }

    /** POST /admin/comments/hide|unhide with {@code comment} (its number), {@code reason}, {@code next}. */
    void actOnComment(Context ctx, boolean hide) {
        SignedIn me = requireAdmin(ctx);
        String raw = form(ctx, "comment");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            problem(ctx, "A comment is named by its number; “" + raw + "” is not one. Nothing was done.");
            return;
        }
        if (!act(ctx, () -> hide ? moderation.hideComment(Optional.of(me.id()), id, reason(ctx))
                : moderation.unhideComment(Optional.of(me.id()), id, reason(ctx)), "comment " + id)) {
            return;
        }
        comments.find(id).ifPresent(c -> community.forget(c.paperId())); // its paper's comment count
        done(ctx);
    }

    /** POST /admin/users/block|unblock with {@code email}, {@code reason}: a block also ends all their sessions. */
    void actOnUser(Context ctx, boolean block) {
        SignedIn me = requireAdmin(ctx);
        String raw = form(ctx, "email");
        Optional<User> user;
        try {
            user = users.findByEmail(User.normaliseEmail(raw));
        } catch (IllegalArgumentException e) {
            user = Optional.empty();
        }
        if (user.isEmpty()) {
            problem(ctx, "There is no account with the address “" + raw + "”; nothing was done.");
            return;
        }
        if (block && user.get().id() == me.id()) {
            problem(ctx, "You cannot block your own account.");
            return;
        }
        long id = user.get().id();
        if (!act(ctx, () -> block ? moderation.blockUser(Optional.of(me.id()), id, reason(ctx))
                : moderation.unblockUser(Optional.of(me.id()), id, reason(ctx)), "account " + raw)) {
            return;
        }
        done(ctx);
    }

    /** Runs the act; false (after answering 404 with the admin page) when its target does not exist. */
    private boolean act(Context ctx, Supplier<Outcome<ModerationAct>> act, String target) {
        Outcome<ModerationAct> outcome;
        try {
            outcome = act.get();
        } catch (IllegalArgumentException e) {
            problem(ctx, "A reason can be at most " + ModerationStore.MAX_REASON + " characters; nothing was done.");
            return false;
        }
        if (outcome.isDone()) return true;
        switch (outcome.whyRefused().orElseThrow()) {
            case NOT_FOUND -> sendPage(ctx, 404, 1, "There is no " + target + "; nothing was done.");
            // The acting admin was blocked in the meantime: treat like any other non-admin.
            default -> throw new NotFoundResponse("There is nothing at " + ctx.path() + ".");
        }
        return false;
    }

    /** After an act: back to where the form was ({@code next}), the admin page by default. */
    private static void done(Context ctx) {
        String next = SafeNext.of(ctx.formParam("next"));
        ctx.redirect(next.equals("/") ? "/admin" : next, HttpStatus.SEE_OTHER);
    }

    private void problem(Context ctx, String message) {
        sendPage(ctx, 400, 1, message);
    }

    private void sendPage(Context ctx, int status, int page, String problem) {
        List<ModerationAct> acts = moderation.log(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        if (page > 1 && acts.isEmpty()) throw new NotFoundResponse("Page " + page + " is past the end of the log.");
        List<LogRow> rows = new ArrayList<>();
        for (ModerationAct a : acts.subList(0, Math.min(PAGE_SIZE, acts.size()))) rows.add(row(a));
        String previous = page > 1 ? "/admin?page=" + (page - 1) : null;
        String next = acts.size() > PAGE_SIZE && page < MAX_PAGE ? "/admin?page=" + (page + 1) : null;
        ctx.header("Cache-Control", "no-store");
        templates.send(ctx, status, "admin.jte", new AdminView(rows, page, previous, next, problem));
    }

    private LogRow row(ModerationAct a) {
        String target = a.target();
        String url = null;
        switch (a.action()) {
            case HIDE_PAPER, UNHIDE_PAPER -> {
                target = "paper " + a.target();
                url = Views.paperUrl(a.target());
            }
            case HIDE_COMMENT, UNHIDE_COMMENT -> {
                target = "comment " + a.target();
                var c = comments.find(Long.parseLong(a.target()));
                if (c.isPresent()) url = Views.paperUrl(c.get().paperId());
            }
            case BLOCK_USER, UNBLOCK_USER -> {
                Optional<User> u = users.find(Long.parseLong(a.target()));
                target = u.map(x -> x.email() + " (" + x.publicName() + ")").orElse("account " + a.target() + " (deleted)");
            }
        }
        return new LogRow(MINUTE.format(a.at()), a.moderator(), a.action().code(), target, url, a.reason());
    }

    /** The admin asking, or 404 for anyone else (signed out included): the page's existence is not revealed. */
    private SignedIn requireAdmin(Context ctx) {
        return visitors.signedIn(ctx).filter(SignedIn::admin)
                .orElseThrow(() -> new NotFoundResponse("There is nothing at " + ctx.path() + "."));
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static String reason(Context ctx) {
        return Optional.ofNullable(ctx.formParam("reason")).orElse("");
    }
}
