package dev.paperboy.cli;

import dev.paperboy.search.Embedder;
import dev.paperboy.search.SearchIndexer;
import dev.paperboy.search.SearchService;
import java.util.Optional;

/** What the search commands need from the application; opened per command run and closed after. */
public interface SearchComponents extends AutoCloseable {

    SearchService searchService();

    SearchIndexer indexer();

    /** The embedder, empty when embedding is switched off ({@code PAPERBOY_EMBED=false}). */
    Optional<Embedder> embedder();

    @Override
    void close();
}
