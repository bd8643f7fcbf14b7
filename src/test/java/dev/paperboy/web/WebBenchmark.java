package dev.paperboy.web;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.bench.SyntheticPapers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per second and latency of the main pages against the real server and SQLite store, client
 * and server in one process. Usage: {@code WebBenchmark [papers] [seconds] [clients]}.
 */
public final class WebBenchmark {

    public static void main(String[] args) throws Exception {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Path data = Files.createTempDirectory("pb-web-bench");
        Config config = Config.defaults().with(Key.DATA, data.toString()).with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0");
        try (App app = App.open(config, Clock.systemUTC())) {
            for (int from = 0; from < papers; from += 1_000) {
                app.papers().upsertAll(SyntheticPapers.range(from, Math.min(papers, from + 1_000), true));
            }
            String base = "http://127.0.0.1:" + app.startWeb().port();
            System.out.printf("papers=%d seconds=%d clients=%d cores=%d%n", papers, seconds, clients,
                    Runtime.getRuntime().availableProcessors());
            String someId = SyntheticPapers.id(papers / 2);
            for (String path : List.of("/health", "/", "/?page=50", "/papers/" + someId, "/api/papers/" + someId,
                    "/api/papers?limit=20")) {
                run(base + path, 2, clients); // warm-up
                run(base + path, seconds, clients).print(path);
            }
        }
    }

    record Result(long requests, double seconds, long[] micros, long errors) {
        void print(String path) {
            Arrays.sort(micros);
            System.out.printf("%-28s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%n", path, requests / seconds,
                    micros[micros.length / 2] / 1000.0, micros[(int) (micros.length * 0.99)] / 1000.0, errors);
        }
    }

    static Result run(String url, int seconds, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<Long> lat = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        var r = http.send(req, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) errors.incrementAndGet();
                        lat.add((System.nanoTime() - t) / 1_000);
                    }
                    return lat;
                }));
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        for (var f : futures) all.addAll(f.get());
        return new Result(all.size(), took, all.stream().mapToLong(Long::longValue).toArray(), errors.get());
    }
}
