package dev.paperboy.search.embed;

import java.util.ArrayList;
import java.util.List;

/** Turns text into unit-length vectors; queries and passages may be embedded differently. */
public interface Embedder extends AutoCloseable {

    /** The vector of a search query (with the model's query prefix, if it has one). */
    float[] embedQuery(String query);

    /** The vector of a paper's title and abstract. */
    float[] embedPassage(String title, String abstractText);

    /** Vectors of many passages, in input order; implementations may spread the work across cores. */
    default List<float[]> embedPassages(List<Passage> passages) {
        List<float[]> out = new ArrayList<>(passages.size());
        for (Passage p : passages) out.add(embedPassage(p.title(), p.abstractText()));
        return out;
    }

    int dimensions();

    /** Names the model and everything that changes its vectors; stored beside each vector. */
    String modelId();

    @Override
    default void close() {}

    /** The text of one paper to embed. */
    record Passage(String title, String abstractText) {}
}
