package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.paperboy.paper.PaperStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /health: whether the store answers, and how many papers still wait for a vector. */
public final class HealthApi {
    private static final Logger log = LoggerFactory.getLogger(HealthApi.class);

    /**
     * The health report; {@code lastChange} is the store's latest change sequence and {@code embeddingBacklog} the
     * papers without a vector yet, both -1 when the store does not answer.
     */
    @JsonPropertyOrder({"status", "last_change", "embedding_backlog", "time", "error"})
    public record HealthJson(
            @JsonProperty("status") String status,
            @JsonProperty("last_change") long lastChange,
            @JsonProperty("embedding_backlog") long embeddingBacklog,
            @JsonProperty("time") String time,
            @JsonProperty("error") String error) {}

    private final PaperStore papers;
    private final Clock clock;
    private final Json json;
    private final LongSupplier embeddingBacklog;

    /** {@code embeddingBacklog} counts the papers without a vector for the current model. */
    public HealthApi(PaperStore papers, Clock clock, Json json, LongSupplier embeddingBacklog) {
        this.papers = papers;
        this.clock = clock;
        this.json = json;
        this.embeddingBacklog = embeddingBacklog;
    }

    /** Answers 200 when the store responds, 503 otherwise. */
    public void showHealth(Context ctx) {
        HealthJson body;
        try {
            // lastSequence is a cheap indexed query; the backlog supplier decides its own cost.
            long lastChange = papers.lastSequence();
            body = new HealthJson("ok", lastChange, embeddingBacklog.getAsLong(), clock.instant().toString(), null);
        } catch (RuntimeException e) {
            // The cause may name hosts or paths: log it, answer only that the store is down.
            log.warn("health: store check failed: {}", e.toString());
            body = new HealthJson("unavailable", -1, -1, clock.instant().toString(), "store did not answer");
            ctx.status(503);
        }
        ctx.contentType("application/json; charset=utf-8").result(json.write(body));
    }
}
