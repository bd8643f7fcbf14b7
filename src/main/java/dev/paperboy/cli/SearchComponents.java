package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.search.SearchIndexer;
import dev.paperboy.search.SearchService;
import dev.paperboy.search.embed.Embedder;
import java.util.Optional;

/** What the search commands need from the application; opened per command run and closed after. */
public interface SearchComponents extends AutoCloseable {

    SearchService searchService();

    SearchIndexer indexer();

    /** The embedder, empty when embedding is switched off ({@code PAPERBOY_EMBED=false}). */
    Optional<Embedder> embedder();

    @Override
    void close();

    /** The search parts of an open app; closing them closes the app. */
    static SearchComponents of(App app, SearchIndexer.Progress progress) {
        App.Search search;
        try {
            search = app.search(progress);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return new SearchComponents() {
            @Override
            public SearchService searchService() {
                return search.service();
            }

            @Override
            public SearchIndexer indexer() {
                return search.indexer();
            }

            @Override
            public Optional<Embedder> embedder() {
                return search.embedder();
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }
}
