package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestPapers;
import dev.paperboy.account.User;
import dev.paperboy.community.Submissions.Accepted;
import dev.paperboy.community.Submissions.Problem;
import dev.paperboy.community.Submissions.Refused;
import dev.paperboy.ingest.http.ReplayServer;
import dev.paperboy.ingest.http.ReplayServer.Reply;
import dev.paperboy.ingest.http.SimulatedTime;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Submitting through the app's wiring: real SQLite, the harvesters' arXiv API client and polite fetcher talking to a
 * local HTTP server that replays arXiv's answers.
 */
class SubmissionsTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/community/api-id_list-2401.12345.xml");
    static final Path SHARED = Path.of("../shared/data/fixtures");

    @TempDir
    Path dir;

    private ReplayServer arxiv;
    private final SimulatedTime clock = new SimulatedTime(Instant.parse("2026-12-01T21:30:00Z"));
    private App app;
    private User ada;
    private User bob;

    @BeforeEach
    void open() throws Exception {
        arxiv = new ReplayServer();
        app = open(Map.of("PAPERBOY_SUBMIT_DAILY_LIMIT", "2"));
        ada = app.accounts().users().findOrCreate("ada@example.org");
        bob = app.accounts().users().findOrCreate("bob@example.org");
    }

    private App open(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PAPERBOY_DATA", dir.toString(),
                "PAPERBOY_ARXIV_API_URL", arxiv.url("/api/query"),
                "PAPERBOY_HARVEST_INTERVAL_SECONDS", "0.05",
                "PAPERBOY_HARVEST_READ_TIMEOUT_SECONDS", "5",
                "PAPERBOY_HARVEST_ENABLED", "false"));
        env.putAll(extra);
        return App.open(Config.load(env, Map.of()), clock);
    }

    @AfterEach
    void close() {
        app.close();
        arxiv.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2401.12345", "2401.12345v2", "arXiv:2401.12345", "https://arxiv.org/abs/2401.12345v3",
        "/pdf/2401.12345.pdf", "http://export.arxiv.org/abs/2401.12345", "https://huggingface.co/papers/2401.12345",
        "  https://arxiv.org/abs/2401.12345/  ", "https://arxiv.org/pdf/2401.12345v1.pdf",
    })
    void everyPastedFormSubmitsThePaperFetchedFromArxiv(String pasted) throws Exception {
        arxiv.enqueue(Reply.xml(FIXTURE));

        Accepted a = assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), pasted));

        assertTrue(a.isNew());
        assertTrue(a.fetched());
        assertEquals("2401.12345", a.submission().paperId());
        assertEquals(LocalDate.parse("2026-12-01"), a.submission().day());
        assertEquals("Submitted Papers Deserve Tests", a.paper().title());
        // The latest version is asked for whatever version was pasted: the submission is of the paper.
        assertEquals("2401.12345", arxiv.hits().getFirst().param("id_list"));
        Paper stored = app.papers().find("2401.12345").orElseThrow();
        HubEntry local = stored.hubEntries().stream().filter(e -> e.hub().equals(HubEntry.LOCAL)).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.parse("2026-12-01"), local.listDate());
        assertEquals(ada.publicName(), local.submitter());
    }

    @Test
    void oldStyleIdsWithASubjectClassAreSubmittedUnderTheArchiveId() throws Exception {
        app.papers().upsert(TestPapers.simple("math/0309136", "Old Style", "2003-09-08T12:00:00Z"));
        Accepted a = assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "math.GT/0309136"));
        assertEquals("math/0309136", a.submission().paperId());
        assertFalse(a.fetched(), "a stored paper is not fetched again");
        assertTrue(arxiv.hits().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "https://example.org/abs/2401.12345", "2401.1234", "1413.12345"})
    void textThatIsNoArxivIdIsRefusedWithoutAskingArxiv(String pasted) throws Exception {
        Refused r = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), pasted));
        assertEquals(Problem.NOT_AN_ARXIV_ID, r.problem());
        assertTrue(r.message().contains("is not an arXiv id or URL"), r.message());
        assertTrue(arxiv.hits().isEmpty());
    }

    @Test
    void anIdArxivDoesNotKnowIsAClearRefusalAndStoresNothing() throws Exception {
        arxiv.enqueue(Reply.xml("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/empty</id>
                  <title>arXiv Query: id_list=2401.99999</title>
                  <updated>2026-12-01T00:00:00Z</updated>
                  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
                  <opensearch:totalResults>0</opensearch:totalResults>
                  <opensearch:startIndex>0</opensearch:startIndex>
                </feed>
                """));
        Refused r = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), "2401.99999"));
        assertEquals(Problem.NOT_ON_ARXIV, r.problem());
        assertEquals("arXiv has no paper 2401.99999.", r.message());
        assertEquals(0, app.papers().count());
        assertEquals(0, app.community().submissions().countOn(ada.id(), LocalDate.parse("2026-12-01")));
    }

    @Test
    void anIdArxivRejectsIsNotOnArxivEither() throws Exception {
        arxiv.enqueue(Reply.xml("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/error</id>
                  <title>arXiv Query: id_list=2401.99999</title>
                  <updated>2026-12-01T00:00:00Z</updated>
                  <opensearch:totalResults>1</opensearch:totalResults>
                  <opensearch:startIndex>0</opensearch:startIndex>
                  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
                  <entry>
                    <id>https://arxiv.org/api/errors#incorrect_id_format_for_2401.99999</id>
                    <title>Error</title>
                    <summary>incorrect id format for 2401.99999</summary>
                    <updated>2026-12-01T00:00:00Z</updated>
                    <author><name>arXiv api core</name></author>
                  </entry>
                </feed>
                """));
        Refused r = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), "2401.99999"));
        assertEquals(Problem.NOT_ON_ARXIV, r.problem());
        assertEquals(0, app.papers().count());
    }

    @Test
    void arxivUnavailableIsARetryableRefusalAfterTwoAttemptsAndStoresNothing() throws Exception {
        Reply busy = Reply.status(503, Map.of("Retry-After", "0"));
        arxiv.enqueue(busy, busy, Reply.xml(FIXTURE));

        Refused r = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), "2401.12345"));

        assertEquals(Problem.ARXIV_UNAVAILABLE, r.problem());
        assertTrue(r.message().startsWith("arXiv could not be reached to look up 2401.12345; nothing was submitted."),
                r.message());
        assertEquals(Optional.of(Submissions.RETRY_ARXIV_AFTER), r.retryAfter());
        assertEquals(2, arxiv.hits().size(), "a person waits: two attempts, not the harvest's five");
        assertEquals(0, app.papers().count());
        assertEquals(0, app.community().submissions().countOn(ada.id(), LocalDate.parse("2026-12-01")));

        // Trying again works.
        assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "2401.12345"));
    }

    @Test
    void anAnswerCutOffMidwayStoresNothing() throws Exception {
        String whole = Files.readString(FIXTURE);
        arxiv.enqueue(Reply.xml(whole.substring(0, whole.indexOf("<summary>"))));
        Refused r = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), "2401.12345"));
        assertEquals(Problem.ARXIV_UNAVAILABLE, r.problem());
        assertEquals(0, app.papers().count());
        assertEquals(Optional.empty(), app.community().submissions().find("2401.12345", LocalDate.parse("2026-12-01")));
    }

    @Test
    void aPaperIsOnADaysListOncePerDayAndARepeatCountsTowardNoLimit() throws Exception {
        arxiv.enqueue(Reply.xml(FIXTURE));
        Accepted first = assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "2401.12345"));
        Accepted again = assertInstanceOf(Accepted.class,
                app.submissions().submit(bob.id(), "https://arxiv.org/abs/2401.12345v3"));

        assertTrue(first.isNew());
        assertFalse(again.isNew());
        assertFalse(again.fetched());
        assertEquals(ada.id(), again.submission().userId(), "the first submitter keeps it");
        assertEquals(1, arxiv.hits().size());
        assertEquals(0, app.community().submissions().countOn(bob.id(), LocalDate.parse("2026-12-01")));

        // The next day (UTC) it can be submitted again.
        clock.advance(Duration.ofHours(3));
        Accepted tomorrow = assertInstanceOf(Accepted.class, app.submissions().submit(bob.id(), "2401.12345"));
        assertTrue(tomorrow.isNew());
        assertEquals(LocalDate.parse("2026-12-02"), tomorrow.submission().day());
    }

    @Test
    void beyondTheDailyLimitASubmissionIsRefusedUntilMidnightUtcWithoutAskingArxiv() throws Exception {
        for (String id : List.of("2611.00001", "2611.00002", "2611.00003")) {
            app.papers().upsert(TestPapers.simple(id, "Paper " + id, "2026-11-30T12:00:00Z"));
        }
        assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "2611.00001"));
        assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "2611.00002"));

        Refused stored = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), "2611.00003"));
        Refused unknown = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), "2401.12345"));

        assertEquals(Problem.LIMIT_REACHED, stored.problem());
        assertEquals(Optional.of(Duration.ofMinutes(150)), stored.retryAfter(), "21:30 UTC to midnight");
        assertTrue(stored.message().contains("You have submitted 2 papers today"), stored.message());
        assertEquals(Problem.LIMIT_REACHED, unknown.problem());
        assertTrue(arxiv.hits().isEmpty(), "no look-up for a submission that cannot be made");
        // A paper already on today's list is still accepted (as a repeat), and others' limits are their own.
        assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "2611.00001"));
        assertInstanceOf(Accepted.class, app.submissions().submit(bob.id(), "2611.00003"));
        clock.advance(Duration.ofMinutes(150));
        assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "2611.00002"));
    }

    @Test
    void theDailyLimitDefaultsToTen() {
        try (App defaults = App.open(Config.load(Map.of("PAPERBOY_DATA", dir.resolve("other").toString()), Map.of()),
                clock)) {
            assertEquals(10, defaults.submissions().dailyLimit());
        }
        assertEquals(2, app.submissions().dailyLimit());
    }

    @Test
    void aBlockedUserIsRefused() throws Exception {
        app.papers().upsert(TestPapers.simple("2611.00001", "Paper", "2026-11-30T12:00:00Z"));
        app.community().moderation().blockUser(Optional.empty(), ada.id(), "spam");
        Refused r = assertInstanceOf(Refused.class, app.submissions().submit(ada.id(), "2611.00001"));
        assertEquals(Problem.BLOCKED, r.problem());
    }

    @Test
    void aRecordedArxivIdListAnswerIsSubmitted() throws Exception {
        Path recorded = SHARED.resolve("arxiv-api-2016-classic-id_list-1111.2011v2.xml");
        assumeTrue(Files.isRegularFile(recorded), "shared test data absent: " + recorded);
        arxiv.enqueue(Reply.xml(recorded));

        Accepted a = assertInstanceOf(Accepted.class, app.submissions().submit(ada.id(), "arXiv:1111.2011v2"));

        assertEquals("1111.2011", a.submission().paperId());
        assertTrue(a.paper().title().startsWith("Quantum Criticality for Extended Nodes"), a.paper().title());
        assertEquals("1111.2011", arxiv.hits().getFirst().param("id_list"));
    }
}
