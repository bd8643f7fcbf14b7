package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A comment on the wire ({@code /api/papers/{id}/comments}, {@code /api/comments/{cid}}). {@code state} is
 * {@code visible}, or {@code deleted} / {@code hidden} for a placeholder kept above replies (then author, body and
 * html are null). {@code body} is the Markdown source, {@code html} the sanitised rendering the page shows. The names
 * are a public contract.
 */
@JsonPropertyOrder({"id", "paper", "reply_to", "state", "author", "body", "html", "created_at", "edited_at"})
public record CommentJson(
        @JsonProperty("id") long id,
        @JsonProperty("paper") String paper,
        @JsonProperty("reply_to") Long replyTo,
        @JsonProperty("state") String state,
        @JsonProperty("author") String author,
        @JsonProperty("body") String body,
        @JsonProperty("html") String html,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("edited_at") Instant editedAt) {

    /** A paper's discussion as anyone not signed in sees it: {@code count} comments shown, in thread order. */
    @JsonPropertyOrder({"paper", "count", "comments"})
    public record Thread(@JsonProperty("paper") String paper, @JsonProperty("count") int count,
            @JsonProperty("comments") List<CommentJson> comments) {}

    /** What deleting did: {@code removed}, or {@code placeholder} when replies keep it as "[deleted]". */
    @JsonPropertyOrder({"id", "result"})
    public record Deleted(@JsonProperty("id") long id, @JsonProperty("result") String result) {}
}
