package dev.paperboy.web;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.ImportReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For one test class: the real app (SQLite in a temp dir, web server on a loopback port) with papers
 * imported from fixture files, and one headless Chromium shared by the class's tests, because starting it
 * costs seconds. Skips the class, saying why, when Chromium or chromedriver is not installed.
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml");
 * </pre>
 */
final class BrowserSite implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-14T12:00:00Z"), ZoneOffset.UTC);
    static final String BASE_URL = "https://papers.example";

    private final int pageSize;
    private final List<String> fixtures;
    private final java.util.Map<Key, String> settings;
    private final List<RunningApp> apps = new ArrayList<>();
    private HeadlessChromium browser;
    private HeadlessChromium noScript;
    private String unavailable;
    private RunningApp main;

    private BrowserSite(int pageSize, List<String> fixtures, java.util.Map<Key, String> settings) {
        this.pageSize = pageSize;
        this.fixtures = List.copyOf(fixtures);
        this.settings = java.util.Map.copyOf(settings);
    }

    /** The same site with one more setting for its apps (e.g. {@code Key.EMBED, "false"}). */
    BrowserSite with(Key key, String value) {
        var more = new java.util.HashMap<>(settings);
        more.put(key, value);
        return new BrowserSite(pageSize, fixtures, more);
    }

    /** A site showing {@code pageSize} papers per page, with the papers of these classpath fixtures. */
    static BrowserSite withFixtures(int pageSize, String... fixtures) {
        return new BrowserSite(pageSize, List.of(fixtures), java.util.Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        unavailable = HeadlessChromium.unavailableReason().orElse(null);
        if (unavailable != null) {
            System.err.println(context.getDisplayName() + ": " + unavailable);
            return;
        }
        main = startApp(fixtures);
        browser = HeadlessChromium.start();
    }

    // Skipping test by test, not the class at once, makes Surefire count and list every skipped test.
    @Override
    public void beforeEach(ExtensionContext context) {
        if (unavailable != null) Assumptions.abort(unavailable);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) browser.close();
        } finally {
            try {
                if (noScript != null) noScript.close();
            } finally {
                closeApps();
            }
        }
    }

    private void closeApps() {
        browser = null;
        noScript = null;
        main = null;
        for (RunningApp app : List.copyOf(apps)) app.close();
    }

    /** The browser shared by this class's tests. */
    HeadlessChromium browser() {
        return browser;
    }

    /** A second browser, started on first use and shared by the class's tests, in which pages run no JavaScript. */
    HeadlessChromium browserWithoutJavaScript() {
        if (noScript == null) noScript = HeadlessChromium.start(false);
        return noScript;
    }

    /** The browser with JavaScript on or off. */
    HeadlessChromium browser(boolean javascript) {
        return javascript ? browser() : browserWithoutJavaScript();
    }

    /** The app with the fixtures' papers. */
    RunningApp app() {
        return main;
    }

    /** The absolute URL of a path on the app with the fixtures' papers. */
    String url(String path) {
        return main.url(path);
    }

    /** Opens a path of the app with the fixtures' papers and waits for it to load. */
    void open(String path) {
        browser.open(url(path));
    }

    /** Starts another app, in its own data directory, with these fixtures' papers; closed after the class. */
    RunningApp startApp(List<String> fixtureResources) {
        Path data;
        try {
            data = Files.createTempDirectory("paperboy-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException("browser: unable to create a data directory", e);
        }
        Config config = Config.defaults()
                .with(Key.DATA, data.toString())
                .with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0")
                .with(Key.PAGE_SIZE, Integer.toString(pageSize))
                .with(Key.BASE_URL, BASE_URL);
        for (var s : settings.entrySet()) config = config.with(s.getKey(), s.getValue());
        App app = App.open(config, CLOCK);
        RunningApp running;
        try {
            for (String fixture : fixtureResources) {
                ImportReport report = app.fileImporter().importFile(resource(fixture), ImportProgress.NONE);
                if (report.fileError().isPresent() || report.failed() > 0 || report.added() == 0) {
                    throw new IllegalStateException("browser: fixture " + fixture + " did not import cleanly: "
                            + report.fileError().orElse(String.join("; ", report.failures())));
                }
            }
            running = new RunningApp(app, data, "http://127.0.0.1:" + app.startWeb().port());
        } catch (RuntimeException e) {
            new RunningApp(app, data, "").close();
            throw e;
        }
        apps.add(running);
        return running;
    }

    private static Path resource(String name) {
        URL url = BrowserSite.class.getClassLoader().getResource(name);
        if (url == null) throw new IllegalArgumentException("browser: no test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("browser: test resource " + name + " is not a file: " + url, e);
        }
    }

    /** One running app: its store, its web server, its data directory (deleted on close). */
    record RunningApp(App app, Path data, String baseUrl) implements AutoCloseable {

        /** The absolute URL of a path on this app. */
        String url(String path) {
            return baseUrl + path;
        }

        @Override
        public void close() {
            try {
                app.close();
            } finally {
                HeadlessChromium.deleteTree(data);
            }
        }
    }
}
