package dev.paperboy.search;

/** The product's search settings, chosen on the SciFact train split (see docs/search.md). */
public final class SearchDefaults {
    private SearchDefaults() {}

    /** The fusion the product uses. */
    public static Fusion fusion() {
        return new Fusion(Fusion.Method.RRF, 0.5);
    }
}
