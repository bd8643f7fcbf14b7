package dev.paperboy.ingest.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.http.ReplayServer.Reply;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {
    private static final byte[] BODY = "<feed>hello</feed>".getBytes(StandardCharsets.UTF_8);

    // The fetchers sleep on this clock and the server times requests with it: gaps are exact and nothing waits.
    private final SimulatedTime time = new SimulatedTime();
    private ReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer(time);
        server.otherwise(h -> Reply.ok(BODY, "application/xml"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static FetchSettings fast(long intervalMillis) {
        return FetchSettings.defaults(FetchSettings.userAgent("0.1.0", "mailto:ops@example.org"))
                .withInterval(Duration.ofMillis(intervalMillis))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(3, Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private PoliteFetcher simulated(FetchSettings s) {
        return new PoliteFetcher(s, time, time, new Random(42), RequestLog.none());
    }

    @Test
    void gapsBetweenRequestsToOneHostAreAtLeastTheInterval() throws Exception {
        try (PoliteFetcher f = simulated(fast(200))) {
            for (int i = 0; i < 4; i++) assertArrayEquals(BODY, f.get(URI.create(server.url("/p?i=" + i))).body());
        }
        assertEquals(4, server.hits().size());
        long gap = server.smallestGapMillis();
        assertTrue(gap >= 200, "smallest gap was " + gap + " ms");
    }

    @Test
    void threadsSharingAFetcherStillTakeTurnsWithTheInterval() throws Exception {
        try (PoliteFetcher f = simulated(fast(150))) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        f.get(URI.create(server.url("/t?i=" + n)));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            for (Thread t : threads) t.join();
        }
        assertEquals(3, server.hits().size());
        assertTrue(server.smallestGapMillis() >= 150, "smallest gap " + server.smallestGapMillis() + " ms");
    }

    @Test
    void sendsADescriptiveUserAgentWithTheContact() throws Exception {
        try (PoliteFetcher f = simulated(fast(0))) {
            f.get(URI.create(server.url("/ua")));
        }
        assertEquals("Paperboy/0.1.0 (+mailto:ops@example.org)", server.hits().getFirst().userAgent());
    }

    @Test
    void serviceUnavailableWithRetryAfterWaitsThatLongThenSucceeds() throws Exception {
        server.enqueue(Reply.status(503, Map.of("Retry-After", "1")));
        try (PoliteFetcher f = simulated(fast(100))) {
            assertArrayEquals(BODY, f.get(URI.create(server.url("/busy"))).body());
        }
        assertEquals(2, server.hits().size());
        assertEquals(1000, server.smallestGapMillis());
    }

    @Test
    void tooManyRequestsWithAnHttpDateIsHonoured() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(2).atZone(ZoneOffset.UTC));
        server.enqueue(Reply.status(429, Map.of("Retry-After", date)));
        try (PoliteFetcher f = simulated(fast(100))) {
            assertArrayEquals(BODY, f.get(URI.create(server.url("/slow-down"))).body());
        }
        assertEquals(2000, server.smallestGapMillis());
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsAtOnce() throws Exception {
        server.enqueue(Reply.status(503, Map.of("Retry-After", "86400")));
        try (PoliteFetcher f = simulated(fast(0))) {
            FetchException e = assertThrows(FetchException.class, () -> f.get(URI.create(server.url("/closed"))));
            assertTrue(e.getMessage().contains("asking to wait 86400 s"), e.getMessage());
            assertEquals(503, e.status());
        }
        assertEquals(1, server.hits().size());
    }

    @Test
    void aTruncatedBodyIsRetriedAndTheRetrySucceeds() throws Exception {
        server.enqueue(Reply.truncated(BODY));
        try (PoliteFetcher f = simulated(fast(50))) {
            assertArrayEquals(BODY, f.get(URI.create(server.url("/cut"))).body());
        }
        assertEquals(2, server.hits().size());
    }

    @Test
    void aBodyThatIsAlwaysTruncatedIsReportedWithUrlAndCauseAfterTheRetries() throws Exception {
        server.otherwise(h -> Reply.truncated(BODY));
        try (PoliteFetcher f = simulated(fast(50))) {
            URI uri = URI.create(server.url("/always-cut"));
            FetchException e = assertThrows(FetchException.class, () -> f.get(uri));
            assertTrue(e.getMessage().startsWith("fetch: giving up on " + uri + " after 3 attempts: "), e.getMessage());
            assertTrue(e.getCause() instanceof java.io.IOException, String.valueOf(e.getCause()));
        }
        assertEquals(3, server.hits().size());
    }

    @Test
    void aStalledResponseTimesOutIsRetriedThenReported() throws Exception {
        server.otherwise(h -> Reply.ok(BODY, "application/xml").stalled(60_000));
        FetchSettings s = fast(50).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
                .withRetries(2, Duration.ofMillis(50), Duration.ofMillis(100));
        try (PoliteFetcher f = simulated(s)) {
            FetchException e = assertThrows(FetchException.class, () -> f.get(URI.create(server.url("/stall"))));
            assertTrue(e.getMessage().contains("after 2 attempts: timeout"), e.getMessage());
            // The fetcher gave up on both requests while the server was still holding them.
            assertEquals(2, server.hits().size());
            assertTrue(server.hits().stream().allMatch(h -> h.finishedNanos() == 0), server.hits().toString());
        }
    }

    @Test
    void serverErrorsBackOffExponentiallyWithSeededJitter() throws Exception {
        server.enqueue(Reply.status(500, Map.of()), Reply.status(502, Map.of()));
        FetchSettings s = fast(0).withRetries(3, Duration.ofSeconds(10), Duration.ofMinutes(1));
        List<Duration> sleeps = new ArrayList<>();
        Sleeper recorder = d -> {
            sleeps.add(d);
            time.sleep(d);
        };
        try (PoliteFetcher f = new PoliteFetcher(s, time, recorder, new Random(7), RequestLog.none())) {
            assertArrayEquals(BODY, f.get(URI.create(server.url("/flaky"))).body());
        }
        assertEquals(2, sleeps.size());
        assertTrue(between(sleeps.get(0), 5_000, 10_000), "first backoff " + sleeps.get(0));
        assertTrue(between(sleeps.get(1), 10_000, 20_000), "second backoff " + sleeps.get(1));

        PoliteFetcher again = new PoliteFetcher(s, time, d -> {}, new Random(7), RequestLog.none());
        assertEquals(sleeps.get(0), again.backoffFor(1));
        assertEquals(sleeps.get(1), again.backoffFor(2));
        again.close();
    }

    @Test
    void clientErrorsAreReturnedWithoutRetrying() throws Exception {
        server.enqueue(Reply.status(400, Map.of()));
        try (PoliteFetcher f = simulated(fast(0))) {
            assertEquals(400, f.get(URI.create(server.url("/bad"))).status());
        }
        assertEquals(1, server.hits().size());
    }

    @Test
    void aBodyLargerThanTheCapIsRefusedWithoutRetrying() throws Exception {
        server.otherwise(h -> Reply.ok(new byte[10_000], "application/octet-stream"));
        try (PoliteFetcher f = simulated(fast(0).withMaxBodyBytes(1_000))) {
            FetchException e = assertThrows(FetchException.class, () -> f.get(URI.create(server.url("/big"))));
            assertTrue(e.getMessage().contains("more than 1000 bytes"), e.getMessage());
        }
        assertEquals(1, server.hits().size());
    }

    @Test
    void pdfsAreNeverFetched() {
        try (PoliteFetcher f = simulated(fast(0))) {
            assertThrows(IllegalArgumentException.class, () -> f.get(URI.create(server.url("/pdf/2401.00001"))));
            assertThrows(IllegalArgumentException.class, () -> f.get(URI.create(server.url("/x/paper.PDF"))));
        }
        assertEquals(0, server.hits().size());
    }

    @Test
    void aSecondFetcherSharingTheRequestLogKeepsTheInterval() throws Exception {
        RequestLog shared = new RequestLog() {
            final Map<String, Instant> ends = new ConcurrentHashMap<>();

            @Override
            public Optional<Instant> lastRequestEnd(String host) {
                return Optional.ofNullable(ends.get(host));
            }

            @Override
            public void recordRequestEnd(String host, Instant at) {
                ends.put(host, at);
            }
        };
        FetchSettings s = fast(250);
        try (PoliteFetcher a = new PoliteFetcher(s, time, time, new Random(1), shared);
                PoliteFetcher b = new PoliteFetcher(s, time, time, new Random(2), shared)) {
            a.get(URI.create(server.url("/a")));
            b.get(URI.create(server.url("/b")));
        }
        assertTrue(server.smallestGapMillis() >= 250, "gap " + server.smallestGapMillis() + " ms");
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), PoliteFetcher.retryAfter(headers("120"), now));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                PoliteFetcher.retryAfter(headers("Fri, 27 Nov 2026 10:00:30 GMT"), now));
        assertEquals(Optional.of(Duration.ZERO),
                PoliteFetcher.retryAfter(headers("Fri, 27 Nov 2026 09:00:00 GMT"), now));
        assertEquals(Optional.empty(), PoliteFetcher.retryAfter(headers("soon"), now));
    }

    @Test
    void aFailureWithoutAMessageIsDescribedByItsRootCause() {
        var e = new java.net.ConnectException();
        e.initCause(new java.nio.channels.UnresolvedAddressException());
        assertEquals("ConnectException (UnresolvedAddressException)", PoliteFetcher.describe(e));
        assertEquals("timeout: no answer", PoliteFetcher.describe(new java.net.http.HttpTimeoutException("no answer")));
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
    }

    private static boolean between(Duration d, long minMillis, long maxMillis) {
        return d.toMillis() >= minMillis && d.toMillis() <= maxMillis;
    }
}
