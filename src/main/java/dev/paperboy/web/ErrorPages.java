package dev.paperboy.web;

import dev.paperboy.api.ErrorJson;
import dev.paperboy.api.Json;
import io.javalin.http.Context;

/** Every error the server answers: JSON {@code {"status", "error"}} under /api and /health, the HTML page elsewhere. */
public final class ErrorPages {

    private final Templates templates;
    private final Json json;

    public ErrorPages(Templates templates, Json json) {
        this.templates = templates;
        this.json = json;
    }

    /** Answers {@code status} with {@code message}, shaped for the path asked for. */
    void send(Context ctx, int status, String message) {
        if (isJsonPath(ctx.path())) {
            ctx.status(status).contentType(JSON).result(json(status, message));
        } else {
            ctx.status(status).contentType(Templates.HTML).result(PageSlots.fill(ctx,
                    templates.render("error.jte", view(status, message)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    static final String JSON = "application/json; charset=utf-8";

    /** True for paths that answer JSON, so their errors are JSON too. */
    static boolean isJsonPath(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api") || path.equals("/health"));
    }

    String json(int status, String message) {
        return json.write(new ErrorJson(status, message));
    }

    /** The error page without a request to personalise it for (Jetty's own errors): the header offers sign-in. */
    String html(int status, String message) {
        byte[] page = templates.render("error.jte", view(status, message)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new String(PageSlots.anonymous(page), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Views.ErrorView view(int status, String message) {
        return new Views.ErrorView(status, title(status), message);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Forbidden";
            case 410 -> "Gone";
            case 429 -> "Too many requests";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 414 -> "Address too long";
            case 431 -> "Request too large";
            case 503 -> "Unavailable";
            default -> status >= 500 ? "Something went wrong" : "Error " + status;
        };
    }
}
