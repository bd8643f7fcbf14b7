package dev.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** The JTE templates of the site (precompiled, HTML escaping on), and how a rendered page is sent. */
public final class Templates {

    static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine;

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

    /** Answers {@code status} with the rendered template as UTF-8 HTML. */
    void send(Context ctx, int status, String template, Object view) {
        ctx.status(status).contentType(HTML).result(render(template, view));
    }
}
