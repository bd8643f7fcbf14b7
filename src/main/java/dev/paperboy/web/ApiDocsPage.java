package dev.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 document ({@code src/main/resources/api/openapi.json}, the one description of the API, written by
 * hand) at {@code /api/openapi.json}, and {@code /api}: the same document rendered as HTML on the server, so it reads
 * without JavaScript and under a CSP that allows no inline script.
 */
public final class ApiDocsPage {

    /** Where the document lives in the jar. */
    public static final String RESOURCE = "/api/openapi.json";

    private final byte[] document;
    private final byte[] page;
    private final Conditional conditional;

    /** Reads the document and renders its page once: both only change with a release. */
    public ApiDocsPage(Templates templates, Conditional conditional) {
        this.conditional = conditional;
        this.document = read();
        try {
            this.page = templates.render("api.jte", view(new ObjectMapper().readTree(document)))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("web: unable to parse " + RESOURCE, e);
        }
    }

    /** GET /api/openapi.json. */
    void sendDocument(Context ctx) {
        conditional.send(ctx, Conditional.Freshness.DOCUMENT, ErrorPages.JSON, document);
    }

    /** GET /api: the document as a page. */
    void showApiPage(Context ctx) {
        conditional.send(ctx, Conditional.Freshness.DOCUMENT, Templates.HTML, PageSlots.fill(ctx, page));
    }

    private static byte[] read() {
        try (InputStream in = ApiDocsPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("web: resource " + RESOURCE + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("web: unable to read " + RESOURCE, e);
        }
    }

    static Views.ApiView view(JsonNode doc) {
        JsonNode components = doc.path("components");
        List<Views.ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                JsonNode o = op.getValue();
                List<Views.ApiParam> params = new ArrayList<>();
                for (JsonNode p : o.path("parameters")) {
                    JsonNode r = resolve(p, components);
                    params.add(new Views.ApiParam(r.path("name").asText(), r.path("in").asText(),
                            r.path("required").asBoolean(false), type(r.path("schema")),
                            r.path("description").asText(""), example(r)));
                }
                List<Views.ApiResponse> responses = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> rs = o.path("responses").fields(); rs.hasNext(); ) {
                    var e = rs.next();
                    JsonNode r = resolve(e.getValue(), components);
                    String media = "";
                    List<Views.TypePart> schema = List.of();
                    var content = r.path("content").fields();
                    if (content.hasNext()) {
                        var c = content.next();
                        media = c.getKey();
                        schema = type(c.getValue().path("schema"));
                    }
                    responses.add(new Views.ApiResponse(e.getKey(), r.path("description").asText(""), media, schema));
                }
                String method = op.getKey().toUpperCase(Locale.ROOT);
                operations.add(new Views.ApiOperation(method, path.getKey(), anchor(o.path("operationId").asText(path.getKey())),
                        o.path("summary").asText(""), o.path("description").asText(""), params, responses));
            }
        }
        List<Views.ApiSchema> schemas = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = components.path("schemas").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode s = e.getValue();
            List<Views.ApiProperty> props = new ArrayList<>();
            List<String> required = new ArrayList<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> ps = s.path("properties").fields(); ps.hasNext(); ) {
                var p = ps.next();
                props.add(new Views.ApiProperty(p.getKey(), required.contains(p.getKey()), type(p.getValue()),
                        p.getValue().path("description").asText("")));
            }
            schemas.add(new Views.ApiSchema(e.getKey(), "schema-" + e.getKey(), s.path("description").asText(""),
                    props.isEmpty() ? type(s) : List.of(), props));
        }
        JsonNode info = doc.path("info");
        return new Views.ApiView(info.path("title").asText(), info.path("version").asText(),
                info.path("description").asText(""), operations, schemas);
    }

    /** A parameter or response, following its {@code $ref} into the components. */
    private static JsonNode resolve(JsonNode node, JsonNode components) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/components/")) return node;
        JsonNode target = components;
        for (String part : ref.substring("#/components/".length()).split("/")) target = target.path(part);
        return target;
    }

    /** A schema as readable text: "string | null", "array of [Hit]", "[Resource]", "one of: a, b". */
    /** A parameter's example: its {@code example}, else the values of its {@code examples}, comma-separated. */
    private static String example(JsonNode param) {
        if (param.has("example")) return param.get("example").asText();
        List<String> values = new ArrayList<>();
        for (JsonNode e : param.path("examples")) values.add(e.path("value").asText());
        return String.join(", ", values);
    }

    static List<Views.TypePart> type(JsonNode s) {
        List<Views.TypePart> out = new ArrayList<>();
        appendType(s, out);
        return out;
    }

    private static void appendType(JsonNode s, List<Views.TypePart> out) {
        if (s == null || s.isMissingNode()) return;
        String ref = s.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            String name = ref.substring("#/components/schemas/".length());
            out.add(new Views.TypePart(name, "#schema-" + name));
            return;
        }
        if (s.has("anyOf")) {
            boolean first = true;
            for (JsonNode alt : s.get("anyOf")) {
                if (!first) out.add(new Views.TypePart(" | ", null));
                appendType(alt, out);
                first = false;
            }
            return;
        }
        if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.get("enum").forEach(v -> values.add(v.asText()));
            out.add(new Views.TypePart("one of: " + String.join(", ", values), null));
            return;
        }
        if (s.has("const")) {
            out.add(new Views.TypePart("\"" + s.get("const").asText() + "\"", null));
            return;
        }
        JsonNode t = s.path("type");
        List<String> types = new ArrayList<>();
        if (t.isArray()) t.forEach(x -> types.add(x.asText()));
        else if (t.isTextual()) types.add(t.asText());
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) out.add(new Views.TypePart(" | ", null));
            String name = types.get(i);
            if (name.equals("array")) {
                out.add(new Views.TypePart("array of ", null));
                appendType(s.path("items"), out);
            } else if (name.equals("object") && s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
                out.add(new Views.TypePart("map of ", null));
                appendType(s.get("additionalProperties"), out);
            } else {
                String format = s.path("format").asText("");
                out.add(new Views.TypePart(format.isEmpty() ? name : name + " (" + format + ")", null));
            }
        }
    }

    private static String anchor(String id) {
        return "op-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
