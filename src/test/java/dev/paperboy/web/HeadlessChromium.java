package dev.paperboy.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium, headless, driven through the system's chromedriver: nothing is ever downloaded.
 * Paths default to Debian's packages and can be moved with {@code -Dpaperboy.chromium=} and
 * {@code -Dpaperboy.chromedriver=}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("paperboy.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("paperboy.chromedriver", "/usr/bin/chromedriver"));
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser cannot run here, or empty when chromium and chromedriver are both installed. */
    static Optional<String> unavailableReason() {
        return unavailableReason(CHROMIUM, CHROMEDRIVER);
    }

    /** Why a browser at {@code chromium} driven by {@code chromedriver} cannot run, or empty when both are there. */
    static Optional<String> unavailableReason(Path chromium, Path chromedriver) {
        for (Path p : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(p)) {
                return Optional.of("browser tests skipped: " + p + " is not installed "
                        + "(apt-get install --no-install-recommends chromium chromium-driver; .ci/run does this)");
            }
        }
        return Optional.empty();
    }

    /** Starts a fresh headless Chromium with its own throwaway profile. */
    static HeadlessChromium start() {
        return start(true);
    }

    /**
     * Starts a fresh headless Chromium with its own throwaway profile; with {@code javascript} false, pages run no
     * script at all (Chrome's content setting, as a reader who turned JavaScript off has it). WebDriver's own
     * commands still work.
     */
    static HeadlessChromium start(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("paperboy-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("browser: unable to create a profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        // An explicit binary and driver keep Selenium Manager from looking for (or downloading) either.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=en-US",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
                "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new HeadlessChromium(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw new IllegalStateException("browser: unable to start " + CHROMIUM + " via " + CHROMEDRIVER
                    + ": " + e.getMessage(), e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a URL and waits for it to load. */
    void open(String url) {
        driver.get(url);
    }

    /** Clicks a link and waits until the page it was on has been replaced and the new one has loaded. */
    void follow(WebElement link) {
        link.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(link));
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Finds the element and {@link #follow}s it; when the page was replaced between finding and clicking (Chrome
     * answers "Node ... does not belong to the document"), finds it again in the new page once.
     */
    void follow(By selector) {
        try {
            follow(driver.findElement(selector));
        } catch (WebDriverException e) {
            if (!(e instanceof StaleElementReferenceException)
                    && (e.getMessage() == null || !e.getMessage().contains("does not belong to the document"))) throw e;
            follow(driver.findElement(selector));
        }
    }

    /** The console messages logged at level SEVERE since the last call (reading clears them). */
    List<String> drainConsoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Runs {@code body} with the viewport of a phone {@code width} CSS pixels wide, then restores the desktop. */
    void asPhone(int width, int height, Runnable body) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        try {
            body.run();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** A width and height to view pages at; phones are emulated as mobile (the viewport meta tag applies). */
    enum Viewport {
        DESKTOP(DESKTOP_WIDTH, DESKTOP_HEIGHT, false),
        PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /** Runs {@code body} at {@code viewport} (the window's own size for the desktop), then restores the desktop. */
    void at(Viewport viewport, Runnable body) {
        if (viewport.mobile) {
            asPhone(viewport.width, viewport.height, body);
        } else {
            body.run();
        }
    }

    /** Emulates the system's colour preference, "light" or "dark", for {@code prefers-color-scheme}, until changed. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of(
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves a PNG of the viewport as {@code file} (its directory is created), and returns it. */
    Path screenshotTo(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            // Written, not moved from Selenium's temp file: the file gets the usual permissions, not private ones.
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("browser: unable to save screenshot " + file, e);
        }
        return file;
    }

    /** A number computed by a JavaScript expression in the current page. */
    long evaluateLong(String expression) {
        Object v = driver.executeScript("return " + expression + ";");
        if (v instanceof Number n) return n.longValue();
        throw new IllegalStateException("browser: " + expression + " is not a number: " + v);
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) {
        Path dir = Path.of("target", "screenshots");
        Path out = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("browser: unable to save screenshot " + out, e);
        }
        return out;
    }

    /** Quits the browser and its driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover temp directory is not worth failing a test run for; the OS cleans /tmp.
        }
    }
}
