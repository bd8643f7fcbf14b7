package dev.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin on virtual threads, the route table, and the one place errors become statuses. */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /** Request line plus headers, in bytes: room for a long query string in the URL. */
    static final int MAX_REQUEST_HEADER = 32 * 1024;

    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts serving {@code routes} on host:port (port 0 picks a free one). */
    public static WebServer start(String host, int port, Routes routes) {
        Javalin javalin = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            // A pasted 10 KB search must reach the app and get its clear 400, not Jetty's bare 414 (default 8 KB).
            cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER));
            cfg.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
                ctx.header("Referrer-Policy", "same-origin");
            });
            routes.addTo(cfg.routes);
            cfg.routes.exception(HttpResponseException.class,
                    (e, ctx) -> sendError(routes, ctx, e.getStatus(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.error("web: unable to handle {} {}", ctx.method(), ctx.path(), e);
                sendError(routes, ctx, 500, "The server failed to answer this request.");
            });
            // Unmatched paths and methods reach here with an empty body.
            cfg.routes.error(404, ctx -> {
                if (isEmpty(ctx)) sendError(routes, ctx, 404, "There is nothing at " + ctx.path() + ".");
            });
            cfg.routes.error(405, ctx -> {
                if (isEmpty(ctx)) sendError(routes, ctx, 405, "Method not allowed.");
            });
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("web: unable to listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new WebServer(javalin);
    }

    public int port() {
        return javalin.port();
    }

    /** Stops accepting requests and lets running ones finish. */
    @Override
    public void close() {
        javalin.stop();
    }

    private static void sendError(Routes routes, Context ctx, int status, String message) {
        if (Routes.isJsonPath(ctx.path())) {
            ctx.status(status).contentType("application/json; charset=utf-8")
                    .result(routes.json().write(Map.of("status", status, "error", message)));
        } else {
            routes.pages().showErrorPage(ctx, status, message);
        }
    }

    private static boolean isEmpty(Context ctx) {
        String body = ctx.result();
        return body == null || body.isEmpty();
    }
}
