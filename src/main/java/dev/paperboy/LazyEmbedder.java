package dev.paperboy;

import dev.paperboy.search.embed.Embedder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the model on first use, so opening the app (or a search without the semantic leg) costs nothing. */
final class LazyEmbedder implements Embedder {
    private static final Logger log = LoggerFactory.getLogger(LazyEmbedder.class);

    private final App.Embedding embedding;
    private volatile Embedder loaded;
    private boolean closed;

    LazyEmbedder(App.Embedding embedding) {
        this.embedding = embedding;
    }

    private Embedder get() {
        Embedder e = loaded;
        if (e != null) return e;
        synchronized (this) {
            if (closed) throw new IllegalStateException("embedder: already closed");
            if (loaded == null) {
                long start = System.nanoTime();
                loaded = embedding.loader().get();
                log.info("embedder: loaded model={} in {} ms", embedding.modelId(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return loaded;
        }
    }

    @Override
    public float[] embedQuery(String query) {
        return get().embedQuery(query);
    }

    @Override
    public float[] embedPassage(String title, String abstractText) {
        return get().embedPassage(title, abstractText);
    }

    @Override
    public List<float[]> embedPassages(List<Passage> passages) {
        return get().embedPassages(passages);
    }

    @Override
    public int dimensions() {
        return get().dimensions();
    }

    @Override
    public String modelId() {
        return embedding.modelId();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (loaded != null) loaded.close();
    }
}
