package dev.paperboy;

import dev.paperboy.search.embed.Embedder;
import java.util.Locale;

/**
 * A small deterministic stand-in for the model, for tests where the real one is not the point: each word of
 * three or more letters, cut to its first five, adds one to a hashed slot of 64; the vector is unit length.
 * Papers sharing words get close vectors.
 */
public final class TinyEmbedder implements Embedder {

    public static final String MODEL_ID = "tiny-64";
    private static final int DIMS = 64;

    /** The embedding to hand to {@code App.open} in tests. */
    public static App.Embedding embedding() {
        return new App.Embedding(MODEL_ID, TinyEmbedder::new);
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public float[] embedPassage(String title, String abstractText) {
        return vector(title + " " + abstractText);
    }

    private static float[] vector(String text) {
        float[] v = new float[DIMS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3) continue;
            String stem = word.length() > 5 ? word.substring(0, 5) : word;
            v[Math.floorMod(stem.hashCode(), DIMS)] += 1;
        }
        double norm = 0;
        for (float x : v) norm += x * x;
        if (norm == 0) {
            // An empty text still needs a unit vector: dot-product similarity requires it.
            v[0] = 1;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMS; i++) v[i] *= inv;
        return v;
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }
}
