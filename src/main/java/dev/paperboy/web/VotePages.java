package dev.paperboy.web;

import dev.paperboy.api.Json;
import dev.paperboy.api.PaperLookup;
import dev.paperboy.api.VoteJson;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.VoteStore;
import dev.paperboy.hub.CachedCommunity;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Upvotes (docs/community.md): the form of every card and paper page ({@code POST /papers/{id}/vote}, plain or htmx)
 * and the API ({@code PUT}/{@code DELETE /api/papers/{id}/vote}). Votes are set, not toggled: the form carries the
 * state it wants, so a retried post does not flip it back.
 */
public final class VotePages implements Routes.PageGroup {

    private final Visitors visitors;
    private final PaperStore papers;
    private final VoteStore votes;
    private final CachedCommunity community;
    private final Templates templates;
    private final Json json;

    public VotePages(Visitors visitors, PaperStore papers, VoteStore votes, CachedCommunity community,
            Templates templates, Json json) {
        this.visitors = visitors;
        this.papers = papers;
        this.votes = votes;
        this.community = community;
        this.templates = templates;
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig r) {
        r.post("/papers/<id>/vote", this::vote); // <id>: old-style ids contain a slash
        r.put("/api/papers/<id>/vote", ctx -> voteByApi(ctx, true));
        r.delete("/api/papers/<id>/vote", ctx -> voteByApi(ctx, false));
    }

    /**
     * POST /papers/{id}/vote with {@code vote=on|off} and {@code next}: a plain post comes back to {@code next} (the
     * card's anchor on the page it came from) with a 303; an htmx request gets the new control alone.
     */
    void vote(Context ctx) {
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        String next = SafeNext.of(ctx.formParam("next"));
        Optional<SignedIn> who = visitors.signedIn(ctx);
        if (who.isEmpty()) {
            // Signed out (or the session ended while the page was open): sign in, then back to the page.
            String signIn = next.equals("/") ? "/signin" : "/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            ctx.header("Cache-Control", "no-store");
            if (htmx) {
                ctx.header("HX-Redirect", signIn);
                ctx.status(200);
            } else {
                ctx.redirect(signIn, HttpStatus.SEE_OTHER);
            }
            return;
        }
        boolean want = switch (Optional.ofNullable(ctx.formParam("vote")).orElse("")) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new BadRequestResponse("vote must be on or off.");
        };
        Cast cast = cast(ctx, who.get(), ctx.pathParam("id"), want);
        ctx.header("Cache-Control", "no-store");
        if (htmx) {
            templates.send(ctx, 200, "fragments/vote.jte",
                    new CommunitySlots.VoteView(cast.paperId(), cast.tally().votes(), true, cast.tally().voted(), next));
        } else {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        }
    }

    /** PUT (on) or DELETE (off) /api/papers/{id}/vote: a bearer token (or a session with its CSRF header) is needed. */
    void voteByApi(Context ctx, boolean want) {
        SignedIn me = visitors.requireSignedIn(ctx);
        Cast cast = cast(ctx, me, ctx.pathParam("id"), want);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(ErrorPages.JSON).result(json.write(new VoteJson(cast.paperId, cast.tally.voted(),
                cast.tally.votes())));
    }

    private record Cast(String paperId, VoteStore.Tally tally) {}

    /** Sets the vote; unknown and hidden papers are 404, a blocked user 403 (and their session ends). */
    private Cast cast(Context ctx, SignedIn me, String rawId, boolean want) {
        Paper paper = PaperLookup.find(papers, rawId)
                .orElseThrow(() -> new NotFoundResponse("No paper with id " + rawId + "."));
        if (community.isHidden(paper.id())) {
            throw new NotFoundResponse("Paper " + paper.id() + " was hidden by this site's moderators.");
        }
        Outcome<VoteStore.Tally> outcome = votes.set(me.id(), paper.id(), want);
        if (outcome instanceof Outcome.Refused<VoteStore.Tally> refused) {
            switch (refused.refusal()) {
                case BLOCKED -> {
                    // Blocked after this request was let in: the session ends here too (blocking ended the others).
                    if (!me.byToken()) visitors.endSession(ctx);
                    throw new ForbiddenResponse("This account is blocked by the moderators: it cannot vote.");
                }
                case NOT_FOUND -> throw new NotFoundResponse("No paper with id " + rawId + ".");
                default -> throw new IllegalStateException("votes: unexpected refusal " + refused.refusal());
            }
        }
        // Counts on this process's lists are exact at once (other processes within CachedCommunity.FRESHNESS).
        community.forget(paper.id());
        return new Cast(paper.id(), outcome.result().orElseThrow());
    }
}
