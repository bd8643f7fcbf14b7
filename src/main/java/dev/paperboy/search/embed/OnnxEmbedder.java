package dev.paperboy.search.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bge-small-en-v1.5 (int8-quantised) run in-process with ONNX Runtime, read from the model jar on the
 * class path: CLS pooling, L2 normalisation, 512-token truncation, a query prefix for queries only.
 */
public final class OnnxEmbedder implements Embedder {

    /** The model id stored with each vector; change it whenever the vectors would change. */
    public static final String MODEL_ID = "bge-small-en-v1.5-q/cls/512";

    public static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    public static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
    private static final int DIMENSIONS = 384;
    private static final int MAX_TOKENS = 512;
    // A title and abstract beyond this are cut before tokenising; 512 tokens never need more.
    private static final int MAX_CHARS = 8_000;

    private final OrtEnvironment env;
    private final int workerCount;
    private final byte[] model;
    private final byte[] tokenizerJson;
    // Queries and passages have separate sessions, so a background embedding run never makes a search
    // wait for a 512-token passage to finish. Passage sessions are created on first use.
    private final BlockingQueue<Worker> queryWorkers;
    private BlockingQueue<Worker> passageWorkers;
    private final List<Worker> all = new ArrayList<>();
    private final ExecutorService batchPool;

    /** One model session per worker; each runs one text at a time on one thread. */
    private record Worker(OrtSession session, HuggingFaceTokenizer tokenizer, boolean typeIds) {}

    private OnnxEmbedder(OrtEnvironment env, int workerCount, byte[] model, byte[] tokenizerJson) {
        this.env = env;
        this.workerCount = workerCount;
        this.model = model;
        this.tokenizerJson = tokenizerJson;
        this.queryWorkers = new ArrayBlockingQueue<>(workerCount);
        this.batchPool = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "embedder");
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads the model with one worker per available core. */
    public static OnnxEmbedder load() {
        return load(Runtime.getRuntime().availableProcessors());
    }

    /** Loads the model with {@code workerCount} single-threaded sessions for queries (and as many for passages). */
    public static OnnxEmbedder load(int workerCount) {
        if (workerCount < 1) throw new IllegalArgumentException("embedder: workers must be >= 1");
        OnnxEmbedder embedder;
        try {
            embedder = new OnnxEmbedder(OrtEnvironment.getEnvironment(), workerCount, resource(MODEL_RESOURCE),
                    resource(TOKENIZER_RESOURCE));
        } catch (IOException e) {
            throw new IllegalStateException("embedder: unable to load " + MODEL_ID + ": " + e.getMessage(), e);
        }
        try {
            embedder.fill(embedder.queryWorkers);
            return embedder;
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    private void fill(BlockingQueue<Worker> queue) {
        try {
            for (int i = 0; i < workerCount; i++) {
                OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
                // Measured: one intra-op thread per session and one session per core beats a
                // multi-threaded session for one-text-at-a-time inference.
                opts.setIntraOpNumThreads(1);
                opts.setInterOpNumThreads(1);
                opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtSession session = env.createSession(model, opts);
                opts.close();
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                        new java.io.ByteArrayInputStream(tokenizerJson),
                        Map.of("truncation", "true", "padding", "false", "maxLength", String.valueOf(MAX_TOKENS)));
                Worker w = new Worker(session, tokenizer, session.getInputNames().contains("token_type_ids"));
                synchronized (all) {
                    all.add(w);
                }
                queue.add(w);
            }
        } catch (OrtException | IOException | RuntimeException e) {
            throw new IllegalStateException("embedder: unable to load " + MODEL_ID + ": " + e.getMessage(), e);
        }
    }

    private synchronized BlockingQueue<Worker> passageWorkers() {
        if (passageWorkers == null) {
            BlockingQueue<Worker> q = new ArrayBlockingQueue<>(workerCount);
            fill(q);
            passageWorkers = q;
        }
        return passageWorkers;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(queryWorkers, QUERY_PREFIX + clip(query));
    }

    @Override
    public float[] embedPassage(String title, String abstractText) {
        return embed(passageWorkers(), passageText(title, abstractText));
    }

    @Override
    public List<float[]> embedPassages(List<Passage> passages) {
        List<Future<float[]>> futures = new ArrayList<>(passages.size());
        for (Passage p : passages) futures.add(batchPool.submit(() -> embedPassage(p.title(), p.abstractText())));
        List<float[]> out = new ArrayList<>(passages.size());
        try {
            for (Future<float[]> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedder: interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("embedder: unable to embed passages: " + e.getCause().getMessage(),
                    e.getCause());
        }
        return out;
    }

    /** The text a passage is embedded from: the title, then the abstract. */
    public static String passageText(String title, String abstractText) {
        String t = title == null ? "" : title.strip();
        String a = abstractText == null ? "" : abstractText.strip();
        return clip(t.isEmpty() ? a : a.isEmpty() ? t : t + " " + a);
    }

    private static String clip(String s) {
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
    }

    private float[] embed(BlockingQueue<Worker> workers, String text) {
        Worker w;
        try {
            w = workers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedder: interrupted while waiting for a worker", e);
        }
        try {
            return run(w, text);
        } catch (OrtException e) {
            throw new IllegalStateException("embedder: unable to run model: " + e.getMessage(), e);
        } finally {
            workers.add(w);
        }
    }

    private float[] run(Worker w, String text) throws OrtException {
        Encoding enc = w.tokenizer().encode(text);
        long[] ids = enc.getIds();
        long[][] shapeIds = {ids};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, shapeIds));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, new long[][] {enc.getAttentionMask()}));
            if (w.typeIds()) inputs.put("token_type_ids", OnnxTensor.createTensor(env, new long[][] {enc.getTypeIds()}));
            try (OrtSession.Result result = w.session().run(inputs)) {
                // last_hidden_state [1, tokens, 384]: bge pools by taking the [CLS] token.
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return normalise(hidden[0][0].clone());
            }
        } finally {
            for (OnnxTensor t : inputs.values()) t.close();
        }
    }

    public static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        float norm = (float) Math.sqrt(sum);
        if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= norm;
        return v;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public void close() {
        batchPool.shutdownNow();
        List<Worker> workers;
        synchronized (all) {
            workers = List.copyOf(all);
            all.clear();
        }
        for (Worker w : workers) {
            try {
                w.session().close();
            } catch (OrtException e) {
                // Closing during shutdown: nothing left to do with the session.
            }
            w.tokenizer().close();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxEmbedder.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("model resource " + name + " is not on the class path");
            return in.readAllBytes();
        }
    }
}
