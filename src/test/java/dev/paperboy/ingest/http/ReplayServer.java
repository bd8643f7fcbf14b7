package dev.paperboy.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A real HTTP server on loopback that answers with scripted replies (recorded fixtures or pages
 * written by a test) and records every request with server-side arrival and finish times.
 */
public final class ReplayServer implements AutoCloseable {

    /** One request as the server saw it; times are nanoseconds of the server's clock. */
    public record Hit(String method, String pathAndQuery, String userAgent, long arrivedNanos, long finishedNanos) {
        /** A query parameter's decoded value, or null. */
        public String param(String name) {
            return ReplayServer.params(URI.create(pathAndQuery)).get(name);
        }
    }

    /** What to answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body, long declaredLength, long stallMillis) {
        public static Reply ok(byte[] body, String type) {
            return new Reply(200, Map.of("Content-Type", type), body, body.length, 0);
        }

        public static Reply xml(Path file) {
            return ok(read(file), "application/xml; charset=utf-8");
        }

        public static Reply xml(String text) {
            return ok(text.getBytes(StandardCharsets.UTF_8), "application/xml; charset=utf-8");
        }

        public static Reply json(Path file) {
            return ok(read(file), "application/json");
        }

        public static Reply json(String text) {
            return ok(text.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        public static Reply status(int status, Map<String, String> headers) {
            byte[] b = ("status " + status).getBytes(StandardCharsets.UTF_8);
            return new Reply(status, headers, b, b.length, 0);
        }

        /** Declares the full length, sends only half the bytes, then closes the connection. */
        public static Reply truncated(byte[] body) {
            return new Reply(200, Map.of("Content-Type", "application/xml"), java.util.Arrays.copyOf(body,
                    body.length / 2), body.length, 0);
        }

        /** Waits this long before answering. */
        public Reply stalled(long millis) {
            return new Reply(status, headers, body, declaredLength, millis);
        }

        private static byte[] read(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalStateException("replay: unable to read " + file, e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Reply> script = new ArrayDeque<>();
    // Recorded at arrival, in arrival order, so a client that has its response always finds its request here;
    // the finish time is filled in once the reply is written (0 while in flight).
    private final List<Hit> hits = new ArrayList<>();
    private volatile Function<Hit, Reply> fallback = h -> Reply.status(404, Map.of());
    private final LongSupplier nanos;

    /** A server that times requests with {@link System#nanoTime()}. */
    public ReplayServer() throws IOException {
        this(System::nanoTime);
    }

    /**
     * A server that times requests with {@code clock}: with the {@link SimulatedTime} a fetcher sleeps on,
     * the gaps it reports are the waits the fetcher kept, whatever the machine's load.
     */
    public ReplayServer(Clock clock) throws IOException {
        this(() -> {
            Instant t = clock.instant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        });
    }

    private ReplayServer(LongSupplier nanos) throws IOException {
        this.nanos = nanos;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The server's root, e.g. {@code http://127.0.0.1:40123}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String url(String path) {
        return base() + path;
    }

    /** Replies used in order, one per request, before the fallback answers. */
    public synchronized ReplayServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request the script does not cover. */
    public ReplayServer otherwise(Function<Hit, Reply> fallback) {
        this.fallback = fallback;
        return this;
    }

    public synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Smallest gap in ms between one request's finish and the next one's arrival (MAX_VALUE when < 2 hits). */
    public long smallestGapMillis() {
        List<Hit> h = hits();
        long min = Long.MAX_VALUE;
        for (int i = 1; i < h.size(); i++) {
            if (h.get(i - 1).finishedNanos() == 0) continue; // still in flight (a stalled reply)
            min = Math.min(min, (h.get(i).arrivedNanos() - h.get(i - 1).finishedNanos()) / 1_000_000);
        }
        return min;
    }

    private void handle(HttpExchange ex) throws IOException {
        long arrived = nanos.getAsLong();
        String pq = ex.getRequestURI().toString();
        Hit probe = new Hit(ex.getRequestMethod(), pq, ex.getRequestHeaders().getFirst("User-Agent"), arrived, 0);
        Reply reply;
        int index;
        synchronized (this) {
            reply = script.isEmpty() ? null : script.poll();
            index = hits.size();
            hits.add(probe);
        }
        if (reply == null) reply = fallback.apply(probe);
        long finished = 0;
        try {
            if (reply.stallMillis() > 0) Thread.sleep(reply.stallMillis());
            // Timed before the reply goes out: once the client has it, it may sleep on a simulated clock
            // (moving it on) before this thread gets to run again.
            finished = nanos.getAsLong();
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), reply.declaredLength());
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply.body());
            } catch (IOException expectedForTruncatedReplies) {
                // Closing a fixed-length body early makes the server drop the connection, which is the point.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // The client gave up (timeout): nothing to answer.
        } finally {
            synchronized (this) {
                hits.set(index, new Hit(probe.method(), pq, probe.userAgent(), arrived,
                        finished != 0 ? finished : nanos.getAsLong()));
            }
            ex.close();
        }
    }

    /** Decoded query parameters of a URI (last value wins). */
    public static Map<String, String> params(URI uri) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null) return out;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(java.net.URLDecoder.decode(k, StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
