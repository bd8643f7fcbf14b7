package dev.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import java.util.function.BiConsumer;
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
        ErrorPages errors = routes.errors();
        Javalin javalin = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            // A known path asked with another method answers 405 with Allow, not 404.
            cfg.http.prefer405over404 = true;
            // A pasted 10 KB search must reach the app and get its clear 400, not Jetty's bare 414 (default 8 KB).
            cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER));
            JettyErrors jettyErrors = new JettyErrors(errors);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
            cfg.routes.before(ctx -> securityHeaders(ctx::header));
            routes.addTo(cfg.routes);
            cfg.routes.exception(SignInRequired.class, (e, ctx) -> {
                if (ErrorPages.isJsonPath(ctx.path())) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    errors.send(ctx, 401, "Sign in, or send a personal access token as Authorization: Bearer.");
                } else {
                    ctx.header("Cache-Control", "no-store");
                    ctx.redirect(e.next().equals("/") ? "/signin"
                            : "/signin?next=" + java.net.URLEncoder.encode(e.next(), java.nio.charset.StandardCharsets.UTF_8),
                            io.javalin.http.HttpStatus.SEE_OTHER);
                }
            });
            cfg.routes.exception(TooManyRequests.class, (e, ctx) -> {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                errors.send(ctx, 429, e.getMessage());
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e instanceof MethodNotAllowedResponse) {
                    String allowed = allowed(e);
                    ctx.header("Allow", allowed);
                    errors.send(ctx, 405, ctx.method() + " is not allowed here; use " + allowed + ".");
                } else if (e instanceof EndpointNotFound) {
                    errors.send(ctx, 404, "There is nothing at " + ctx.path() + ".");
                } else {
                    errors.send(ctx, e.getStatus(), e.getMessage());
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.error("web: unable to handle {} {}", ctx.method(), ctx.path(), e);
                errors.send(ctx, 500, "The server failed to answer this request.");
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

    /** A registered route: its method (GET, HEAD, …) and Javalin path ({@code /api/papers/<id>}). */
    public record Route(String method, String path) {}

    /** Every HTTP route the server dispatches, in registration order (the OpenAPI contract test reads it). */
    public java.util.List<Route> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(h -> new Route(h.endpoint.method.name(), h.endpoint.path)).toList();
    }

    /** Stops accepting requests and lets running ones finish. */
    @Override
    public void close() {
        javalin.stop();
    }

    /**
     * What pages may load: only this origin's files, no inline scripts or styles (templates hold no {@code <script>}
     * bodies, {@code on…=} handlers or {@code style=} attributes: SiteShellTest checks), no plugins, no framing, and
     * forms post only here. Images may also be {@code data:} URLs (small icons in CSS). A route that needs more (a
     * viewer page, say) may set its own header after this one: the last value set wins.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The headers every answer carries, pages, JSON, static files and errors alike. */
    static void securityHeaders(BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        // Links out (arXiv, code, project pages) carry no referrer at all; stricter than strict-origin-when-cross-origin.
        header.accept("Referrer-Policy", "same-origin");
        // For browsers that predate frame-ancestors.
        header.accept("X-Frame-Options", "DENY");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** The methods Javalin found for the path ("GET, HEAD"), under whichever key it chose for the client. */
    private static String allowed(HttpResponseException e) {
        return e.getDetails().values().stream().findFirst().orElse("GET, HEAD");
    }
}
