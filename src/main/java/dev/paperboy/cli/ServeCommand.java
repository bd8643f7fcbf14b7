package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.web.WebServer;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperboy serve}: the web pages and the JSON API until the process is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the web pages and the JSON API (stops cleanly on Ctrl-C / SIGTERM).")
public final class ServeCommand extends ConfiguredCommand {

    @Option(names = "--no-embed", description = "Do not embed papers for search (same as --embed false); keyword search works.")
    boolean noEmbed;

    public ServeCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws InterruptedException {
        var config = embedFlag(config(), noEmbed);
        App app = ctx.open(config);
        WebServer web;
        try {
            web = app.startWeb(ReindexCommand.progress("serve", new java.io.PrintWriter(ctx.err(), true)));
            try {
                // Store changes reach the index every second; papers without vectors are embedded behind the pages.
                app.startSearchBackground();
            } catch (RuntimeException e) {
                ctx.err().println("paperboy: search is unavailable: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        if (app.harvesters().config().enabled()) {
            // Harvest failures (no network, a source down) are logged and retried; serving goes on regardless.
            app.startHarvestScheduler();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run shutdown hooks: stop taking requests, then close the store.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
                ctx.err().println("paperboy: stopped");
            } finally {
                stopped.countDown();
            }
        }, "paperboy-shutdown"));
        long backlog = config.embed() ? app.embeddingBacklog() : 0;
        var briefing = new ServeBriefing(config.host(), web.port(), config.embed(), app.harvesters().config(), backlog,
                Runtime.getRuntime().availableProcessors());
        briefing.lines().forEach(line -> ctx.err().println("paperboy: " + line));
        String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
        ctx.err().println("paperboy: serving " + app.papers().count() + " papers on http://" + host + ":" + web.port()
                + "/ (Ctrl-C to stop)");
        stopped.await();
        return 0;
    }
}
