package dev.paperboy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;

/** Reading JSON request bodies and writing JSON answers with a status, for the API's writes. */
final class Bodies {
    private Bodies() {}

    /** Request bodies of the API's writes are small objects. */
    static final int MAX_BODY = 16 * 1024;

    /** The request body as a JSON object; 400 when it is missing, too large, not JSON or not an object. */
    static JsonNode object(Json json, Context ctx) {
        String body = ctx.body();
        if (body.length() > MAX_BODY) throw new BadRequestResponse("The body is larger than " + MAX_BODY + " bytes.");
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new BadRequestResponse("The body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) throw new BadRequestResponse("The body must be a JSON object.");
        return node;
    }

    static void send(Context ctx, Json json, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json.write(body));
    }
}
