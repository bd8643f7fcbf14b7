package dev.paperboy.ingest.harvest;

/** arXiv answered with an error feed: the query (or id) is one arXiv refuses, and asking again will not help. */
public final class ArxivRejection extends HarvestException {
    public ArxivRejection(String message) {
        super(message);
    }
}
