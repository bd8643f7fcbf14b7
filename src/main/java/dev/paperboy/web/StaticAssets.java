package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files served under {@code /static/}: the stylesheet, the site's script, the paper
 * page's copy button script, the favicon and htmx, all read from the
 * jar once. Each has a URL with a hash of its bytes ({@code /static/style.1a2b3c4d5e.css}) that is cached for a
 * year, so a new release changes the URL instead of waiting for caches to expire; the plain name
 * ({@code /static/style.css}) also answers, cached briefly, for anyone who typed or bookmarked it.
 */
public final class StaticAssets {

    /** A file and what it is: {@code name} is its public name, {@code resource} where the jar keeps it. */
    record Asset(String name, String resource, String contentType) {}

    /** htmx's version, as packaged by the webjar in pom.xml; its licence (BSD Zero-Clause) ships beside it. */
    static final String HTMX_VERSION = "2.0.4";

    private static final String WEBJAR = "/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/";

    /** Every file served; add one here and it gets a hashed URL through {@link #href}. */
    static final List<Asset> ASSETS = List.of(
            new Asset("style.css", "/web/style.css", "text/css; charset=utf-8"),
            new Asset("site.js", "/web/site.js", "text/javascript; charset=utf-8"),
            new Asset("copy.js", "/web/copy.js", "text/javascript; charset=utf-8"),
            new Asset("favicon.svg", "/web/favicon.svg", "image/svg+xml"),
            new Asset("htmx.min.js", WEBJAR + "dist/htmx.min.js", "text/javascript; charset=utf-8"),
            new Asset("htmx-LICENSE.txt", WEBJAR + "LICENSE", "text/plain; charset=utf-8"));

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    private static final StaticAssets BUNDLED = new StaticAssets(ASSETS);

    private record Loaded(Asset asset, byte[] bytes, String hashedName) {}

    private final Map<String, Loaded> byName = new LinkedHashMap<>();
    private final Map<String, Loaded> byHashedName = new LinkedHashMap<>();

    private StaticAssets(List<Asset> assets) {
        for (Asset a : assets) {
            byte[] bytes = read(a.resource());
            Loaded loaded = new Loaded(a, bytes, hashedName(a.name(), bytes));
            byName.put(a.name(), loaded);
            byHashedName.put(loaded.hashedName(), loaded);
        }
    }

    /** The files in this jar; read once, never changed afterwards. */
    public static StaticAssets bundled() {
        return BUNDLED;
    }

    /** The cacheable URL of a bundled file, for templates: {@code ${StaticAssets.href("style.css")}}. */
    public static String href(String name) {
        return BUNDLED.url(name);
    }

    /** The URL of {@code name} with the hash of its bytes in it. */
    String url(String name) {
        Loaded l = byName.get(name);
        if (l == null) throw new IllegalArgumentException("web: no static file named " + name);
        return "/static/" + l.hashedName();
    }

    /** GET /static/{file}: the hashed name cached for a year, the plain name for five minutes, else 404. */
    void send(Context ctx) {
        String file = ctx.pathParam("file");
        Loaded hashed = byHashedName.get(file);
        Loaded loaded = hashed != null ? hashed : byName.get(file);
        if (loaded == null) throw new NotFoundResponse("There is no file " + file + " here.");
        send(ctx, loaded, hashed != null ? IMMUTABLE : SHORT);
    }

    /** GET /favicon.ico: what browsers ask for when a page names no icon; the SVG icon answers. */
    void sendFavicon(Context ctx) {
        send(ctx, byName.get("favicon.svg"), "public, max-age=86400");
    }

    private static void send(Context ctx, Loaded loaded, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.contentType(loaded.asset().contentType()).result(loaded.bytes());
    }

    /** The bytes of a bundled file (tests compare what is served with the jar). */
    Optional<byte[]> bytes(String name) {
        return Optional.ofNullable(byName.get(name)).map(Loaded::bytes);
    }

    /** {@code style.css} → {@code style.<10 hex digits of SHA-256>.css}; names without a dot get the hash appended. */
    static String hashedName(String name, byte[] bytes) {
        String hash = sha256(bytes).substring(0, 10);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name + "." + hash : name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("web: SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("web: resource " + resource + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("web: unable to read resource " + resource, e);
        }
    }
}
