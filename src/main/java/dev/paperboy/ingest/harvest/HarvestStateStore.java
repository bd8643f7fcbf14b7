package dev.paperboy.ingest.harvest;

import java.util.List;
import java.util.Optional;

/** Harvest progress, one row per source key. */
public interface HarvestStateStore {
    Optional<HarvestState> find(String key);

    /** The stored state or {@link HarvestState#empty}. */
    default HarvestState get(String key) {
        return find(key).orElseGet(() -> HarvestState.empty(key));
    }

    /** Inserts or replaces the row of {@code state.key()}. */
    void save(HarvestState state);

    /** Every source's state, by key. */
    List<HarvestState> all();
}
