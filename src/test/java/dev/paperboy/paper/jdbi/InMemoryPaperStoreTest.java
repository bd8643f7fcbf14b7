package dev.paperboy.paper.jdbi;

import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.paper.PaperStore;
import java.util.Optional;

/** The tests' map store keeps the same contract as the real one, so tests that use it show real behaviour. */
class InMemoryPaperStoreTest extends PaperStoreContract {

    private InMemoryPaperStore memory;

    @Override
    PaperStore openStore() {
        memory = new InMemoryPaperStore();
        return memory;
    }

    @Override
    void closeStore() {}

    @Override
    void refuseInsertsOf(String id) {
        memory.poisonId = id;
    }

    @Override
    Optional<String> unmigratedDatabaseUrl() {
        return Optional.empty();
    }
}
