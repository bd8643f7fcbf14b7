package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.account.User;
import dev.paperboy.bench.SyntheticPapers;
import dev.paperboy.db.PgSchema;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code paperboy serve} processes on one PostgreSQL store (docs/community.md, "Many processes"): what one
 * process writes, the other reads, because sessions, votes and counters live in the store and nowhere else.
 */
class TwoServeProcessesTest {

    private static final Pattern SERVING = Pattern.compile("serving \\d+ papers on (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final int VOTERS = 24;

    @TempDir
    Path dir;

    private PgSchema schema;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void store() {
        schema = PgSchema.createOrSkip();
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        schema.close();
    }

    /** The shared store as the setup sees it, on the real clock (the processes use it too). */
    private App open() {
        return App.open(Config.load(env("setup"), Map.of()), Clock.systemUTC());
    }

    private Map<String, String> env(String data) {
        return Map.of("PAPERBOY_DB", schema.url(), "PAPERBOY_DATA", dir.resolve(data).toString(),
                "PAPERBOY_EMBED", "false", "PAPERBOY_HARVEST_ENABLED", "false");
    }

    @Test
    void aSessionStartedThroughOneProcessWorksThroughTheOtherAndEndsInBoth() throws Exception {
        String link;
        try (App app = open()) {
            app.accounts().users().create("ada@example.org", "Ada", false);
            link = app.accounts().loginTokens().issue("ada@example.org", false).token();
        }
        String a = serve("a");
        String b = serve("b");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        // Sign in through A: the link's page holds the form whose POST redeems the link.
        var form = browser.send(get(a + "signin/" + link), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), form.body());
        var signIn = browser.send(post(a + "signin/" + link, "csrf=" + csrfOf(form.body()) + "&next=%2Fsettings"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signIn.statusCode(), signIn.body());

        // The cookie (cookies belong to the host, not the port) is a session in B too.
        var settingsB = browser.send(get(b + "settings"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, settingsB.statusCode(), settingsB.body());
        assertTrue(settingsB.body().contains("ada@example.org"), settingsB.body());

        // Signing out through B ends it for A.
        var out = browser.send(post(b + "signout", "csrf=" + csrfOf(settingsB.body())), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, out.statusCode(), out.body());
        var settingsA = browser.send(get(a + "settings"), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, settingsA.statusCode(), "signed out through B, still signed in through A");
        assertTrue(settingsA.headers().firstValue("Location").orElse("").startsWith("/signin"), settingsA.headers().toString());
    }

    @Test
    void concurrentVotesThroughBothProcessesGiveTheExactCount() throws Exception {
        String paper = SyntheticPapers.id(7);
        List<String> tokens = new ArrayList<>();
        try (App app = open()) {
            app.papers().upsert(SyntheticPapers.paper(7, false));
            for (int i = 0; i < VOTERS; i++) {
                User u = app.accounts().users().create("voter" + i + "@example.org", "Voter " + i, false).orElseThrow();
                tokens.add(app.accounts().accessTokens().create(u.id(), "bench").secret());
            }
        }
        String a = serve("a");
        String b = serve("b");
        HttpClient client = HttpClient.newHttpClient();

        // Every voter votes through both processes at once, many times over: on, off, on… ending on for even
        // voters and off for odd ones. Each request is one idempotent set, so the last one decides.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < VOTERS; i++) {
                String token = tokens.get(i);
                boolean endsOn = i % 2 == 0;
                for (String base : List.of(a, b)) {
                    done.add(pool.submit(voteRounds(client, base, paper, token, 6, endsOn)));
                }
            }
            for (Future<Integer> f : done) assertEquals(200, f.get(2, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }

        // Both processes answer the same exact count, and it matches the votes table.
        int expected = (VOTERS + 1) / 2;
        for (String base : List.of(a, b)) {
            var r = client.send(HttpRequest.newBuilder(URI.create(base + "api/papers/" + paper + "/vote"))
                    .header("Authorization", "Bearer " + tokens.getFirst())
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"votes\":" + expected), base + " answered " + r.body());
        }
        try (App app = open()) {
            assertEquals(expected, app.community().counts().counts(List.of(paper)).get(paper).votes());
            int rows = app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM votes WHERE paper_id = :p").bind("p", paper).mapTo(Integer.class).one());
            assertEquals(expected, rows);
        }
    }

    /** {@code rounds} votes alternating on and off, the last one {@code endsOn}; the last status seen. */
    private static Callable<Integer> voteRounds(HttpClient client, String base, String paper, String token, int rounds,
            boolean endsOn) {
        return () -> {
            int status = 0;
            for (int r = 0; r < rounds; r++) {
                boolean on = (rounds - 1 - r) % 2 == 0 ? endsOn : !endsOn;
                var request = HttpRequest.newBuilder(URI.create(base + "api/papers/" + paper + "/vote"))
                        .header("Authorization", "Bearer " + token);
                request = on ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE();
                var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status != 200) return status;
            }
            return status;
        };
    }

    /** Starts {@code paperboy serve} on the shared store with its own index directory; its base URL. */
    private String serve(String name) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve(name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.paperboy.Main",
                "serve", "--host", "127.0.0.1", "--port", "0", "--data", data.toString(), "--db", schema.url(),
                "--harvest-enabled", "false", "--embed", "false");
        Path log = data.resolve("serve.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        processes.add(p);
        for (int i = 0; i < 1200 && p.isAlive(); i++) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) return m.group(1);
            Thread.sleep(50);
        }
        throw new AssertionError("serve " + name + " did not start: " + Files.readString(log));
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF field in " + html);
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).build();
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }
}
