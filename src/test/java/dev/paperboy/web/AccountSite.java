package dev.paperboy.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Config.Key;
import dev.paperboy.MovableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A real server (App over SQLite in a temp dir) whose mails go to a real SMTP server (GreenMail), with a clock the
 * test moves, and browsers: HTTP clients with their own cookie jars that do not follow redirects.
 */
final class AccountSite implements AutoCloseable {

    final MovableClock clock = new MovableClock(Instant.parse("2026-05-06T07:08:09Z"));
    final App app;
    final String base;
    private final GreenMailExtension smtp;
    // Messages already read (or there before this site): GreenMail lists messages by mailbox, not by arrival, so an
    // index into getReceivedMessages() does not say which ones are new.
    private final java.util.Set<String> mailsRead = new java.util.HashSet<>();

    AccountSite(Path data, GreenMailExtension smtp, Map<Key, String> more) {
        this.smtp = smtp;
        // Mails an earlier test left on a shared server are not this site's: read only what arrives from now on.
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) mailsRead.add(m.getMessageID());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        Config config = Config.defaults()
                .with(Key.DATA, data.toString())
                .with(Key.HOST, "127.0.0.1")
                .with(Key.PORT, "0")
                .with(Key.EMBED, "false")
                .with(Key.HARVEST_ENABLED, "false")
                .with(Key.SMTP_HOST, "127.0.0.1")
                .with(Key.SMTP_PORT, Integer.toString(smtp.getSmtp().getPort()))
                .with(Key.SMTP_TLS, "none")
                .with(Key.SMTP_FROM, "Paperboy <papers@example.org>");
        for (var e : more.entrySet()) config = config.with(e.getKey(), e.getValue());
        app = App.open(config, clock);
        base = "http://127.0.0.1:" + app.startWeb().port();
    }

    Browser browser() {
        return new Browser();
    }

    /** The path and query of the newest sign-in link mailed to {@code to} (waits for it to arrive). */
    String linkMailedTo(String to) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] all = smtp.getReceivedMessages();
            for (int i = all.length - 1; i >= 0; i--) {
                if (!mailsRead.contains(all[i].getMessageID()) && all[i].getAllRecipients()[0].toString().equals(to)) {
                    mailsRead.add(all[i].getMessageID());
                    Matcher m = Pattern.compile("https?://[^/\\s]+(/signin/\\S+)").matcher(text(all[i]));
                    if (!m.find()) throw new AssertionError("no sign-in link in the mail: " + text(all[i]));
                    return m.group(1);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no mail to " + to + " arrived");
    }

    static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof String s ? s : com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
    }

    @Override
    public void close() {
        app.close();
    }

    /** One browser: a cookie jar, no redirects followed. */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form (pairs of name, value) as it is, without adding a token. */
        HttpResponse<String> postRaw(String path, String... fields) throws Exception {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                if (!body.isEmpty()) body.append('&');
                body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form with the CSRF token of the page at {@code pagePath}, as a person using that page would. */
        HttpResponse<String> post(String pagePath, String path, String... fields) throws Exception {
            String token = csrfOf(get(pagePath).body());
            String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
            all[fields.length] = "csrf";
            all[fields.length + 1] = token;
            return postRaw(path, all);
        }

        /** Asks for a link for {@code email}, then opens the mailed link and presses its button; returns that answer. */
        HttpResponse<String> signIn(String email) throws Exception {
            var asked = post("/signin", "/signin", "email", email);
            if (asked.statusCode() != 200) throw new AssertionError("asking for a link: " + asked.statusCode());
            String link = linkMailedTo(email.toLowerCase(java.util.Locale.ROOT));
            return post(link, pathOf(link));
        }

        Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst();
        }

        void setCookie(String name, String value) {
            HttpCookie c = new HttpCookie(name, value);
            c.setPath("/");
            c.setVersion(0);
            cookies.getCookieStore().add(URI.create(base), c);
        }

        String cookieHeader() {
            return cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
        }
    }

    static String pathOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** The CSRF token in the first form of a page that has one. */
    static String csrfOf(String html) {
        Element field = Jsoup.parse(html).selectFirst("input[name=csrf]");
        if (field == null) throw new AssertionError("no CSRF field on the page");
        return field.attr("value");
    }

    /** The text of the header's account area. */
    static String accountArea(String html) {
        Element nav = Jsoup.parse(html).selectFirst("header nav.account");
        return nav == null ? "" : nav.text();
    }
}
