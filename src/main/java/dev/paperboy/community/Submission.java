package dev.paperboy.community;

import java.time.Instant;
import java.time.LocalDate;

/** A paper submitted to a day's list here by a user; the list shows it through a hub entry of hub {@code local}. */
public record Submission(String paperId, LocalDate day, long userId, Instant submittedAt) {}
