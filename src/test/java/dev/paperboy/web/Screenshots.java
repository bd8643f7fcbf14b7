package dev.paperboy.web;

import dev.paperboy.web.HeadlessChromium.Viewport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saves PNGs of the site's pages at desktop (1280 px) and phone (390 px) width, in the light and the dark colour
 * scheme, as {@code <page>-<desktop|phone>-<light|dark>.png}: run by {@code scripts/screenshots}, which puts them in
 * docs/screenshots/ for the README.
 * <p>
 * By default it starts the app on the browser tests' fixture papers (a fresh SQLite store, deleted afterwards).
 * Arguments: {@code --out DIR}; {@code --fixture RESOURCE} (repeatable: test resources to import instead of the
 * default); {@code --base-url URL} to photograph a running instance instead; {@code --only NAME} (repeatable) to shoot
 * only some pages; and {@code NAME=/path} to add a page. To add a page for good, add it to {@link #PAGES}.
 */
public final class Screenshots {

    /** A page to photograph: its file name stem and its path. */
    record Shot(String name, String path) {}

    /**
     * The pages photographed, in README order. The home page is the latest featured day (Thursday 13 November 2025 in
     * the fixtures, whose clock is the 14th); the week and trending lists cover the fixture's three featured days.
     */
    static final List<Shot> PAGES = List.of(
            new Shot("home", "/"),
            new Shot("week", "/papers/week/2025-W46"),
            new Shot("trending", "/trending"),
            new Shot("paper", "/papers/2511.04321"),
            new Shot("search", "/search?q=claim+verification"));

    /** The browser tests' papers: five with lens findings, and five featured on a hub over three days. */
    static final List<String> FIXTURES = List.of("fixtures/web/five-papers.atom.xml", "fixtures/web/featured-papers.jsonl");

    /** Papers per list page: the default 25, so the home page shows every fixture paper. */
    private static final int PAGE_SIZE = 25;

    private Screenshots() {}

    public static void main(String[] args) {
        Path out = Path.of("docs", "screenshots");
        List<String> fixtures = new ArrayList<>();
        List<Shot> shots = new ArrayList<>(PAGES);
        List<String> only = new ArrayList<>();
        String baseUrl = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--fixture" -> fixtures.add(value(args, ++i, a));
                case "--base-url" -> baseUrl = value(args, ++i, a).replaceAll("/+$", "");
                case "--only" -> only.add(value(args, ++i, a));
                default -> {
                    int eq = a.indexOf('=');
                    if (eq <= 0 || !a.startsWith("/", eq + 1)) usage("unknown argument " + a);
                    shots.add(new Shot(a.substring(0, eq), a.substring(eq + 1)));
                }
            }
        }
        if (!only.isEmpty()) shots.removeIf(s -> !only.contains(s.name()));
        HeadlessChromium.unavailableReason().ifPresent(Screenshots::usage);

        // Keyword search only: no model to load, the same results on every run.
        BrowserSite site = BrowserSite.withFixtures(PAGE_SIZE).with(dev.paperboy.Config.Key.EMBED, "false");
        BrowserSite.RunningApp app = baseUrl != null ? null
                : site.startApp(fixtures.isEmpty() ? FIXTURES : fixtures);
        String base = baseUrl != null ? baseUrl : app.baseUrl();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            for (Shot shot : shots) {
                for (Viewport viewport : Viewport.values()) {
                    for (String scheme : List.of("light", "dark")) {
                        Path file = out.resolve(shot.name() + "-" + viewport.name().toLowerCase(Locale.ROOT) + "-"
                                + scheme + ".png");
                        browser.colorScheme(scheme);
                        browser.at(viewport, () -> {
                            browser.open(base + shot.path());
                            browser.screenshotTo(file);
                        });
                        System.out.println(file + "  " + shot.path());
                    }
                }
            }
        } finally {
            if (app != null) app.close();
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) usage(flag + " needs a value");
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("screenshots: " + problem);
        System.err.println("usage: scripts/screenshots [--out DIR] [--fixture RESOURCE]… [--base-url URL] [--only NAME]… [NAME=/path]…");
        System.exit(2);
    }
}
