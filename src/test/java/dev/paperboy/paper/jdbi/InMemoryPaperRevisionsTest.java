package dev.paperboy.paper.jdbi;

import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.paper.PaperStore;

/** The tests' map store records revisions as the real one does. */
class InMemoryPaperRevisionsTest extends PaperRevisionsContract {

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
}
