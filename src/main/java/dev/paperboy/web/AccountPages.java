package dev.paperboy.web;

import dev.paperboy.account.AccessToken;
import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.LoginTokenStore;
import dev.paperboy.account.User;
import dev.paperboy.account.UserStore;
import dev.paperboy.community.AccountDeletion;
import dev.paperboy.mail.Mail;
import dev.paperboy.mail.MailException;
import dev.paperboy.mail.Mailer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in by emailed link, signing out, and the settings page (docs/accounts.md). The routes add themselves to
 * the route table ({@link #addTo}).
 */
public final class AccountPages {
    private static final Logger log = LoggerFactory.getLogger(AccountPages.class);

    /** Sign-in links per address per window, counted in the store so that every serve process sees them all. */
    public static final int LINKS_PER_ADDRESS = 5;
    /** Sign-in requests per client address per window, counted in this process. */
    public static final int LINKS_PER_IP = 20;
    /** The window of both sign-in limits: a link's lifetime. */
    public static final Duration LINK_WINDOW = LoginTokenStore.LIFETIME;

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String NO_STORE = "no-store";

    private final Visitors visitors;
    private final UserStore users;
    private final LoginTokenStore loginTokens;
    private final AccessTokenStore accessTokens;
    private final AccountDeletion deletion;
    private final AccountExport export;
    private final Mailer mailer;
    private final Templates templates;
    private final Clock clock;
    private final String baseUrl;
    private final RateLimiter perIp;

    public AccountPages(Visitors visitors, UserStore users, LoginTokenStore loginTokens, AccessTokenStore accessTokens,
            AccountDeletion deletion, AccountExport export, Mailer mailer, Templates templates, Clock clock,
            String baseUrl) {
        this.visitors = visitors;
        this.users = users;
        this.loginTokens = loginTokens;
        this.accessTokens = accessTokens;
        this.deletion = deletion;
        this.export = export;
        this.mailer = mailer;
        this.templates = templates;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.perIp = new RateLimiter(clock, LINKS_PER_IP, LINK_WINDOW);
    }

    /** The account routes; every POST here is CSRF-checked before it runs (Routes). */
    void addTo(RoutesConfig r) {
        Routes.get(r, "/signin", this::showSignInPage);
        r.post("/signin", this::sendSignInLink);
        Routes.get(r, "/signin/{token}", this::showSignInLinkPage);
        r.post("/signin/{token}", this::signIn);
        r.post("/signout", this::signOut);
        r.post("/signout/everywhere", this::signOutEverywhere);
        Routes.get(r, "/settings", this::showSettingsPage);
        Routes.get(r, "/settings/export.json", this::sendExport);
        r.post("/settings/name", this::rename);
        r.post("/settings/tokens", this::createToken);
        r.post("/settings/tokens/{id}/revoke", this::revokeToken);
        r.post("/settings/delete", this::deleteAccount);
    }

    /** GET /signin: the form. */
    void showSignInPage(Context ctx) {
        String as = visitors.signedIn(ctx).map(SignedIn::name).orElse("");
        noStore(ctx);
        templates.send(ctx, 200, "signin.jte",
                new AccountViews.SignInView(SafeNext.of(ctx.queryParam("next")), "", "", false, as));
    }

    /**
     * POST /signin: mails a link bound to this browser. The answer is the same whether or not the address has an
     * account (signing in creates one), so it tells nobody which addresses are known.
     */
    void sendSignInLink(Context ctx) {
        String next = SafeNext.of(ctx.formParam("next"));
        String typed = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
        String email;
        try {
            email = User.normaliseEmail(typed);
        } catch (IllegalArgumentException e) {
            noStore(ctx);
            templates.send(ctx, 400, "signin.jte", new AccountViews.SignInView(next, typed,
                    "That does not look like an email address; check it and try again.", false, ""));
            return;
        }
        perIp.acquireOrThrow(ctx.ip(), "Too many sign-in links were asked for from your network; try again later.");
        Instant since = clock.instant().minus(LINK_WINDOW);
        if (loginTokens.issuedSince(email, since) >= LINKS_PER_ADDRESS) {
            throw new TooManyRequests(LINK_WINDOW, "Too many sign-in links were sent to this address; use the "
                    + "newest one, or try again in " + LINK_WINDOW.toMinutes() + " minutes.");
        }
        loginTokens.deleteExpired(); // swept where they are made; the count above only looks at live ones
        LoginTokenStore.LoginLink link = loginTokens.issue(email, true);
        Cookies c = visitors.cookies();
        c.set(ctx, c.signInNonce(), link.browserNonce().orElseThrow(), "/signin", LoginTokenStore.LIFETIME);
        String url = baseUrl + "/signin/" + link.token() + (next.equals("/") ? ""
                : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        try {
            mailer.send(signInMail(email, url));
        } catch (MailException e) {
            log.warn("account: unable to send a sign-in link: {}", e.getMessage());
            noStore(ctx);
            templates.send(ctx, 503, "notice.jte", new AccountViews.NoticeView("Mail is not working",
                    "The sign-in link could not be sent just now. Try again in a few minutes.", "/signin", "Try again"));
            return;
        }
        noStore(ctx);
        templates.send(ctx, 200, "signin.jte", new AccountViews.SignInView(next, email, "", true, ""));
    }

    /** The mail with the link; also what {@code paperboy user login-link} prints, minus the browser binding. */
    Mail signInMail(String email, String url) {
        return Mail.of(email, "Sign in to Paperboy", """
                Someone, hopefully you, asked to sign in to Paperboy (%s) with this address.

                Open this link in the same browser within %d minutes to sign in. It works once:

                %s

                If you did not ask, ignore this mail: nothing happens without the link.
                """.formatted(baseUrl, LoginTokenStore.LIFETIME.toMinutes(), url));
    }

    /** GET /signin/{token}: a button, not the sign-in itself, so that mail scanners following links use nothing up. */
    void showSignInLinkPage(Context ctx) {
        noStore(ctx);
        ctx.header("Referrer-Policy", "no-referrer");
        templates.send(ctx, 200, "signin-link.jte", new AccountViews.SignInLinkView(
                "/signin/" + URLEncoder.encode(ctx.pathParam("token"), StandardCharsets.UTF_8),
                SafeNext.of(ctx.queryParam("next"))));
    }

    /** POST /signin/{token}: redeems the link in the browser that asked for it, starts a new session, goes to next. */
    void signIn(Context ctx) {
        Cookies c = visitors.cookies();
        Optional<String> nonce = Optional.ofNullable(ctx.cookie(c.signInNonce())).filter(s -> !s.isEmpty());
        LoginTokenStore.Redemption r = loginTokens.redeem(ctx.pathParam("token"), nonce);
        noStore(ctx);
        switch (r.outcome()) {
            case SIGNED_IN -> {
                User user = users.findOrCreate(r.email().orElseThrow());
                if (user.blocked()) {
                    notice(ctx, 403, "Account blocked", "This account is blocked and cannot sign in.");
                    return;
                }
                visitors.startSession(ctx, user.id());
                c.clear(ctx, c.signInNonce(), "/signin");
                ctx.redirect(SafeNext.of(ctx.formParam("next")), HttpStatus.SEE_OTHER);
            }
            case USED -> notice(ctx, 410, "Link already used",
                    "This sign-in link was used already; each link works once. Ask for a new one.");
            case EXPIRED -> notice(ctx, 410, "Link expired",
                    "This sign-in link is more than " + LoginTokenStore.LIFETIME.toMinutes()
                            + " minutes old. Ask for a new one.");
            case OTHER_BROWSER -> notice(ctx, 403, "Open the link where you asked for it",
                    "This sign-in link works only in the browser where it was asked for (and only the newest link "
                            + "asked for there). Open it there, or ask for a new link in this browser.");
            case UNKNOWN -> notice(ctx, 404, "Unknown link",
                    "This sign-in link is not valid; check that the whole link was copied, or ask for a new one.");
        }
    }

    /** POST /signout. */
    void signOut(Context ctx) {
        visitors.endSession(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** POST /signout/everywhere: ends every session of the user, this one included. */
    void signOutEverywhere(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        int n = visitors.endAllSessions(ctx, me.id());
        noStore(ctx);
        notice(ctx, 200, "Signed out everywhere",
                "All your sessions (" + n + ") have ended, on every device.");
    }

    /** GET /settings. */
    void showSettingsPage(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        String saved = "name".equals(ctx.queryParam("saved")) ? "Your name is saved."
                : "revoked".equals(ctx.queryParam("saved")) ? "The token is revoked." : "";
        sendSettings(ctx, 200, me.user(), me.admin(), "", "", saved, "");
    }

    /** POST /settings/name. */
    void rename(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        try {
            users.rename(me.id(), name);
        } catch (IllegalArgumentException e) {
            sendSettings(ctx, 400, me.user(), me.admin(), "", "", "",
                    "A name can be at most " + User.MAX_DISPLAY_NAME + " characters, without control characters.");
            return;
        }
        ctx.redirect("/settings?saved=name", HttpStatus.SEE_OTHER);
    }

    /** POST /settings/tokens: makes a token and shows its secret this once (in the page, never in a URL). */
    void createToken(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        if (name.isEmpty() || name.length() > AccessTokenStore.MAX_NAME) {
            sendSettings(ctx, 400, me.user(), me.admin(), "", "", "",
                    "A token needs a name of 1 to " + AccessTokenStore.MAX_NAME + " characters.");
            return;
        }
        AccessTokenStore.NewToken t = accessTokens.create(me.id(), name);
        sendSettings(ctx, 200, me.user(), me.admin(), t.token().name(), t.secret(), "", "");
    }

    /** POST /settings/tokens/{id}/revoke: only one's own tokens; anyone else's is 404, as if it did not exist. */
    void revokeToken(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no such token.");
        }
        if (!accessTokens.revoke(me.id(), id)) throw new NotFoundResponse("You have no such token (or it is revoked).");
        ctx.redirect("/settings?saved=revoked", HttpStatus.SEE_OTHER);
    }

    /** GET /settings/export.json: the user's data as a JSON download. */
    void sendExport(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        noStore(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"paperboy-account-" + me.id() + ".json\"");
        ctx.contentType(ErrorPages.JSON).result(export.of(me.user(), me.admin()));
    }

    /** POST /settings/delete: deletes the account when the confirmation is the account's address. */
    void deleteAccount(Context ctx) {
        SignedIn me = visitors.requireSignedIn(ctx);
        String confirm = Optional.ofNullable(ctx.formParam("confirm")).orElse("").strip().toLowerCase(Locale.ROOT);
        if (!confirm.equals(me.user().email())) {
            sendSettings(ctx, 400, me.user(), me.admin(), "", "", "",
                    "To delete your account, type its email address exactly; nothing was deleted.");
            return;
        }
        deletion.delete(me.id());
        visitors.endSession(ctx);
        noStore(ctx);
        notice(ctx, 200, "Account deleted", "Your account and what it held here are deleted. Goodbye.");
    }

    private void sendSettings(Context ctx, int status, User stale, boolean admin, String newName, String secret,
            String notice, String problem) {
        User user = users.find(stale.id()).orElse(stale);
        List<AccountViews.TokenRow> tokens = accessTokens.ofUser(user.id()).stream().map(AccountPages::row).toList();
        noStore(ctx);
        templates.send(ctx, status, "settings.jte", new AccountViews.SettingsView(user.publicName(),
                user.displayName(), user.email(), admin, tokens, newName, secret, notice, problem));
    }

    private static AccountViews.TokenRow row(AccessToken t) {
        return new AccountViews.TokenRow(t.id(), t.name(), MINUTE.format(t.createdAt()),
                t.lastUsedAt().map(MINUTE::format).orElse("never"), t.revoked());
    }

    private void notice(Context ctx, int status, String title, String message) {
        templates.send(ctx, status, "notice.jte", new AccountViews.NoticeView(title, message,
                status == 200 ? "/" : "/signin", status == 200 ? "Back to the papers" : "Ask for a new sign-in link"));
    }

    /** Account pages hold personal data or secrets: never stored by any cache. */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", NO_STORE);
    }
}
