package dev.paperboy.paper.jdbi;

import dev.paperboy.InMemoryPaperStore;
import dev.paperboy.paper.PaperStore;

/** The default (scanning) implementations the fakes use: the reference the SQL must agree with. */
class InMemoryFeaturedStoreTest extends FeaturedStoreContract {

    @Override
    PaperStore openStore() {
        return new InMemoryPaperStore();
    }

    @Override
    void closeStore() {}
}
