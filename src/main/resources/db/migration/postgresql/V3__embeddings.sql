-- Passage embeddings: derived data, kept so that rebuilding the index or resuming an interrupted
-- embedding run never recomputes a vector. content_hash covers the embedded text and the model.
CREATE TABLE paper_embeddings (
    paper_id     TEXT    NOT NULL,
    model_id     TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    dimensions   INTEGER NOT NULL,
    vector       BYTEA   NOT NULL,
    PRIMARY KEY (paper_id, model_id)
);
