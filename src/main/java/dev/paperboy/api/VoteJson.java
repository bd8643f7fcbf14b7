package dev.paperboy.api;

/** The answer of {@code PUT} and {@code DELETE /api/papers/{id}/vote}: the caller's vote and the paper's count here. */
public record VoteJson(String paper, boolean voted, int votes) {}
