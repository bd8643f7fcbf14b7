package dev.paperboy.paper;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a listing; {@code next} continues it and is empty on the last page. */
public record Page<T>(List<T> items, Optional<PageKey> next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The first {@code limit} of {@code sorted} (which may hold one more, to tell whether more follow),
     * continued after the last of them.
     */
    public static <T> Page<T> of(List<T> sorted, int limit, Function<T, PageKey> key) {
        if (limit < 1) throw new IllegalArgumentException("store: limit must be at least 1");
        if (sorted.size() <= limit) return new Page<>(sorted, Optional.empty());
        List<T> items = sorted.subList(0, limit);
        return new Page<>(items, Optional.of(key.apply(items.getLast())));
    }
}
