package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.community.Submissions;
import dev.paperboy.hub.HubLists;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;

/** {@code POST /api/submissions}: submitting a paper to today's list (docs/community.md, "Submitting"). */
public final class SubmissionApi {

    /** What a submission did: the paper, the day's list it is on, whether this call put it there. */
    @JsonPropertyOrder({"paper", "title", "day", "is_new", "fetched", "list_url"})
    public record SubmittedJson(@JsonProperty("paper") String paper, @JsonProperty("title") String title,
            @JsonProperty("day") LocalDate day, @JsonProperty("is_new") boolean isNew,
            @JsonProperty("fetched") boolean fetched, @JsonProperty("list_url") String listUrl) {}

    private final Caller caller;
    private final Submissions submissions;
    private final HubLists lists; // null: no lists to refresh
    private final Json json;

    public SubmissionApi(Caller caller, Submissions submissions, HubLists lists, Json json) {
        this.caller = caller;
        this.submissions = submissions;
        this.lists = lists;
        this.json = json;
    }

    /**
     * POST /api/submissions {"paper": "<an arXiv id or URL>"}: 201 when new on today's list, 200 when it already was;
     * 400 not an id, 404 not on arXiv, 429 over the daily limit and 503 arXiv unavailable (both with Retry-After),
     * 403 blocked.
     */
    public void submit(Context ctx) {
        long user = caller.requireUserId(ctx);
        JsonNode body = Bodies.object(json, ctx);
        JsonNode paper = body.get("paper");
        if (paper == null || !paper.isTextual()) {
            throw new BadRequestResponse("The body needs \"paper\": an arXiv id or URL, as text.");
        }
        Submissions.Result result;
        try {
            result = submissions.submit(user, paper.asText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new Submissions.Refused(Submissions.Problem.ARXIV_UNAVAILABLE,
                    "The look-up at arXiv was interrupted; nothing was submitted.",
                    java.util.Optional.of(Submissions.RETRY_ARXIV_AFTER));
        }
        switch (result) {
            case Submissions.Accepted a -> {
                if (lists != null) lists.forget(a.submission().day());
                Bodies.send(ctx, json, a.isNew() ? 201 : 200, new SubmittedJson(a.paper().id(),
                        a.paper().title(), a.submission().day(), a.isNew(), a.fetched(),
                        "/papers/date/" + a.submission().day()));
            }
            case Submissions.Refused r -> {
                r.retryAfter().ifPresent(d -> ctx.header("Retry-After", Long.toString(seconds(d))));
                Bodies.send(ctx, json, status(r.problem()), new ErrorJson(status(r.problem()), r.message()));
            }
        }
    }

    static int status(Submissions.Problem problem) {
        return switch (problem) {
            case NOT_AN_ARXIV_ID -> 400;
            case NOT_ON_ARXIV -> 404;
            case ARXIV_UNAVAILABLE -> 503;
            case LIMIT_REACHED -> 429;
            case BLOCKED -> 403;
        };
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
