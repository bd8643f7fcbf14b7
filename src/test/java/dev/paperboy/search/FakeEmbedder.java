package dev.paperboy.search;

import dev.paperboy.search.embed.Embedder;
import dev.paperboy.search.embed.OnnxEmbedder;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for the model: hashed bag of lower-cased word stems (first five letters) in
 * 64 dimensions, unit length. Similar wording gives similar vectors; nothing is learnt.
 */
final class FakeEmbedder implements Embedder {
    static final int DIMS = 64;
    final AtomicInteger passages = new AtomicInteger();
    private final String modelId;

    FakeEmbedder() {
        this("fake-64");
    }

    FakeEmbedder(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public float[] embedPassage(String title, String abstractText) {
        passages.incrementAndGet();
        return vector(title + " " + abstractText);
    }

    static float[] vector(String text) {
        float[] v = new float[DIMS];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() < 3) continue;
            String stem = w.length() > 5 ? w.substring(0, 5) : w;
            v[Math.floorMod(stem.hashCode(), DIMS)] += 1;
        }
        v[0] += 0.01f; // never the zero vector
        return OnnxEmbedder.normalise(v);
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public String modelId() {
        return modelId;
    }
}
