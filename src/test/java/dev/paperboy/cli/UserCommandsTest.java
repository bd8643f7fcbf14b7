package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.account.LoginTokenStore;
import dev.paperboy.account.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy user …} over the real store in a temp dir (docs/accounts.md). */
class UserCommandsTest {

    @TempDir
    Path data;

    private Map<String, String> env() {
        return Map.of("PAPERBOY_DATA", data.toString(), "PAPERBOY_BASE_URL", "https://papers.example.org/");
    }

    @Test
    void addCreatesTheStoreAndAnAccountAndIsIdempotent() {
        var r = CliRun.run(env(), "user", "add", "Ada@Example.org", "--name", "Ada");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("created user 1 ada@example.org"), r.out());

        var again = CliRun.run(env(), "user", "add", "ada@example.org", "--admin");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("now an admin"), again.out());
        try (App app = CliRun.open(env())) {
            User ada = app.accounts().users().findByEmail("ada@example.org").orElseThrow();
            assertEquals("Ada", ada.displayName());
            assertTrue(ada.admin());
        }
    }

    @Test
    void aNonAddressIsAUsageError() {
        var r = CliRun.run(env(), "user", "add", "not-an-address");
        assertEquals(2, r.exitCode());
        assertEquals("paperboy user add: \"not-an-address\" is not an email address", r.err().strip());
    }

    @Test
    void loginLinkPrintsASingleUseLinkThatIsNotBoundToABrowser() {
        CliRun.run(env(), "user", "add", "ada@example.org");

        var r = CliRun.run(env(), "user", "login-link", "ada@example.org");

        assertEquals(0, r.exitCode(), r.err());
        String link = r.out().strip();
        assertTrue(link.startsWith("https://papers.example.org/signin/"), link);
        String token = link.substring(link.lastIndexOf('/') + 1);
        try (App app = CliRun.open(env())) {
            LoginTokenStore tokens = app.accounts().loginTokens();
            var first = tokens.redeem(token, Optional.empty());
            assertTrue(first.signedIn(), first.toString());
            assertEquals(Optional.of("ada@example.org"), first.email());
            assertEquals(LoginTokenStore.Outcome.USED, tokens.redeem(token, Optional.empty()).outcome());
        }
    }

    @Test
    void tokenPrintsANewAccessTokenOnceForAnExistingAccount() {
        CliRun.run(env(), "user", "add", "ada@example.org");

        var r = CliRun.run(env(), "user", "token", "ada@example.org", "--name", "backup script");

        assertEquals(0, r.exitCode(), r.err());
        String secret = r.out().strip();
        assertTrue(secret.startsWith("pb_"), secret);
        try (App app = CliRun.open(env())) {
            var auth = app.accounts().accessTokens().authenticate(secret).orElseThrow();
            assertEquals("ada@example.org", auth.user().email());
            assertEquals("backup script", auth.token().name());
        }
        var unknown = CliRun.run(env(), "user", "token", "bob@example.org");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("no account for bob@example.org"), unknown.err());
    }

    @Test
    void listShowsEveryAccountWithRolesFromTheFlagAndTheAdminsSetting() {
        CliRun.run(env(), "user", "add", "ada@example.org", "--name", "Ada");
        CliRun.run(env(), "user", "add", "bob@example.org");
        CliRun.run(env(), "user", "add", "root@example.org", "--admin");
        CliRun.run(env(), "user", "block", "bob@example.org", "--reason", "spam");

        var r = CliRun.run(env(), "user", "list", "--admins", "ADA@example.org");

        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("id\temail\tname\troles\tcreated", lines.get(0));
        assertEquals("1\tada@example.org\tAda\tadmin\t2026-01-02 03:04", lines.get(1));
        assertEquals("2\tbob@example.org\t\tblocked\t2026-01-02 03:04", lines.get(2));
        assertEquals("3\troot@example.org\t\tadmin\t2026-01-02 03:04", lines.get(3));
    }

    @Test
    void blockAndUnblockAreRecordedModerationActs() {
        CliRun.run(env(), "user", "add", "bob@example.org");
        String session;
        try (App app = CliRun.open(env())) {
            session = app.accounts().sessions().create(app.accounts().users().findByEmail("bob@example.org").orElseThrow().id());
        }

        var blocked = CliRun.run(env(), "user", "block", "bob@example.org", "--reason", "spam");
        assertEquals(0, blocked.exitCode(), blocked.err());
        try (App app = CliRun.open(env())) {
            assertTrue(app.accounts().users().findByEmail("bob@example.org").orElseThrow().blocked());
            assertTrue(app.accounts().sessions().find(session).isEmpty(), "the session ended");
            var log = app.community().moderation().log(10, 0);
            assertEquals(1, log.size());
            assertTrue(log.getFirst().toString().contains("spam"), log.toString());
        }

        var unblocked = CliRun.run(env(), "user", "unblock", "bob@example.org");
        assertEquals(0, unblocked.exitCode(), unblocked.err());
        try (App app = CliRun.open(env())) {
            assertFalse(app.accounts().users().findByEmail("bob@example.org").orElseThrow().blocked());
            assertEquals(2, app.community().moderation().log(10, 0).size());
        }
    }

    @Test
    void commandsOtherThanAddNeedAnExistingStore() {
        var r = CliRun.run(env(), "user", "list");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("paperboy user list: no store in"), r.err());
    }

    @Test
    void userAloneShowsItsSubcommands() {
        var r = CliRun.run(env(), "user");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("login-link") && r.err().contains("unblock"), r.err());
    }
}
