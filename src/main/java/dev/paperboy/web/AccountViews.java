package dev.paperboy.web;

import java.util.List;

/** What the account pages render (sign-in, the link page, notices, settings); text is escaped by the templates. */
public final class AccountViews {
    private AccountViews() {}

    /** The sign-in form, or (when {@code sent}) "check your inbox"; {@code problem} is shown above the form. */
    public record SignInView(String next, String email, String problem, boolean sent, String signedInAs) {
        public boolean hasProblem() {
            return problem != null && !problem.isEmpty();
        }
    }

    /** The page a sign-in link opens: one button that posts to {@code action} (mail scanners only follow links). */
    public record SignInLinkView(String action, String next) {}

    /** A short page that says what happened, with a link onward. */
    public record NoticeView(String title, String message, String linkHref, String linkLabel) {}

    /** The settings page of the signed-in user; {@code newSecret} is a token just made, shown this once. */
    public record SettingsView(String name, String displayName, String email, boolean admin, List<TokenRow> tokens,
            String newTokenName, String newSecret, String notice, String problem) {
        public boolean hasNewSecret() {
            return newSecret != null && !newSecret.isEmpty();
        }

        public boolean hasNotice() {
            return notice != null && !notice.isEmpty();
        }

        public boolean hasProblem() {
            return problem != null && !problem.isEmpty();
        }
    }

    /** One personal access token (never its secret). */
    public record TokenRow(long id, String name, String created, String lastUsed, boolean revoked) {}
}
