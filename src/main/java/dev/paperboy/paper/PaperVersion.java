package dev.paperboy.paper;

import java.time.Instant;

/** One arXiv version of a paper and when it was submitted. */
public record PaperVersion(int version, Instant submitted) {}
