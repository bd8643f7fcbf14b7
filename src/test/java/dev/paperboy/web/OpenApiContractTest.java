package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI contract: every route the server registers under /api (and /health) is in the document, every documented
 * route is served, and every documented route called with its example parameters (and with none) answers a documented
 * status whose body validates against the documented JSON Schema (2020-12, as OpenAPI 3.1 uses). The real server:
 * SQLite, Lucene, the test corpus loaded.
 */
class OpenApiContractTest {

    @TempDir
    static Path data;

    private static FeedSite site;
    private static JsonNode doc;
    /** A personal access token of the user who owns the public collection the examples name (id 1). */
    private static String token;
    /** Another user's token, and that user's private and public collections. */
    private static String otherToken;
    private static long othersPrivate;
    private static long othersPublic;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @BeforeAll
    static void start() throws Exception {
        site = new FeedSite(data, 4);
        var r = site.get("/api/openapi.json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        doc = MAPPER.readTree(r.body());
        // The examples' collection 1: public, holding a paper of the corpus.
        var users = site.app.accounts().users();
        var collections = site.app.community().collections();
        long writer = users.findOrCreate("writer@example.org").id();
        token = site.app.accounts().accessTokens().create(writer, "contract").secret();
        long first = collections.create(writer, "Reading list", "The examples' collection", true).result().orElseThrow().id();
        assertEquals(1, first);
        collections.add(writer, first, "2401.00001");
        long other = users.findOrCreate("other@example.org").id();
        otherToken = site.app.accounts().accessTokens().create(other, "contract").secret();
        othersPrivate = collections.create(other, "Secret", "", false).result().orElseThrow().id();
        othersPublic = collections.create(other, "Open", "", true).result().orElseThrow().id();
        // The index shows new writes within about a second; the deadline only stops a broken run.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!site.get("/api/search?q=rotation+curves").body().contains(SearchCorpus.HALOES.id())) {
            if (System.nanoTime() > deadline) throw new AssertionError("the index never showed the corpus");
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    /** Javalin's path syntax ({@code <id>}, {@code {id}}) in OpenAPI's ({@code {id}}). */
    static String openApiPath(String javalinPath) {
        return javalinPath.replaceAll("<([^>]+)>", "{$1}");
    }

    /** The documented paths: "GET /api/papers/{id}". */
    static Set<String> documented(JsonNode document) {
        Set<String> out = new LinkedHashSet<>();
        for (var path : document.path("paths").properties()) {
            for (var op : path.getValue().properties()) out.add(op.getKey().toUpperCase() + " " + path.getKey());
        }
        return out;
    }

    /** The registered routes of the API (GET, PUT, DELETE, …; HEAD goes with GET) that the document does not describe. */
    static List<String> missingFromDocument(List<WebServer.Route> routes, JsonNode document) {
        Set<String> known = documented(document);
        List<String> missing = new ArrayList<>();
        for (WebServer.Route r : routes) {
            boolean api = r.path().equals("/api") || r.path().startsWith("/api/") || r.path().equals("/health");
            if (!api || r.method().equals("HEAD") || r.method().equals("OPTIONS")) continue;
            String key = r.method() + " " + openApiPath(r.path());
            if (!known.contains(key)) missing.add(key);
        }
        return missing;
    }

    @Test
    void theDocumentIsSelfConsistent() {
        assertEquals("3.1.0", doc.path("openapi").asString());
        List<String> problems = new ArrayList<>();
        // Every $ref resolves.
        collectRefs(doc, problems);
        Set<String> operationIds = new LinkedHashSet<>();
        for (var path : doc.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String where = op.getKey() + " " + path.getKey();
                if (!operationIds.add(op.getValue().path("operationId").asString(""))) problems.add(where + ": operationId");
                if (op.getValue().path("responses").isEmpty()) problems.add(where + ": no responses");
                // Every {name} of the template is a declared path parameter, and every declared one is in the template.
                Set<String> declared = new LinkedHashSet<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode param = resolve(p);
                    if (param.path("in").asString().equals("path")) declared.add(param.path("name").asString());
                    if (param.path("schema").isMissingNode()) problems.add(where + ": " + param.path("name") + " has no schema");
                }
                Set<String> inTemplate = new LinkedHashSet<>();
                var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                while (m.find()) inTemplate.add(m.group(1));
                if (!declared.equals(inTemplate)) problems.add(where + ": path parameters " + declared + " vs " + inTemplate);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void collectRefs(JsonNode node, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && resolve(node).isMissingNode()) problems.add("unresolved " + ref.asString());
            for (var e : node.properties()) collectRefs(e.getValue(), problems);
        } else if (node.isArray()) {
            for (JsonNode n : node) collectRefs(n, problems);
        }
    }

    @Test
    void everyApiRouteTheServerRegistersIsDocumented() {
        List<WebServer.Route> routes = site.web.routes();
        assertTrue(routes.stream().anyMatch(r -> r.path().equals("/api/papers/<id>")), routes.toString());
        assertEquals(List.of(), missingFromDocument(routes, doc));
    }

    @Test
    void aRouteMissingFromTheDocumentIsReported() {
        List<WebServer.Route> routes = new ArrayList<>(site.web.routes());
        routes.add(new WebServer.Route("GET", "/api/not-documented/<id>"));
        routes.add(new WebServer.Route("POST", "/api/papers/<id>/vote"));
        assertEquals(List.of("GET /api/not-documented/{id}", "POST /api/papers/{id}/vote"),
                missingFromDocument(routes, doc));
    }

    @Test
    void everyDocumentedRouteIsServedForGetAndHead() {
        Set<String> registered = new LinkedHashSet<>();
        for (WebServer.Route r : site.web.routes()) registered.add(r.method() + " " + openApiPath(r.path()));
        for (String op : documented(doc)) {
            assertTrue(registered.contains(op), op + " is documented but not served");
            if (op.startsWith("GET ")) assertTrue(registered.contains(op.replaceFirst("^GET ", "HEAD ")), op + " answers HEAD too");
        }
    }

    @Test
    void everyDocumentedRouteAnswersItsExamplesWithABodyMatchingItsSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        int called = 0;
        for (var path : doc.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (!op.getKey().equals("get")) continue; // writes: everyWriteAnswersItsExample…
                JsonNode operation = op.getValue();
                if (!op.getKey().equals("get")) {
                    // The idempotent writes (a vote on, off) here; the others in documentedWritesAnswerWhatTheDocumentSays.
                    if (!path.getKey().endsWith("/vote")) continue;
                    // With a bearer token, as the security requirement says; twice, as they are idempotent.
                    for (int i = 0; i < 2; i++) {
                        problems.addAll(check(op.getKey(), path.getKey(), operation, url(path.getKey(), operation, true),
                                "200", bearer()));
                        called++;
                    }
                    continue;
                }
                problems.addAll(check(path.getKey(), operation, url(path.getKey(), operation, true), "200"));
                problems.addAll(check(path.getKey(), operation, url(path.getKey(), operation, false), "200"));
                called += 2;
                // Alternatives that cannot be given together (date, week, month) are examples of their own.
                for (String alone : alternatives(path.getKey(), operation)) {
                    problems.addAll(check(path.getKey(), operation, alone, "200"));
                    called++;
                }
            }
        }
        assertTrue(called >= 20, "called " + called);
        assertEquals(List.of(), problems);
    }

    @Test
    void documentedErrorsHaveTheDocumentedShape() throws Exception {
        List<String> problems = new ArrayList<>();
        problems.addAll(check("/api/papers/{id}", op("/api/papers/{id}"), "/api/papers/0000.00000", "404"));
        problems.addAll(check("/api/papers", op("/api/papers"), "/api/papers?limit=0", "400"));
        problems.addAll(check("/api/papers/{id}/related", op("/api/papers/{id}/related"),
                "/api/papers/2401.00001/related?limit=abc", "400"));
        problems.addAll(check("/api/search", op("/api/search"), "/api/search?q=x&since=yesterday", "400"));
        problems.addAll(check("/api/search", op("/api/search"), "/api/search?q=x&offset=990&limit=20", "400"));
        problems.addAll(check("/api/daily", op("/api/daily"), "/api/daily?date=2024-03-18&week=2024-W12", "400"));
        problems.addAll(check("/api/daily", op("/api/daily"), "/api/daily?week=2021-W53", "400"));
        problems.addAll(check("/api/daily", op("/api/daily"), "/api/daily?sort=best", "400"));
        problems.addAll(check("/api/daily", op("/api/daily"), "/api/daily?page=2", "404"));
        problems.addAll(check("/api/trending", op("/api/trending"), "/api/trending?window=year", "400"));
        problems.addAll(check("/api/trending", op("/api/trending"), "/api/trending?cat=-", "400"));
        problems.addAll(check("/api/list/{category}", op("/api/list/{category}"), "/api/list/cs.LG?after=soon", "400"));
        problems.addAll(check("/api/list/{category}", op("/api/list/{category}"), "/api/list/nonsense..x", "404"));
        for (String method : List.of("put", "delete")) {
            JsonNode vote = doc.path("paths").path("/api/papers/{id}/vote").path(method);
            problems.addAll(check(method, "/api/papers/{id}/vote", vote, "/api/papers/2401.00001/vote", "401", Map.of()));
            problems.addAll(check(method, "/api/papers/{id}/vote", vote, "/api/papers/2401.00001/vote", "401",
                    Map.of("Authorization", "Bearer pb_unknown")));
            problems.addAll(check(method, "/api/papers/{id}/vote", vote, "/api/papers/0000.00000/vote", "404", bearer()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyWriteNamesTheBearerSchemeAndEveryTokenFreeWriteIs401() throws Exception {
        assertEquals("http", doc.path("components").path("securitySchemes").path("bearerAuth").path("type").asString());
        assertEquals("bearer", doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString());
        int writes = 0;
        for (var path : doc.path("paths").properties()) {
            // Submissions and collections here; votes in the examples test, comments in documentedWritesAnswerWhatTheDocumentSays.
            if (!path.getKey().startsWith("/api/submissions") && !path.getKey().startsWith("/api/collections")) continue;
            for (var op : path.getValue().properties()) {
                if (op.getKey().equals("get")) continue;
                writes++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                assertTrue(op.getValue().path("security").toString().contains("bearerAuth"), where);
                assertFalse(resolve(op.getValue().path("responses").path("401")).isMissingNode(), where);
                HttpResponse<String> r = call(op.getKey().toUpperCase(), url(path.getKey(), op.getValue(), false), null,
                        "{}");
                assertEquals(401, r.statusCode(), where + ": " + r.body());
                assertEquals("Bearer", r.headers().firstValue("www-authenticate").orElse(""), where);
                assertEquals(List.of(), checkBody(path.getKey() + " 401", op.getValue(), "401", r), where);
            }
        }
        assertTrue(writes >= 3, "writes documented: " + writes);
    }

    @Test
    void documentedWritesAnswerWhatTheDocumentSays() throws Exception {
        var ada = site.app.accounts().users().findOrCreate("ada@example.org");
        var eve = site.app.accounts().users().findOrCreate("eve@example.org");
        String adaToken = site.app.accounts().accessTokens().create(ada.id(), "contract").secret();
        String eveToken = site.app.accounts().accessTokens().create(eve.id(), "contract").secret();
        JsonNode add = doc.path("paths").path("/api/papers/{id}/comments").path("post");
        JsonNode edit = doc.path("paths").path("/api/comments/{cid}").path("patch");
        JsonNode delete = doc.path("paths").path("/api/comments/{cid}").path("delete");
        List<String> problems = new ArrayList<>();

        HttpResponse<String> added = call("POST", "/api/papers/2401.00001/comments", adaToken, "{\"body\": \"Nice *work*\"}");
        problems.addAll(checkBody("add", add, "201", added));
        long id = MAPPER.readTree(added.body()).path("id").asLong();
        problems.addAll(checkBody("reply", add, "201", call("POST", "/api/papers/2401.00001/comments", adaToken,
                "{\"body\": \"And more\", \"reply_to\": " + id + "}")));
        problems.addAll(checkBody("list", op("/api/papers/{id}/comments"), "200",
                site.get("/api/papers/2401.00001/comments")));
        problems.addAll(checkBody("blank", add, "400", call("POST", "/api/papers/2401.00001/comments", adaToken,
                "{\"body\": \"  \"}")));
        problems.addAll(checkBody("no paper", add, "404", call("POST", "/api/papers/0000.00000/comments", adaToken,
                "{\"body\": \"x\"}")));
        problems.addAll(checkBody("edit", edit, "200", call("PATCH", "/api/comments/" + id, adaToken,
                "{\"body\": \"Nice work, edited\"}")));
        problems.addAll(checkBody("edit not JSON", edit, "400", call("PATCH", "/api/comments/" + id, adaToken, "body=x")));
        problems.addAll(checkBody("others' edit", edit, "403", call("PATCH", "/api/comments/" + id, eveToken,
                "{\"body\": \"mine now\"}")));
        problems.addAll(checkBody("unknown edit", edit, "404", call("PATCH", "/api/comments/999999", adaToken,
                "{\"body\": \"x\"}")));
        problems.addAll(checkBody("others' delete", delete, "403", call("DELETE", "/api/comments/" + id, eveToken, null)));
        problems.addAll(checkBody("delete", delete, "200", call("DELETE", "/api/comments/" + id, adaToken, null)));
        problems.addAll(checkBody("unknown delete", delete, "404", call("DELETE", "/api/comments/999999", adaToken, null)));
        problems.addAll(checkBody("placeholder in the list", op("/api/papers/{id}/comments"), "200",
                site.get("/api/papers/2401.00001/comments")));
        assertEquals(List.of(), problems);
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.base + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's status is {@code status}, documented for the operation, and its body matches the schema. */
    private static List<String> checkBody(String what, JsonNode operation, String status, HttpResponse<String> r) {
        if (!String.valueOf(r.statusCode()).equals(status)) {
            return List.of(what + ": status " + r.statusCode() + ", expected " + status + ": " + r.body());
        }
        JsonNode response = resolve(operation.path("responses").path(status));
        if (response.isMissingNode()) return List.of(what + ": status " + status + " is not documented");
        List<String> problems = new ArrayList<>();
        JsonNode schema = response.path("content").path("application/json").path("schema");
        for (Error e : validate(schema, MAPPER.readTree(r.body()))) {
            problems.add(what + ": " + e.getInstanceLocation() + " " + e.getMessage());
        }
        return problems;
    }

    @Test
    void aBodyThatBreaksItsSchemaIsCaught() {
        JsonNode schema = op("/api/papers/{id}").path("responses").path("200").path("content").path("application/json")
                .path("schema");
        ObjectNode paper = MAPPER.createObjectNode().put("id", "2401.00001").put("surprise", true);
        assertFalse(validate(schema, paper).isEmpty(), "a missing field and an unknown one must fail");
    }

    @Test
    void theApiPageShowsEveryDocumentedRouteAndSchemaWithoutAnyScript() throws Exception {
        var r = site.get("/api");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        String html = r.body();
        // Rendered on the server: its only scripts are the shell's (htmx, site.js), which every page loads.
        assertEquals(java.util.List.of(StaticAssets.href("htmx.min.js"), StaticAssets.href("site.js")),
                java.util.regex.Pattern.compile("<script[^>]*src=\"([^\"]+)\"").matcher(html).results()
                        .map(m -> m.group(1)).toList());
        assertEquals(2, html.split("<script", -1).length - 1, "no inline script");
        for (String op : documented(doc)) {
            assertTrue(html.contains("<code>" + op + "</code>"), op);
        }
        for (var schema : doc.path("components").path("schemas").properties()) {
            assertTrue(html.contains("id=\"schema-" + schema.getKey() + "\""), schema.getKey());
        }
        assertTrue(html.contains("<a href=\"#schema-Paper\">Paper</a>"), "types link to their schema");
        assertTrue(html.contains("<code>2401.00001</code>"), "examples are shown");
        assertTrue(html.contains("href=\"/api/openapi.json\""));
    }

    @Test
    void everyWriteNeedsABearerTokenAndAnswersItsExampleWithTheDocumentedShape() throws Exception {
        assertEquals("http", doc.path("components").path("securitySchemes").path("bearerAuth").path("type").asString());
        assertEquals("bearer", doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString());
        List<String> problems = new ArrayList<>();
        int writes = 0;
        for (var path : doc.path("paths").properties()) {
            // Submissions and collections here; votes in the examples test, comments in documentedWritesAnswerWhatTheDocumentSays.
            if (!path.getKey().startsWith("/api/submissions") && !path.getKey().startsWith("/api/collections")) continue;
            for (var op : path.getValue().properties()) {
                if (op.getKey().equals("get")) continue;
                writes++;
                JsonNode operation = op.getValue();
                String method = op.getKey().toUpperCase();
                if (!operation.path("security").toString().contains("bearerAuth")) problems.add(method + " " + path.getKey() + ": no security");
                // A fresh collection of the token's user for each write, so that deleting one leaves the examples' alone.
                long fresh = site.app.community().collections().create(
                        site.app.accounts().users().findByEmail("writer@example.org").orElseThrow().id(), "Fresh", "", true)
                        .result().orElseThrow().id();
                String url = url(path.getKey(), operation, false).replaceFirst("^/api/collections/1(?=/|$)", "/api/collections/" + fresh);
                String body = operation.path("requestBody").path("content").path("application/json").path("example").toString();
                if (body.isEmpty() || body.equals("\"\"")) body = "";
                var ok = send(method, url, body, token);
                String status = String.valueOf(ok.statusCode());
                if (!status.startsWith("2") || operation.path("responses").path(status).isMissingNode()) {
                    problems.add(method + " " + url + ": status " + status + ": " + ok.body());
                } else {
                    problems.addAll(shape(operation, status, ok));
                }
                var anonymous = send(method, url, body, null);
                if (anonymous.statusCode() != 401) problems.add(method + " " + url + " without a token: " + anonymous.statusCode());
                else problems.addAll(shape(operation, "401", anonymous));
                if (!anonymous.headers().firstValue("www-authenticate").orElse("").equals("Bearer")) {
                    problems.add(method + " " + url + ": 401 without WWW-Authenticate: Bearer");
                }
            }
        }
        assertTrue(writes >= 6, "writes " + writes);
        assertEquals(List.of(), problems);
    }

    @Test
    void othersCollectionsAre404WhenPrivateAnd403WhenPublicWithTheDocumentedShape() throws Exception {
        JsonNode one = doc.path("paths").path("/api/collections/{cid}");
        JsonNode put = doc.path("paths").path("/api/collections/{cid}/papers/{paperId}").path("put");
        List<String> problems = new ArrayList<>();
        String priv = "/api/collections/" + othersPrivate, pub = "/api/collections/" + othersPublic;
        problems.addAll(expect(one.path("get"), "GET", priv, "", null, "404"));
        problems.addAll(expect(one.path("get"), "GET", priv, "", token, "404"));
        problems.addAll(expect(one.path("get"), "GET", priv, "", otherToken, "200"));
        problems.addAll(expect(one.path("patch"), "PATCH", priv, "{\"name\": \"Mine\"}", token, "404"));
        problems.addAll(expect(one.path("delete"), "DELETE", priv, "", token, "404"));
        problems.addAll(expect(put, "PUT", priv + "/papers/2401.00001", "", token, "404"));
        problems.addAll(expect(one.path("get"), "GET", pub, "", null, "200"));
        problems.addAll(expect(one.path("patch"), "PATCH", pub, "{\"name\": \"Mine\"}", token, "403"));
        problems.addAll(expect(one.path("delete"), "DELETE", pub, "", token, "403"));
        problems.addAll(expect(put, "PUT", pub + "/papers/2401.00001", "", token, "403"));
        problems.addAll(expect(one.path("patch"), "PATCH", pub, "{\"name\": \"\"}", otherToken, "400"));
        problems.addAll(expect(one.path("patch"), "PATCH", pub, "not json", otherToken, "400"));
        problems.addAll(expect(put, "PUT", pub + "/papers/0000.00000", "", otherToken, "404"));
        problems.addAll(expect(one.path("get"), "GET", pub, "", "pb_not-a-token", "401"));
        assertEquals(List.of(), problems);
        assertEquals("Open", site.app.community().collections().find(othersPublic, java.util.Optional.empty())
                .orElseThrow().name(), "nothing changed");
    }

    private static List<String> expect(JsonNode operation, String method, String url, String body, String bearer,
            String status) throws Exception {
        var r = send(method, url, body, bearer);
        if (!String.valueOf(r.statusCode()).equals(status)) {
            return List.of(method + " " + url + ": status " + r.statusCode() + ", expected " + status + ": " + r.body());
        }
        return shape(operation, status, r);
    }

    /** The answer's media type and body against the operation's documented response for {@code status}. */
    private static List<String> shape(JsonNode operation, String status, HttpResponse<String> r) throws Exception {
        JsonNode response = resolve(operation.path("responses").path(status));
        if (response.isMissingNode()) return List.of(r.uri() + ": status " + status + " is not documented");
        var content = response.path("content").properties().iterator();
        if (!content.hasNext()) return List.of();
        var media = content.next();
        List<String> problems = new ArrayList<>();
        String type = r.headers().firstValue("content-type").orElse("");
        if (!type.startsWith(media.getKey())) problems.add(r.uri() + ": content-type " + type);
        for (Error e : validate(media.getValue().path("schema"), MAPPER.readTree(r.body()))) {
            problems.add(r.uri() + ": " + e.getInstanceLocation() + " " + e.getMessage());
        }
        return problems;
    }

    private static HttpResponse<String> send(String method, String url, String body, String bearer) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.base + url))
                .method(method, body.isEmpty() ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) b.header("Content-Type", "application/json");
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode op(String path) {
        return doc.path("paths").path(path).path("get");
    }

    /** The URL of an operation: path parameters from their examples, and, when {@code withQuery}, every query example. */
    private static String url(String path, JsonNode operation, boolean withQuery) {
        String url = path;
        List<String> query = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode param = resolve(p);
            String name = param.path("name").asString();
            JsonNode example = param.path("example");
            if (param.path("in").asString().equals("path")) {
                assertFalse(example.isMissingNode(), path + ": path parameter " + name + " needs an example");
                url = url.replace("{" + name + "}", example.asString());
            } else if (withQuery && !example.isMissingNode()) {
                query.add(name + "=" + URLEncoder.encode(example.asString(), StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? url : url + "?" + String.join("&", query);
    }

    /** One URL per value of each query parameter's {@code examples}: that value alone, path parameters filled in. */
    private static List<String> alternatives(String path, JsonNode operation) {
        String base = url(path, operation, false);
        List<String> out = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode param = resolve(p);
            if (!param.path("in").asString().equals("query")) continue;
            for (JsonNode e : param.path("examples")) {
                out.add(base + "?" + param.path("name").asString() + "="
                        + URLEncoder.encode(e.path("value").asString(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** A bearer token of a user of the site (made once). */
    private static Map<String, String> bearer() {
        if (voterToken == null) {
            var user = site.app.accounts().users().findOrCreate("contract@example.org");
            voterToken = site.app.accounts().accessTokens().create(user.id(), "contract test").secret();
        }
        return Map.of("Authorization", "Bearer " + voterToken);
    }

    private static String voterToken;

    /** Calls {@code url} and checks status, media type and, for JSON, the body against the documented schema. */
    private static List<String> check(String path, JsonNode operation, String url, String status) throws Exception {
        return check("get", path, operation, url, status, Map.of());
    }

    private static List<String> check(String method, String path, JsonNode operation, String url, String status,
            Map<String, String> headers) throws Exception {
        List<String> problems = new ArrayList<>();
        HttpResponse<String> r;
        if (method.equals("get")) {
            r = site.get(url, headers);
        } else {
            var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.base + url))
                    .method(method.toUpperCase(java.util.Locale.ROOT), java.net.http.HttpRequest.BodyPublishers.noBody());
            headers.forEach(b::header);
            r = java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (!String.valueOf(r.statusCode()).equals(status)) {
            return List.of(url + ": status " + r.statusCode() + ", expected " + status + ": " + r.body());
        }
        JsonNode response = resolve(operation.path("responses").path(status));
        if (response.isMissingNode()) return List.of(path + ": status " + status + " is not documented");
        String type = r.headers().firstValue("content-type").orElse("");
        var content = response.path("content").properties().iterator();
        if (!content.hasNext()) return problems;
        var media = content.next();
        if (!type.startsWith(media.getKey())) problems.add(url + ": content-type " + type + ", documented " + media.getKey());
        if (media.getKey().equals("application/json")) {
            for (Error e : validate(media.getValue().path("schema"), MAPPER.readTree(r.body()))) {
                problems.add(url + ": " + e.getInstanceLocation() + " " + e.getMessage());
            }
        }
        return problems;
    }

    /** Validates against a schema of the document, its {@code $ref}s resolved within the document's components. */
    private static List<Error> validate(JsonNode schema, JsonNode instance) {
        ObjectNode wrapper = (ObjectNode) schema.deepCopy();
        wrapper.set("components", doc.path("components").deepCopy());
        return SCHEMAS.getSchema(wrapper).validate(instance);
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) return node;
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) target = target.path(part);
        return target;
    }
}
