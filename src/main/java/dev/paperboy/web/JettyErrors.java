package dev.paperboy.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before a request reaches the routes (a malformed or too long address, oversized
 * headers), in the same shapes as every other error instead of Jetty's bare ISO-8859-1 page.
 */
final class JettyErrors extends ErrorHandler {

    private final ErrorPages errors;

    JettyErrors(ErrorPages errors) {
        this.errors = errors;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        // Jetty's own message may quote the request back; a fixed sentence per status is enough for a person.
        boolean json = ErrorPages.isJsonPath(path(request));
        HttpFields.Mutable headers = response.getHeaders();
        String body = body(status, json, headers);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Errors found while reading the request line (a broken %-escape, a 414): no path is known, so HTML. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return ByteBuffer.wrap(body(status, false, fields).getBytes(StandardCharsets.UTF_8));
    }

    private String body(int status, boolean json, HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, json ? ErrorPages.JSON : Templates.HTML);
        WebServer.securityHeaders(headers::put);
        String message = sentence(status);
        return json ? errors.json(status, message) : errors.html(status, message);
    }

    private static String path(Request request) {
        try {
            return request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        } catch (RuntimeException e) {
            return null; // an address too broken to decode gets the HTML page
        }
    }

    private static String sentence(int status) {
        return switch (status) {
            case 400 -> "The address or the request could not be read.";
            case 414 -> "The address is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "The server failed to answer this request." : HttpStatus.getMessage(status) + ".";
        };
    }
}
