package dev.paperboy;

import dev.paperboy.db.Database;
import dev.paperboy.mail.SmtpSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The effective settings: defaults, overridden by {@code PAPERBOY_*} environment variables, overridden by
 * command-line flags. Values are kept as text and read through typed accessors; {@link #validate()}
 * reports what is wrong as values instead of throwing.
 */
public record Config(Map<Key, String> values) {

    /** How a setting's text is checked; each returns a problem or empty. */
    public enum Type {
        TEXT(v -> Optional.empty()),
        PATH(Config::checkPath),
        PORT(v -> checkInt(v, 0, 65_535)),
        PAGE_SIZE(v -> checkInt(v, 1, 100)),
        HOST(v -> v.isBlank() ? Optional.of("must not be empty") : Optional.empty()),
        HTTP_URL(Config::checkHttpUrl),
        JDBC_URL(Config::checkJdbcUrl),
        SECONDS(Config::checkSeconds),
        COUNT(v -> checkInt(v, 0, 1_000_000)),
        POSITIVE(v -> checkInt(v, 1, 1_000_000)),
        TIME_OF_DAY(Config::checkTimeOfDay),
        ZONE(Config::checkZone),
        BOOLEAN(v -> v.equals("true") || v.equals("false") ? Optional.empty() : Optional.of("must be true or false")),
        OPTIONAL_PORT(v -> v.isEmpty() ? Optional.empty() : checkInt(v, 1, 65_535)),
        OPTIONAL_HOST(Config::checkOptionalHost),
        TLS_MODE(v -> SmtpSettings.Tls.parse(v).isPresent() ? Optional.empty()
                : Optional.of("must be none, starttls or tls")),
        MAIL_FROM(v -> v.isEmpty() ? Optional.empty() : SmtpSettings.checkFrom(v)),
        ADDRESSES(Config::checkAddresses);

        private final Function<String, Optional<String>> check;

        Type(Function<String, Optional<String>> check) {
            this.check = check;
        }
    }

    /**
     * Every setting, declared once: name (flag {@code --name}, variable {@code PAPERBOY_NAME}), default,
     * type, whether it is a secret, and a one-line description. Add a setting by adding a line here.
     */
    public enum Key {
        DATA("data", "./data", Type.PATH, false, "Directory for the embedded store and indexes."),
        DB("db", "", Type.JDBC_URL, false, "JDBC URL of the store; empty means the SQLite file <data>/paperboy.db."),
        HOST("host", "0.0.0.0", Type.HOST, false, "Address the web server binds."),
        PORT("port", "8080", Type.PORT, false, "Port the web server listens on (0 picks a free one)."),
        BASE_URL("base-url", "", Type.HTTP_URL, false, "Public URL of the site; empty means http://localhost:<port>."),
        PAGE_SIZE("page-size", "25", Type.PAGE_SIZE, false, "Papers per page on the web pages."),
        EMBED("embed", "true", Type.BOOLEAN, false,
                "Whether to embed papers for semantic search (false: keyword search only; serve or reindex catch up later)."),
        // Harvesting (docs/harvest.md); App.harvestConfig reads these into the harvesters' settings.
        CONTACT("contact", "", Type.TEXT, false,
                "Contact (mailto: or URL) sent in the harvester's User-Agent so sources can reach the operator."),
        ARXIV_OAI_URL("arxiv-oai-url", "https://oaipmh.arxiv.org/oai", Type.HTTP_URL, false,
                "arXiv OAI-PMH endpoint."),
        ARXIV_API_URL("arxiv-api-url", "https://export.arxiv.org/api/query", Type.HTTP_URL, false,
                "arXiv API (Atom) endpoint."),
        HF_URL("hf-url", "https://huggingface.co", Type.HTTP_URL, false, "Hugging Face site (daily papers API)."),
        HARVEST_ENABLED("harvest-enabled", "true", Type.BOOLEAN, false, "Whether serve harvests on a schedule."),
        HARVEST_INTERVAL_SECONDS("harvest-interval-seconds", "3", Type.SECONDS, false,
                "Minimum gap between two requests to one host, end to start (arXiv asks for 3)."),
        HARVEST_CONNECT_TIMEOUT_SECONDS("harvest-connect-timeout-seconds", "20", Type.SECONDS, false,
                "Harvest connect timeout."),
        HARVEST_READ_TIMEOUT_SECONDS("harvest-read-timeout-seconds", "120", Type.SECONDS, false,
                "Time allowed for a whole harvest response to arrive."),
        HARVEST_MAX_ATTEMPTS("harvest-max-attempts", "5", Type.POSITIVE, false,
                "Attempts per harvest request before giving up."),
        HARVEST_CATEGORIES("harvest-categories", "cs.LG cs.CL cs.CV cs.AI stat.ML", Type.TEXT, false,
                "Categories to keep from OAI harvests (space-separated; * keeps all)."),
        HARVEST_OAI_SETS("harvest-oai-sets", "", Type.TEXT, false,
                "OAI-PMH sets to harvest; empty means the archives of the categories (cs, stat)."),
        HARVEST_OAI_FORMAT("harvest-oai-format", "arXiv", Type.TEXT, false,
                "OAI-PMH metadataPrefix: arXiv, or arXivRaw for version history."),
        HARVEST_OAI_AT("harvest-oai-at", "22:00", Type.TIME_OF_DAY, false,
                "Time of the daily OAI harvest, after arXiv's 20:00 US Eastern announcement."),
        HARVEST_OAI_ZONE("harvest-oai-zone", "America/New_York", Type.ZONE, false,
                "Time zone of harvest-oai-at."),
        HARVEST_HF_EVERY_MINUTES("harvest-hf-every-minutes", "60", Type.POSITIVE, false,
                "Minutes between Hugging Face daily-papers harvests."),
        HARVEST_LOOKBACK_DAYS("harvest-lookback-days", "7", Type.COUNT, false,
                "Days the first harvest of a source looks back."),
        HARVEST_START_DELAY_SECONDS("harvest-start-delay-seconds", "10", Type.SECONDS, false,
                "Seconds serve waits before the first harvest of a source that is due."),
        HARVEST_RETRY_MINUTES("harvest-retry-minutes", "30", Type.POSITIVE, false,
                "Minutes before a failed scheduled harvest is tried again."),
        // Mail (docs/mail.md); App.smtpSettings reads these into the SMTP mailer's settings.
        SMTP_HOST("smtp-host", "", Type.OPTIONAL_HOST, false,
                "SMTP server for sign-in links and digests; empty: each mail is written to the log instead."),
        SMTP_PORT("smtp-port", "", Type.OPTIONAL_PORT, false,
                "SMTP port; empty means 587 for starttls, 465 for tls, 25 for none."),
        SMTP_USERNAME("smtp-username", "", Type.TEXT, false, "SMTP user name; empty: no authentication."),
        SMTP_PASSWORD("smtp-password", "", Type.TEXT, true, "SMTP password (a secret: never printed)."),
        SMTP_TLS("smtp-tls", "starttls", Type.TLS_MODE, false,
                "none, starttls (required, not opportunistic) or tls (TLS from the first byte, SMTPS)."),
        SMTP_FROM("smtp-from", "", Type.MAIL_FROM, false,
                "Sender of the mails, e.g. 'Paperboy <papers@example.org>'; required with smtp-host."),
        // The community (docs/community.md).
        SUBMIT_DAILY_LIMIT("submit-daily-limit", "10", Type.POSITIVE, false,
                "Papers one user may submit to the lists per day (UTC)."),
        // Accounts (docs/accounts.md).
        ADMINS("admins", "", Type.ADDRESSES, false,
                "Email addresses of the site's admins, comma-separated (users whose stored admin flag is set are admins too).");

        private final String name;
        private final String defaultValue;
        private final Type type;
        private final boolean secret;
        private final String description;

        Key(String name, String defaultValue, Type type, boolean secret, String description) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.type = type;
            this.secret = secret;
            this.description = description;
        }

        public String settingName() {
            return name;
        }

        public String flag() {
            return "--" + name;
        }

        public String envVar() {
            return "PAPERBOY_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        public String defaultValue() {
            return defaultValue;
        }

        public Type type() {
            return type;
        }

        public boolean secret() {
            return secret;
        }

        public String description() {
            return description;
        }
    }

    public Config {
        EnumMap<Key, String> copy = new EnumMap<>(Key.class);
        for (Key k : Key.values()) copy.put(k, k.defaultValue);
        if (values != null) values.forEach((k, v) -> copy.put(k, v == null ? k.defaultValue : v.strip()));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Every setting at its default. */
    public static Config defaults() {
        return new Config(Map.of());
    }

    /** Defaults, then the environment's {@code PAPERBOY_*} variables, then the given flag values (by key). */
    public static Config load(Map<String, String> env, Map<Key, String> flags) {
        EnumMap<Key, String> v = new EnumMap<>(Key.class);
        for (Key k : Key.values()) {
            String fromEnv = env.get(k.envVar());
            if (fromEnv != null) v.put(k, fromEnv);
            String fromFlag = flags.get(k);
            if (fromFlag != null) v.put(k, fromFlag);
        }
        return new Config(v);
    }

    /** This config with one setting replaced. */
    public Config with(Key key, String value) {
        EnumMap<Key, String> v = new EnumMap<>(values);
        v.put(key, value);
        return new Config(v);
    }

    public String get(Key key) {
        return values.get(key);
    }

    /** What is wrong with the settings, one line each ("PAPERBOY_PORT / --port: …"); empty when valid. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        for (Key k : Key.values()) {
            k.type.check.apply(get(k)).ifPresent(p ->
                    problems.add("config: " + k.flag() + " / " + k.envVar() + " " + p + " (got \"" + shown(k) + "\")"));
        }
        smtpProblems(problems);
        return problems;
    }

    /** The SMTP settings that only make sense together; nothing to check while no SMTP host is set. */
    private void smtpProblems(List<String> problems) {
        if (get(Key.SMTP_HOST).isEmpty()) return;
        if (get(Key.SMTP_FROM).isEmpty()) {
            problems.add(problem(Key.SMTP_FROM, "must be set when " + Key.SMTP_HOST.flag()
                    + " is (the sender of sign-in links and digests)"));
        }
        boolean user = !get(Key.SMTP_USERNAME).isEmpty(), password = !get(Key.SMTP_PASSWORD).isEmpty();
        if (user && !password) {
            problems.add(problem(Key.SMTP_PASSWORD, "must be set when " + Key.SMTP_USERNAME.flag() + " is"));
        }
        if (password && !user) {
            problems.add(problem(Key.SMTP_USERNAME, "must be set when " + Key.SMTP_PASSWORD.flag() + " is"));
        }
    }

    private static String problem(Key k, String what) {
        return "config: " + k.flag() + " / " + k.envVar() + " " + what;
    }

    /** Setting name to value, in declaration order, with secrets masked: safe to print or log. */
    public Map<String, String> redacted() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Key k : Key.values()) out.put(k.name, shown(k));
        return out;
    }

    public Path dataDir() {
        return Path.of(get(Key.DATA));
    }

    /** Every setting with secrets masked, as {@link #redacted()}: a config may end up in a log or an exception. */
    @Override
    public String toString() {
        return "Config" + redacted();
    }

    /** The JDBC URL: the configured one, or the SQLite file in the data directory. */
    public String jdbcUrl() {
        String db = get(Key.DB);
        return db.isEmpty() ? Database.sqliteUrl(dataDir().resolve("paperboy.db")) : db;
    }

    public String host() {
        return get(Key.HOST);
    }

    public int port() {
        return intValue(Key.PORT);
    }

    /** Whether papers and queries are embedded for the semantic leg of search. */
    public boolean embed() {
        return !get(Key.EMBED).equals("false");
    }

    public int pageSize() {
        return intValue(Key.PAGE_SIZE);
    }

    /** The public base URL without a trailing slash. */
    public String baseUrl() {
        String b = get(Key.BASE_URL);
        if (b.isEmpty()) return "http://localhost:" + port();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The admins' addresses ({@link Key#ADMINS}), normalised as accounts store them. */
    public java.util.Set<String> admins() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String a : get(Key.ADMINS).split(",")) {
            if (!a.isBlank()) out.add(dev.paperboy.account.User.normaliseEmail(a));
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** A {@link Type#SECONDS} setting (fractions allowed) as a duration. */
    public java.time.Duration seconds(Key key) {
        try {
            return java.time.Duration.ofMillis(new java.math.BigDecimal(get(key)).movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("config: " + key.flag() + " is not a number of seconds: " + get(key), e);
        }
    }

    /** A whole-number setting. */
    public int integer(Key key) {
        return intValue(key);
    }

    /** A {@link Type#BOOLEAN} setting. */
    public boolean isTrue(Key key) {
        return get(key).equals("true");
    }

    /** A {@link Type#TIME_OF_DAY} setting. */
    public java.time.LocalTime timeOfDay(Key key) {
        return java.time.LocalTime.parse(get(key));
    }

    /** A {@link Type#ZONE} setting. */
    public java.time.ZoneId zone(Key key) {
        return java.time.ZoneId.of(get(key));
    }

    private int intValue(Key key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("config: " + key.flag() + " is not a number: " + get(key), e);
        }
    }

    private String shown(Key k) {
        String v = get(k);
        if (k.secret) return v.isEmpty() ? "" : "***";
        if (k.type == Type.JDBC_URL) return redactJdbc(v);
        return v;
    }

    /** A JDBC URL with passwords masked, whether given as a parameter or as {@code user:password@}. */
    public static String redactJdbc(String url) {
        return Database.redact(url).replaceAll("(//[^/:@?;]+):[^@/?;]*@", "$1:***@");
    }

    private static Optional<String> checkInt(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) return Optional.of("must be between " + min + " and " + max);
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("must be a whole number");
        }
    }

    private static Optional<String> checkPath(String v) {
        if (v.isBlank()) return Optional.of("must not be empty");
        try {
            Path p = Path.of(v);
            if (Files.exists(p) && !Files.isDirectory(p)) return Optional.of("is a file, not a directory");
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("is not a valid path");
        }
    }

    private static Optional<String> checkHttpUrl(String v) {
        if (v.isEmpty()) return Optional.empty();
        try {
            URI u = new URI(v);
            boolean http = "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme());
            if (!http || u.getHost() == null) return Optional.of("must be an absolute http(s) URL");
            return Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.of("must be an absolute http(s) URL");
        }
    }

    private static Optional<String> checkSeconds(String v) {
        try {
            if (new java.math.BigDecimal(v).signum() < 0) return Optional.of("must not be negative");
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("must be a number of seconds");
        }
    }

    private static Optional<String> checkTimeOfDay(String v) {
        try {
            java.time.LocalTime.parse(v);
            return Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.of("must be a time of day like 22:00");
        }
    }

    private static Optional<String> checkZone(String v) {
        try {
            java.time.ZoneId.of(v);
            return Optional.empty();
        } catch (java.time.DateTimeException e) {
            return Optional.of("must be a time zone like America/New_York or UTC");
        }
    }

    private static Optional<String> checkAddresses(String v) {
        for (String a : v.split(",")) {
            if (a.isBlank()) continue;
            try {
                dev.paperboy.account.User.normaliseEmail(a);
            } catch (IllegalArgumentException e) {
                return Optional.of("must be email addresses separated by commas (\"" + a.strip() + "\" is not one)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkOptionalHost(String v) {
        if (v.isEmpty()) return Optional.empty();
        if (v.contains("/") || v.chars().anyMatch(c -> c <= ' ')) {
            return Optional.of("must be a host name or address (no scheme, no spaces)");
        }
        // One colon is host:port (an IPv6 address has several): the port has its own setting.
        if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            return Optional.of("must be a host name or address without a port (the port is a setting of its own)");
        }
        return Optional.empty();
    }

    private static Optional<String> checkJdbcUrl(String v) {
        if (v.isEmpty() || v.startsWith("jdbc:sqlite:") || v.startsWith("jdbc:postgresql:")) return Optional.empty();
        return Optional.of("must start with jdbc:sqlite: or jdbc:postgresql:");
    }
}
