package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.jobs.Jobs;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchIndexer;
import dev.paperboy.search.SearchService;
import dev.paperboy.search.embed.Embedder;
import java.util.Optional;

/** What the search commands need from the application; opened per command run and closed after. */
public interface SearchComponents extends AutoCloseable {

    SearchService searchService();

    /** The paper store the index derives from (a pasted id's result is read from it). */
    PaperStore papers();

    SearchIndexer indexer();

    /** The embedder, empty when embedding is switched off ({@code PAPERBOY_EMBED=false}). */
    Optional<Embedder> embedder();

    /** The jobs runner that makes {@code reindex} single-flight; empty for parts without a store (tests). */
    default Optional<Jobs> jobs() {
        return Optional.empty();
    }

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
            public PaperStore papers() {
                return app.papers();
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
            public Optional<Jobs> jobs() {
                return Optional.of(app.jobs());
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }
}
