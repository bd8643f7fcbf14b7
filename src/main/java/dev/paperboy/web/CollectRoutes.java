package dev.paperboy.web;

import dev.paperboy.api.CollectionApi;
import dev.paperboy.api.SubmissionApi;
import io.javalin.config.RoutesConfig;

/**
 * The routes of submitting, collections and profiles (docs/community.md): the pages and their JSON API. Every
 * POST, PUT, PATCH and DELETE here is CSRF-checked (bearer-token API calls excepted) before it runs.
 */
public record CollectRoutes(SubmitPages submit, CollectionPages collections, SubmissionApi submissionApi,
        CollectionApi collectionApi) implements Routes.PageGroup {

    @Override
    public void addTo(RoutesConfig r) {
        submit.addTo(r);
        collections.addTo(r);
        // JSON (documented in src/main/resources/api/openapi.json)
        r.post("/api/submissions", submissionApi::submit);
        r.post("/api/collections", collectionApi::createCollection);
        Routes.get(r, "/api/collections/{cid}", collectionApi::getCollection);
        r.patch("/api/collections/{cid}", collectionApi::updateCollection);
        r.delete("/api/collections/{cid}", collectionApi::deleteCollection);
        r.put("/api/collections/{cid}/papers/<paperId>", collectionApi::addPaper); // <paperId>: old-style ids have a slash
        r.delete("/api/collections/{cid}/papers/<paperId>", collectionApi::removePaper);
    }
}
