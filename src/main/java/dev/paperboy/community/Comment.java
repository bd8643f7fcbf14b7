package dev.paperboy.community;

import java.time.Instant;
import java.util.Optional;

/**
 * A comment on a paper, or a reply to one ({@code parentId}: always a top-level comment). A deleted comment that
 * has replies stays as a placeholder: {@code deleted}, with an empty body; once its author deleted their account
 * it has no author either. {@code hidden} is set by a moderator: the body is kept, and pages leave it out.
 * {@code authorName} is the author's public name now ({@code account.User#publicName}).
 */
public record Comment(long id, String paperId, Optional<Long> authorId, Optional<String> authorName,
        Optional<Long> parentId, String body, Instant createdAt, Optional<Instant> editedAt, boolean deleted,
        boolean hidden) {

    public boolean edited() {
        return editedAt.isPresent();
    }

    public boolean isReply() {
        return parentId.isPresent();
    }
}
