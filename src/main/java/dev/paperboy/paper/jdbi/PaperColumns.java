package dev.paperboy.paper.jdbi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A paper as the values of the {@code papers} columns and back. List-valued fields are JSON text, written
 * by hand (on the import path Jackson's writer cost more than SQLite's insert) and read with Jackson.
 */
final class PaperColumns {

    /** Text columns after {@code id} and {@code version}, in {@link JdbiPaperStore}'s column order. */
    static final int TEXT_COLUMNS = 18;
    /** Indexes into {@link Encoded#text} of the columns other tables copy. */
    static final int CATEGORIES = 3, PUBLISHED = 5;

    // Instants are written fixed width (nine fraction digits) so that text order is time order, lossless
    // to the nanosecond; years outside 0000-9999 fall back to Instant.toString, still lossless.
    private static final int INSTANT_TEXT_LENGTH = 30;
    private static final Instant YEAR_0 = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** JSON shape of one author. */
    private record AuthorJson(
            String name, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> affiliations) {}

    /** JSON shape of one version; {@code submitted} in the store's instant text. */
    private record VersionJson(int version, String submitted) {}

    /** A paper as column values: what is written, and what is read before it is decoded. */
    record Encoded(String id, int version, String[] text) {
        boolean sameAs(Encoded o) {
            return version == o.version && Arrays.equals(text, o.text);
        }
    }

    private final ObjectReader authorsReader;
    private final ObjectReader stringsReader;
    private final ObjectReader versionsReader;

    PaperColumns() {
        ObjectMapper mapper = new ObjectMapper();
        this.authorsReader = mapper.readerFor(new TypeReference<List<AuthorJson>>() {});
        this.stringsReader = mapper.readerFor(new TypeReference<List<String>>() {});
        this.versionsReader = mapper.readerFor(new TypeReference<List<VersionJson>>() {});
    }

    static Encoded encode(Paper p) {
        Links l = p.links();
        return new Encoded(p.id(), p.version(), new String[] {
            p.title(),
            authorsJson(p.authors()),
            p.abstractText(),
            stringsJson(p.categories()),
            p.primaryCategory(),
            instantText(p.published()),
            instantText(p.updated()),
            p.doi(),
            p.journalRef(),
            p.comments(),
            p.license(),
            l.abs(),
            l.pdf(),
            l.code(),
            l.project(),
            p.source(),
            stringsJson(p.keywords()),
            versionsJson(p.versions())
        });
    }

    Paper decode(Encoded e, List<HubEntry> hub) throws IOException {
        String[] t = e.text();
        try {
            return Paper.builder(e.id()).version(e.version()).title(t[0]).authors(authors(t[1])).abstractText(t[2])
                    .categories(stringsReader.readValue(t[3])).published(instant(t[5])).updated(instant(t[6]))
                    .doi(t[7]).journalRef(t[8]).comments(t[9]).license(t[10])
                    .links(new Links(t[11], t[12], t[13], t[14])).source(t[15])
                    .keywords(stringsReader.readValue(t[16])).versions(versions(t[17])).hubEntries(hub).build();
        } catch (IOException | RuntimeException x) {
            throw new IOException("store: unreadable stored paper " + e.id() + ": " + x.getMessage(), x);
        }
    }

    // JSON columns are written by hand and read with Jackson: on the import path Jackson's writer cost more
    // than SQLite's insert. The shapes match AuthorJson and VersionJson (empty affiliations left out).

    static String authorsJson(List<Author> authors) {
        StringBuilder sb = new StringBuilder(authors.size() * 48 + 2).append('[');
        for (int i = 0; i < authors.size(); i++) {
            Author a = authors.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"name\":");
            jsonString(sb, a.name());
            if (!a.affiliations().isEmpty()) {
                sb.append(",\"affiliations\":");
                jsonStrings(sb, a.affiliations());
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static String stringsJson(List<String> values) {
        StringBuilder sb = new StringBuilder(values.size() * 16 + 2);
        jsonStrings(sb, values);
        return sb.toString();
    }

    private static void jsonStrings(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            jsonString(sb, values.get(i));
        }
        sb.append(']');
    }

    private static void jsonString(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) sb.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
                    else sb.append(ch);
                }
            }
        }
        sb.append('"');
    }

    List<Author> authors(String json) throws IOException {
        List<AuthorJson> in = authorsReader.readValue(json);
        List<Author> out = new ArrayList<>(in.size());
        for (AuthorJson a : in) out.add(new Author(a.name(), a.affiliations()));
        return out;
    }

    private static String versionsJson(List<PaperVersion> versions) {
        StringBuilder sb = new StringBuilder(versions.size() * 56 + 2).append('[');
        for (int i = 0; i < versions.size(); i++) {
            PaperVersion v = versions.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"version\":").append(v.version()).append(",\"submitted\":");
            jsonString(sb, instantText(v.submitted()));
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private List<PaperVersion> versions(String json) throws IOException {
        List<VersionJson> in = versionsReader.readValue(json);
        List<PaperVersion> out = new ArrayList<>(in.size());
        for (VersionJson v : in) out.add(new PaperVersion(v.version(), instant(v.submitted())));
        return out;
    }

    /** The store's text for an instant: {@code 2024-03-18T17:59:59.000000000Z}. */
    static String instantText(Instant t) {
        if (t == null) return null;
        if (t.isBefore(YEAR_0) || !t.isBefore(YEAR_10000)) return t.toString();
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        // Hand-rolled: this runs several times per record on the import path, DateTimeFormatter is slower.
        char[] out = new char[INSTANT_TEXT_LENGTH];
        digits(out, 0, d.getYear(), 4);
        out[4] = '-';
        digits(out, 5, d.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, d.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, d.getHour(), 2);
        out[13] = ':';
        digits(out, 14, d.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, d.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, d.getNano(), 9);
        out[29] = 'Z';
        return new String(out);
    }

    /** Reads {@link #instantText}'s form back. */
    static Instant instant(String text) {
        if (text == null) return null;
        if (text.length() == INSTANT_TEXT_LENGTH && text.charAt(4) == '-' && text.charAt(29) == 'Z') {
            int year = number(text, 0, 4), month = number(text, 5, 2), day = number(text, 8, 2);
            int hour = number(text, 11, 2), minute = number(text, 14, 2), second = number(text, 17, 2);
            int nano = number(text, 20, 9);
            if ((year | month | day | hour | minute | second | nano) >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number in {@code text[at, at + width)}, or -1 when a character is not a digit. */
    private static int number(String text, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            n = n * 10 + (ch - '0');
        }
        return n;
    }
}
