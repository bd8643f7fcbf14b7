package dev.paperboy.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JTE templates of the site (precompiled, HTML escaping on, static parts pre-encoded as UTF-8), how a rendered
 * page is sent, and fragments kept by their view.
 */
public final class Templates {

    static final String HTML = "text/html; charset=utf-8";

    /**
     * Rendered fragments kept: a list card is ~3 KB, so ~25 MB when full, about a year of daily lists. Rendering and
     * escaping 30 cards (each with its whole abstract, for the in-place expansion) was the largest part of a day page.
     */
    static final int FRAGMENTS = 8_192;

    private record Fragment(String template, Object view) {}

    private final TemplateEngine engine;
    // Least recently used first; guarded by itself.
    private final Map<Fragment, byte[]> fragments = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Fragment, byte[]> eldest) {
            return size() > FRAGMENTS;
        }
    };

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    /** The templates compiled into the jar from {@code src/main/jte}. */
    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    /** The template rendered over {@code view}, as HTML text. */
    String render(String template, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, view, out);
        return out.toString();
    }

    /** Answers {@code status} with the rendered template as UTF-8 HTML, its per-request slots filled ({@link PageSlots}). */
    void send(Context ctx, int status, String template, Object view) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, view, out);
        ctx.status(status).contentType(HTML).result(PageSlots.fill(ctx, out.toByteArray()));
    }

    /** {@link #send} for a template with several parameters, by name (those left out take their defaults). */
    void send(Context ctx, int status, String template, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, params, out);
        ctx.status(status).contentType(HTML).result(PageSlots.fill(ctx, out.toByteArray()));
    }

    /** The fragment {@code template} over {@code view}, for another template to include (as {@code ${...}}). */
    Content content(String template, Object view) {
        return output -> engine.render(template, view, output);
    }

    /**
     * {@link #content}, rendered once per distinct view and then kept: for fragments shown again and again.
     * {@code view} must be a value (a record of the fragment's display data): equal views render the same HTML.
     */
    Content fragment(String template, Object view) {
        Fragment key = new Fragment(template, view);
        byte[] html;
        synchronized (fragments) {
            html = fragments.get(key);
        }
        if (html == null) {
            Utf8ByteOutput out = new Utf8ByteOutput();
            engine.render(template, view, out);
            html = out.toByteArray();
            synchronized (fragments) {
                fragments.put(key, html);
            }
        }
        byte[] rendered = html;
        return output -> output.writeBinaryContent(rendered);
    }
}
