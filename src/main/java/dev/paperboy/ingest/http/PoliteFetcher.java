package dev.paperboy.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP GET client that sources will not ban: one request at a time per host, a minimum gap between
 * the end of one request and the start of the next, {@code Retry-After} honoured on 429 and 503,
 * exponential backoff with jitter on other failures, bounded retries, timeouts and a body size cap.
 */
public final class PoliteFetcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PoliteFetcher.class);

    /** A response that needs no retry: 2xx, 3xx that were not followed, and 4xx other than 429. */
    public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final FetchSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    private final RequestLog requestLog;
    private final HttpClient client;
    private final ConcurrentHashMap<String, HostGate> hosts = new ConcurrentHashMap<>();

    public PoliteFetcher(FetchSettings settings, Clock clock, Sleeper sleeper, Random random, RequestLog requestLog) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.requestLog = requestLog;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public FetchSettings settings() {
        return settings;
    }

    /**
     * Fetches a URL politely, retrying what a retry can fix.
     *
     * @throws FetchException when every attempt failed, the body is too large or a wait would be too long
     */
    public Response get(URI uri) throws FetchException, InterruptedException {
        return get(uri, settings.maxAttempts());
    }

    /**
     * {@link #get(URI)} with at most {@code maxAttempts} attempts (at least one): for a person waiting on the answer,
     * who would rather retry later than wait through the harvest's backoff. Intervals and the host's turn still apply.
     */
    public Response get(URI uri, int maxAttempts) throws FetchException, InterruptedException {
        if (maxAttempts < 1) throw new IllegalArgumentException("fetch: maxAttempts must be >= 1");
        refusePdf(uri);
        String host = hostKey(uri);
        HostGate gate = hosts.computeIfAbsent(host, h -> new HostGate());
        gate.lock.lockInterruptibly();
        try {
            Duration extraWait = Duration.ZERO;
            String lastProblem = "no attempt made";
            Throwable lastCause = null;
            int lastStatus = 0;
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                waitForTurn(host, gate, extraWait);
                try {
                    HttpResponse<byte[]> r = send(uri);
                    int status = r.statusCode();
                    if (status != 429 && status < 500) {
                        return new Response(uri, status, r.headers(), r.body());
                    }
                    lastStatus = status;
                    lastCause = null;
                    lastProblem = "HTTP " + status;
                    Optional<Duration> retryAfter = (status == 429 || status == 503)
                            ? retryAfter(r.headers(), clock.instant())
                            : Optional.empty();
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxWait()) > 0) {
                        throw new FetchException(uri, status, "fetch: " + uri + " answered HTTP " + status
                                + " asking to wait " + retryAfter.get().toSeconds() + " s, longer than the allowed "
                                + settings.maxWait().toSeconds() + " s", null);
                    }
                    if (retryAfter.isPresent()) {
                        extraWait = retryAfter.get();
                        lastProblem += " with Retry-After " + retryAfter.get().toSeconds() + " s";
                    } else {
                        extraWait = backoffFor(attempt);
                    }
                } catch (BodyTooLargeException e) {
                    throw new FetchException(uri, 0, "fetch: " + uri + " sent more than " + settings.maxBodyBytes()
                            + " bytes", e);
                } catch (IOException e) {
                    lastStatus = 0;
                    lastCause = e;
                    lastProblem = describe(e);
                    extraWait = backoffFor(attempt);
                } finally {
                    Instant end = clock.instant();
                    gate.lastEnd = end;
                    recordEnd(host, end);
                }
                if (attempt < maxAttempts) {
                    log.warn("fetch: attempt {}/{} for {} failed: {}; retrying in {} ms", attempt,
                            maxAttempts, uri, lastProblem,
                            longer(extraWait, settings.minInterval()).toMillis());
                }
            }
            throw new FetchException(uri, lastStatus, "fetch: giving up on " + uri + " after "
                    + maxAttempts + " attempts: " + lastProblem, lastCause);
        } finally {
            gate.lock.unlock();
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** The wait a {@code Retry-After} header asks for: delta-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) return Optional.empty();
        String v = value.get();
        if (v.chars().allMatch(Character::isDigit)) {
            if (v.length() > 9) return Optional.empty();
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The backoff before attempt {@code attempt + 1}: base·2^(attempt-1), capped, jittered to 50–100 %. */
    Duration backoffFor(int attempt) {
        long base = settings.backoffBase().toMillis();
        long cap = settings.backoffMax().toMillis();
        long full = base;
        for (int i = 1; i < attempt && full < cap; i++) full *= 2;
        full = Math.min(full, cap);
        long half = full / 2;
        long jitter;
        synchronized (random) {
            jitter = half == 0 ? 0 : (long) (random.nextDouble() * (full - half + 1));
        }
        return Duration.ofMillis(half + jitter);
    }

    private void waitForTurn(String host, HostGate gate, Duration extraWait) throws InterruptedException {
        Instant last = gate.lastEnd;
        Instant shared = sharedLastEnd(host);
        if (shared != null && (last == null || shared.isAfter(last))) last = shared;
        if (last == null) return;
        Instant due = last.plus(longer(settings.minInterval(), extraWait));
        Duration wait = Duration.between(clock.instant(), due);
        if (wait.isPositive()) sleeper.sleep(wait);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Instant sharedLastEnd(String host) {
        try {
            return requestLog.lastRequestEnd(host).orElse(null);
        } catch (RuntimeException e) {
            log.warn("fetch: unable to read the last request time of {}: {}", host, e.getMessage());
            return null;
        }
    }

    private void recordEnd(String host, Instant end) {
        try {
            requestLog.recordRequestEnd(host, end);
        } catch (RuntimeException e) {
            log.warn("fetch: unable to record the last request time of {}: {}", host, e.getMessage());
        }
    }

    private HttpResponse<byte[]> send(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .header("User-Agent", settings.userAgent())
                .timeout(settings.readTimeout())
                .build();
        CompletableFuture<HttpResponse<byte[]>> f =
                client.sendAsync(request, info -> new CappedBody(settings.maxBodyBytes()));
        try {
            // The request timeout above only covers the headers; this deadline also covers a stalled body.
            return f.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new HttpTimeoutException("no complete response within " + settings.readTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            throw new IOException(c == null ? "request failed" : c.toString(), c);
        }
    }

    private static void refusePdf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".pdf") || path.startsWith("/pdf/")) {
            throw new IllegalArgumentException("fetch: Paperboy never fetches PDFs: " + uri);
        }
    }

    /** Host and port: the unit the interval applies to. */
    public static String hostKey(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** One line about an I/O failure, with its root cause: the JDK's ConnectException often has no message. */
    static String describe(IOException e) {
        String kind = e instanceof HttpTimeoutException ? "timeout" : e.getClass().getSimpleName();
        String text = e.getMessage() == null || e.getMessage().isBlank() ? kind : kind + ": " + e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root != e) {
            String r = root.getClass().getSimpleName()
                    + (root.getMessage() == null || root.getMessage().isBlank() ? "" : ": " + root.getMessage());
            if (!text.contains(r)) text += " (" + r + ")";
        }
        return text;
    }

    private static final class HostGate {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile Instant lastEnd;
    }

    /** A body larger than the configured cap; never retried. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }

    /** Collects the body in memory and stops, failing, once it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException(cap));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
