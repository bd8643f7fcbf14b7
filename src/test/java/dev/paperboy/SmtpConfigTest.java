package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.Config.Key;
import dev.paperboy.mail.SmtpSettings;
import dev.paperboy.mail.SmtpSettings.Tls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SMTP settings: read like every other setting, checked with problems that name them, the password kept out of sight. */
class SmtpConfigTest {

    private static final String SECRET = "pa55-w0rd-never-shown";

    @Test
    void withoutAnSmtpHostThereAreNoSmtpSettingsAndNothingToComplainAbout() {
        Config c = Config.defaults();
        assertEquals(List.of(), c.validate());
        assertEquals(Optional.empty(), App.smtpSettings(c));
        assertEquals("starttls", c.get(Key.SMTP_TLS));
    }

    @Test
    void environmentAndFlagsGiveTheSettingsAndThePortFollowsTheTlsModeUnlessSet() {
        Config c = Config.load(Map.of("PAPERBOY_SMTP_HOST", "smtp.example.org", "PAPERBOY_SMTP_USERNAME", "bot",
                "PAPERBOY_SMTP_PASSWORD", SECRET, "PAPERBOY_SMTP_FROM", "Paperboy <papers@example.org>"),
                Map.of(Key.SMTP_TLS, "tls"));
        assertEquals(List.of(), c.validate());
        SmtpSettings s = App.smtpSettings(c).orElseThrow();
        assertEquals("smtp.example.org", s.host());
        assertEquals(465, s.port());
        assertEquals(Tls.TLS, s.tls());
        assertEquals("bot", s.username());
        assertEquals(SECRET, s.password());
        assertEquals("Paperboy <papers@example.org>", s.from());
        assertEquals(SmtpSettings.CONNECT_TIMEOUT, s.connectTimeout());

        assertEquals(587, App.smtpSettings(c.with(Key.SMTP_TLS, "starttls")).orElseThrow().port());
        assertEquals(25, App.smtpSettings(c.with(Key.SMTP_TLS, "none")).orElseThrow().port());
        assertEquals(2525, App.smtpSettings(c.with(Key.SMTP_PORT, "2525")).orElseThrow().port());
    }

    @Test
    void aBadTlsModeIsAProblemThatNamesTheSetting() {
        List<String> problems = Config.defaults().with(Key.SMTP_TLS, "ssl").validate();
        assertEquals(List.of("config: --smtp-tls / PAPERBOY_SMTP_TLS must be none, starttls or tls (got \"ssl\")"),
                problems);
        assertFalse(Config.defaults().with(Key.SMTP_TLS, "STARTTLS").validate().isEmpty(), "the value is lower case");
    }

    @Test
    void aBadPortIsAProblemThatNamesTheSetting() {
        for (String bad : List.of("0", "65536", "smtp", "-25")) {
            List<String> problems = Config.defaults().with(Key.SMTP_PORT, bad).validate();
            assertEquals(1, problems.size(), bad + ": " + problems);
            assertTrue(problems.getFirst().startsWith("config: --smtp-port / PAPERBOY_SMTP_PORT "), problems.toString());
        }
        assertEquals(List.of(), Config.defaults().with(Key.SMTP_PORT, "587").validate());
    }

    @Test
    void aHostWithASchemeOrAPortIsAProblemButAnIpv6AddressIsFine() {
        Config base = Config.defaults().with(Key.SMTP_FROM, "papers@example.org");
        assertTrue(base.with(Key.SMTP_HOST, "smtp://mail.example.org").validate().getFirst()
                .startsWith("config: --smtp-host / PAPERBOY_SMTP_HOST must be a host name"));
        assertTrue(base.with(Key.SMTP_HOST, "mail.example.org:587").validate().getFirst()
                .contains("without a port"));
        assertEquals(List.of(), base.with(Key.SMTP_HOST, "::1").validate());
    }

    @Test
    void settingsThatOnlyWorkTogetherAreCheckedOnceAHostIsSet() {
        Config host = Config.defaults().with(Key.SMTP_HOST, "smtp.example.org");
        assertEquals(List.of("config: --smtp-from / PAPERBOY_SMTP_FROM must be set when --smtp-host is "
                + "(the sender of sign-in links and digests)"), host.validate());

        Config withFrom = host.with(Key.SMTP_FROM, "papers@example.org");
        assertEquals(List.of("config: --smtp-password / PAPERBOY_SMTP_PASSWORD must be set when --smtp-username is"),
                withFrom.with(Key.SMTP_USERNAME, "bot").validate());
        assertEquals(List.of("config: --smtp-username / PAPERBOY_SMTP_USERNAME must be set when --smtp-password is"),
                withFrom.with(Key.SMTP_PASSWORD, SECRET).validate());
    }

    @Test
    void aSenderThatIsNotOneAddressIsAProblem() {
        for (String bad : List.of("papers", "a@example.org, b@example.org", "Paperboy <papers@example.org")) {
            List<String> problems = Config.defaults().with(Key.SMTP_FROM, bad).validate();
            assertEquals(1, problems.size(), bad + ": " + problems);
            assertTrue(problems.getFirst().startsWith("config: --smtp-from / PAPERBOY_SMTP_FROM "), problems.toString());
        }
    }

    @Test
    void thePasswordNeverAppearsInRedactedToStringOrProblems() {
        Config c = Config.defaults().with(Key.SMTP_HOST, "smtp.example.org").with(Key.SMTP_PASSWORD, SECRET)
                .with(Key.SMTP_TLS, "bogus");

        assertEquals("***", c.redacted().get("smtp-password"));
        assertFalse(c.redacted().toString().contains(SECRET));
        assertFalse(c.toString().contains(SECRET), c.toString());
        assertTrue(c.toString().contains("smtp-password=***"), c.toString());
        assertFalse(String.join("\n", c.validate()).contains(SECRET), c.validate().toString());
        assertEquals("", Config.defaults().redacted().get("smtp-password"), "an unset secret shows as empty");
    }
}
