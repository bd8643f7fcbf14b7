package dev.paperboy.web;

import dev.paperboy.community.Submissions;
import dev.paperboy.hub.HubLists;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * Submitting a paper to today's list from a form (docs/community.md, "Submitting"): {@code GET /submit} and
 * {@code POST /submit}, for signed-in users. The paper shows on today's list at once in this process
 * ({@link HubLists#forget}).
 */
public final class SubmitPages {

    private final Visitors visitors;
    private final Submissions submissions;
    private final HubLists lists; // null: no lists to refresh (servers built without them)
    private final Templates templates;

    public SubmitPages(Visitors visitors, Submissions submissions, HubLists lists, Templates templates) {
        this.visitors = visitors;
        this.submissions = submissions;
        this.lists = lists;
        this.templates = templates;
    }

    void addTo(RoutesConfig r) {
        Routes.get(r, "/submit", this::showSubmitPage);
        r.post("/submit", this::submitPaper);
    }

    /** GET /submit: the form; signed-out visitors are sent to sign in and back. */
    void showSubmitPage(Context ctx) {
        visitors.requireSignedIn(ctx);
        send(ctx, 200, Optional.ofNullable(ctx.queryParam("paper")).orElse(""), "", "", "");
    }

    /**
     * POST /submit: an accepted paper goes to today's list (303 to its card there); a paper already on it shows a
     * notice linking there; a refusal shows the form again with the text kept, under the refusal's status.
     */
    void submitPaper(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        String pasted = Optional.ofNullable(ctx.formParam("paper")).orElse("");
        Submissions.Result result = submit(me.id(), pasted);
        switch (result) {
            case Submissions.Accepted a -> {
                if (lists != null) lists.forget(a.submission().day());
                String card = dayUrl(a) + "#card-" + a.paper().id();
                if (a.isNew()) {
                    ctx.header("Cache-Control", "no-store");
                    ctx.redirect(card, HttpStatus.SEE_OTHER);
                } else {
                    send(ctx, 200, "", "", "“" + title(a) + "” is already on today's list.", card);
                }
            }
            case Submissions.Refused r -> {
                r.retryAfter().ifPresent(d -> ctx.header("Retry-After", Long.toString(seconds(d))));
                send(ctx, status(r.problem()), pasted, r.message(), "", "");
            }
        }
    }

    /** The submission, with an interrupted wait for arXiv answered as arXiv being unavailable. */
    Submissions.Result submit(long userId, String pasted) {
        try {
            return submissions.submit(userId, pasted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Submissions.Refused(Submissions.Problem.ARXIV_UNAVAILABLE,
                    "The look-up at arXiv was interrupted; nothing was submitted. Please try again.",
                    Optional.of(Submissions.RETRY_ARXIV_AFTER));
        }
    }

    /** The HTTP status of a refusal (the same for the page and the API). */
    static int status(Submissions.Problem problem) {
        return switch (problem) {
            case NOT_AN_ARXIV_ID -> 400;
            case NOT_ON_ARXIV -> 404;
            case ARXIV_UNAVAILABLE -> 503;
            case LIMIT_REACHED -> 429;
            case BLOCKED -> 403;
        };
    }

    /** Whole seconds for Retry-After, at least 1. */
    static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    static String dayUrl(Submissions.Accepted a) {
        return "/papers/date/" + a.submission().day();
    }

    private static String title(Submissions.Accepted a) {
        return a.paper().title().isBlank() ? a.paper().id() : a.paper().title();
    }

    private void send(Context ctx, int status, String pasted, String problem, String notice, String noticeHref) {
        ctx.header("Cache-Control", "no-store");
        templates.send(ctx, status, "submit.jte",
                new CollectViews.SubmitView(pasted, problem, notice, noticeHref, submissions.dailyLimit()));
    }
}
