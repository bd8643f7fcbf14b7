package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperboy.paper.PaperStore;
import io.javalin.http.Context;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /health: whether the store answers. */
public final class HealthApi {
    private static final Logger log = LoggerFactory.getLogger(HealthApi.class);

    /** The health report; {@code lastChange} is the store's latest change sequence, -1 when it does not answer. */
    public record HealthJson(
            @JsonProperty("status") String status,
            @JsonProperty("last_change") long lastChange,
            @JsonProperty("time") String time,
            @JsonProperty("error") String error) {}

    private final PaperStore papers;
    private final Clock clock;
    private final Json json;

    public HealthApi(PaperStore papers, Clock clock, Json json) {
        this.papers = papers;
        this.clock = clock;
        this.json = json;
    }

    /** Answers 200 when the store responds, 503 otherwise. */
    public void showHealth(Context ctx) {
        HealthJson body;
        try {
            // A cheap indexed query: load balancers call this every few seconds, COUNT(*) would scan.
            body = new HealthJson("ok", papers.lastSequence(), clock.instant().toString(), null);
        } catch (RuntimeException e) {
            // The cause may name hosts or paths: log it, answer only that the store is down.
            log.warn("health: store check failed: {}", e.toString());
            body = new HealthJson("unavailable", -1, clock.instant().toString(), "store did not answer");
            ctx.status(503);
        }
        ctx.contentType("application/json; charset=utf-8").result(json.write(body));
    }
}
