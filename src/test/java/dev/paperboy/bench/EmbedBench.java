package dev.paperboy.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The model's raw rate on real abstracts, outside the product's pipeline: bge-small (int8) on ONNX Runtime,
 * one single-threaded session per worker, texts as the product embeds them (title + " " + abstract, 512 tokens).
 * Runs one text per call, then batches of texts of similar token length (sorted, so padding is small), and
 * prints texts/s, padding and how close the batched vectors are to the one-at-a-time ones.
 * Usage: {@code EmbedBench SAMPLE.jsonl.gz [texts=1000] [workers=2] [batch sizes=4,8,16]}.
 */
public final class EmbedBench {
    private EmbedBench() {}

    private static final int MAX_TOKENS = 512;

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args.length > 0 ? args[0]
                : "../shared/data/arxiv-sample/daily-listings-cs-2025-03_2026-07.jsonl.gz");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int[] batchSizes = Arrays.stream((args.length > 3 ? args[3] : "4,8,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        if (!Files.isRegularFile(sample)) {
            System.out.println("embed bench: skipped, missing " + sample);
            return;
        }
        List<String> texts = texts(sample, n);
        System.out.printf(Locale.ROOT, "embed bench: %d texts from %s, %d workers, %d cores, load average %.1f%n",
                texts.size(), sample.getFileName(), workers, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] model = resource("/bge-small-en-v1.5-q.onnx");
        byte[] tokenizerJson = resource("/bge-small-en-v1.5-q-tokenizer.json");
        List<OrtSession> sessions = new ArrayList<>();
        for (int i = 0; i < workers; i++) sessions.add(session(env, model));
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                Map.of("truncation", "true", "padding", "false", "maxLength", String.valueOf(MAX_TOKENS)))) {
            long t0 = System.nanoTime();
            List<long[]> ids = new ArrayList<>(texts.size());
            for (String t : texts) ids.add(tokenizer.encode(t).getIds());
            double tokSeconds = (System.nanoTime() - t0) / 1e9;
            long tokens = ids.stream().mapToLong(a -> a.length).sum();
            System.out.printf(Locale.ROOT, "tokenising: %.0f texts/s on one thread; mean %.0f tokens, %d at 512%n",
                    texts.size() / tokSeconds, (double) tokens / texts.size(),
                    ids.stream().filter(a -> a.length >= MAX_TOKENS).count());

            // Warm-up: the first runs of a session allocate and tune.
            run(env, sessions, ids.subList(0, Math.min(40, ids.size())), 1);

            long s = System.nanoTime();
            float[][] single = run(env, sessions, ids, 1);
            double singleRate = ids.size() / ((System.nanoTime() - s) / 1e9);
            System.out.printf(Locale.ROOT, "%-22s %8.1f texts/s  padding 0%%%n", "one text per run", singleRate);

            for (int b : batchSizes) {
                long bs = System.nanoTime();
                float[][] batched = run(env, sessions, ids, b);
                double rate = ids.size() / ((System.nanoTime() - bs) / 1e9);
                double minCos = 1, sumCos = 0;
                for (int i = 0; i < ids.size(); i++) {
                    double c = dot(single[i], batched[i]);
                    minCos = Math.min(minCos, c);
                    sumCos += c;
                }
                System.out.printf(Locale.ROOT, "%-22s %8.1f texts/s  padding %4.1f%%  cosine to single: mean %.4f min %.4f%n",
                        "sorted batches of " + b, rate, 100 * padding(ids, b), sumCos / ids.size(), minCos);
            }
        } finally {
            for (OrtSession session : sessions) session.close();
        }
    }

    /** Embeds every text, in batches of {@code batch} neighbours in token-length order, on one worker per session. */
    private static float[][] run(OrtEnvironment env, List<OrtSession> sessions, List<long[]> ids, int batch)
            throws Exception {
        Integer[] order = byLength(ids);
        float[][] out = new float[ids.size()][];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (OrtSession session : sessions) {
                done.add(pool.submit(() -> {
                    for (int start; (start = next.getAndAdd(batch)) < order.length; ) {
                        int end = Math.min(order.length, start + batch);
                        int[] members = new int[end - start];
                        for (int i = start; i < end; i++) members[i - start] = order[i];
                        float[][] vectors = embed(env, session, ids, members);
                        for (int i = 0; i < members.length; i++) out[members[i]] = vectors[i];
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static float[][] embed(OrtEnvironment env, OrtSession session, List<long[]> ids, int[] members)
            throws OrtException {
        int width = 0;
        for (int m : members) width = Math.max(width, ids.get(m).length);
        long[][] input = new long[members.length][width];
        long[][] mask = new long[members.length][width];
        for (int r = 0; r < members.length; r++) {
            long[] row = ids.get(members[r]);
            System.arraycopy(row, 0, input[r], 0, row.length);
            Arrays.fill(mask[r], 0, row.length, 1L);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, input));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, new long[members.length][width]));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state [batch, tokens, 384]; CLS pooling reads token 0 of each row.
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dims = hidden.capacity() / (members.length * width);
                float[][] out = new float[members.length][dims];
                for (int r = 0; r < members.length; r++) {
                    hidden.position(r * width * dims);
                    hidden.get(out[r]);
                    normalise(out[r]);
                }
                return out;
            }
        } finally {
            for (OnnxTensor t : inputs.values()) t.close();
        }
    }

    private static Integer[] byLength(List<long[]> ids) {
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        return order;
    }

    /** The share of padded positions when sorted texts are cut into batches of {@code b}. */
    private static double padding(List<long[]> ids, int b) {
        Integer[] order = byLength(ids);
        long real = 0, total = 0;
        for (int start = 0; start < order.length; start += b) {
            int end = Math.min(order.length, start + b);
            int width = ids.get(order[end - 1]).length;
            for (int i = start; i < end; i++) real += ids.get(order[i]).length;
            total += (long) width * (end - start);
        }
        return 1 - (double) real / total;
    }

    private static OrtSession session(OrtEnvironment env, byte[] model) throws OrtException {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(model, opts);
        }
    }

    /** {@code n} title + abstract texts drawn at random (seed 11) from a daily-listing file, as the product embeds them. */
    private static List<String> texts(Path sample, int n) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> all = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(sample)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                String text = (node.path("title").asText("").strip() + " "
                        + node.path("summary").asText("").strip()).replaceAll("\\s+", " ").strip();
                all.add(text.length() > 8_000 ? text.substring(0, 8_000) : text);
            }
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    private static void normalise(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        float norm = (float) Math.sqrt(sum);
        if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= norm;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = EmbedBench.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("embed bench: model resource " + name + " is missing");
            return in.readAllBytes();
        }
    }
}
