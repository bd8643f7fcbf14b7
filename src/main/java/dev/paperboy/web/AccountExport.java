package dev.paperboy.web;

import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.User;
import dev.paperboy.api.Json;
import dev.paperboy.community.CollectionStore;
import dev.paperboy.community.CommentStore;
import dev.paperboy.community.PaperCollection;
import dev.paperboy.community.SubmissionStore;
import dev.paperboy.community.VoteStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Export my data": everything one user has here as one JSON document, read only through the stores' per-user
 * queries (their own votes, comments, collections with papers, submissions, token names), so nobody else's data
 * can be in it.
 */
public final class AccountExport {

    /** Far more than anyone writes; the stores want a limit. */
    static final int MAX_ITEMS = 1_000_000;
    private static final int PAGE = 1_000;

    private final VoteStore votes;
    private final CommentStore comments;
    private final CollectionStore collections;
    private final SubmissionStore submissions;
    private final AccessTokenStore tokens;
    private final Json json;
    private final Clock clock;

    public AccountExport(VoteStore votes, CommentStore comments, CollectionStore collections,
            SubmissionStore submissions, AccessTokenStore tokens, Json json, Clock clock) {
        this.votes = votes;
        this.comments = comments;
        this.collections = collections;
        this.submissions = submissions;
        this.tokens = tokens;
        this.json = json;
        this.clock = clock;
    }

    // The document's records: plain values and nulls (no Optional), so the JSON reads without explanation.
    public record Document(String format, Instant exportedAt, Account account, List<VoteJson> votes,
            List<CommentJson> comments, List<CollectionJson> collections, List<SubmissionJson> submissions,
            List<TokenJson> accessTokens) {}

    public record Account(long id, String email, String displayName, String publicName, boolean admin, Instant createdAt) {}

    public record VoteJson(String paperId, Instant at) {}

    public record CommentJson(long id, String paperId, Long replyTo, String body, Instant createdAt, Instant editedAt,
            boolean hidden) {}

    public record CollectionJson(long id, String name, String description, boolean isPublic, Instant createdAt,
            Instant updatedAt, List<EntryJson> papers) {}

    public record EntryJson(String paperId, Instant addedAt) {}

    public record SubmissionJson(String paperId, LocalDate day, Instant submittedAt) {}

    public record TokenJson(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    /** The user's data as JSON. */
    String of(User user, boolean admin) {
        long id = user.id();
        List<CollectionJson> mine = new ArrayList<>();
        for (PaperCollection c : collections.ofOwner(id, Optional.of(id))) {
            List<EntryJson> entries = new ArrayList<>();
            for (int offset = 0; ; offset += PAGE) {
                List<CollectionStore.Entry> page = collections.papers(c.id(), Optional.of(id), PAGE, offset)
                        .orElse(List.of());
                page.forEach(e -> entries.add(new EntryJson(e.paperId(), e.addedAt())));
                if (page.size() < PAGE) break;
            }
            mine.add(new CollectionJson(c.id(), c.name(), c.description(), c.isPublic(), c.createdAt(), c.updatedAt(),
                    entries));
        }
        Document d = new Document("paperboy-account-export/1", clock.instant(),
                new Account(id, user.email(), user.displayName(), user.publicName(), admin, user.createdAt()),
                votes.ofUser(id).stream().map(v -> new VoteJson(v.paperId(), v.at())).toList(),
                comments.ofUser(id, MAX_ITEMS).stream().map(c -> new CommentJson(c.id(), c.paperId(),
                        c.parentId().orElse(null), c.body(), c.createdAt(), c.editedAt().orElse(null), c.hidden()))
                        .toList(),
                mine,
                submissions.ofUser(id, MAX_ITEMS).stream()
                        .map(s -> new SubmissionJson(s.paperId(), s.day(), s.submittedAt())).toList(),
                tokens.ofUser(id).stream().map(t -> new TokenJson(t.id(), t.name(), t.createdAt(),
                        t.lastUsedAt().orElse(null), t.revokedAt().orElse(null))).toList());
        return json.write(d);
    }
}
