package dev.paperboy.ingest.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Typed, defensive reads of JSON record fields: a field of the wrong type is a {@link RecordException}. */
public final class JsonFields {
    private JsonFields() {}

    /** A mapper whose parser refuses absurd strings and nesting before they reach the heap. */
    public static ObjectMapper newMapper() {
        return newMapper(-1);
    }

    /** Like {@link #newMapper()}, also refusing documents longer than {@code maxDocumentChars} (-1: no limit). */
    public static ObjectMapper newMapper(long maxDocumentChars) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentChars)
                        // Far above any sane field (Limits rejects a 2,000-char title), far below the heap.
                        .maxStringLength(4_000_000)
                        .maxNestingDepth(64)
                        .maxNumberLength(100)
                        .build())
                .build();
        return JsonMapper.builder(factory).build();
    }

    /** A string field; null when missing, null or blank. */
    public static String text(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new RecordException(field + " is not a string but " + kind(n));
        String s = n.textValue();
        return s.isBlank() ? null : s;
    }

    /** A string field that must be there. */
    public static String requiredText(JsonNode obj, String field) {
        String s = text(obj, field);
        if (s == null) throw new RecordException("missing " + field);
        return s;
    }

    /** An integer field; null when missing or null. */
    public static Integer integer(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new RecordException(field + " is not an integer but " + kind(n));
        }
        return n.intValue();
    }

    /** An object field; null when missing or null. */
    public static JsonNode object(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw new RecordException(field + " is not an object but " + kind(n));
        return n;
    }

    /** An array field; empty when missing or null. */
    public static List<JsonNode> array(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw new RecordException(field + " is not an array but " + kind(n));
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }

    /** An array of strings, each cleaned to one line, blanks dropped. */
    public static List<String> strings(JsonNode obj, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(obj, field)) {
            if (e.isNull()) continue;
            if (!e.isTextual()) throw new RecordException(field + " holds " + kind(e) + ", not strings");
            String s = Text.oneLine(e.textValue());
            if (s != null) out.add(s);
        }
        return out;
    }

    /** An ISO-8601 instant field such as {@code 2026-06-12T00:00:00.000Z}; null when missing. */
    public static Instant instant(JsonNode obj, String field) {
        String s = text(obj, field);
        if (s == null) return null;
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new RecordException(field + " is not an ISO-8601 instant: " + abbreviate(s));
        }
    }

    /** A {@code YYYY-MM-DD} date field; null when missing. */
    public static LocalDate date(JsonNode obj, String field) {
        String s = text(obj, field);
        if (s == null) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new RecordException(field + " is not a YYYY-MM-DD date: " + abbreviate(s));
        }
    }

    /**
     * The top-level keys of the first JSON object in {@code head}, read as far as the text goes: the
     * head is cut at 8 KB, so a long first record still tells its keys. Empty when it is no JSON object.
     */
    public static Set<String> firstObjectKeys(String head) {
        Set<String> keys = new LinkedHashSet<>();
        try (JsonParser p = new JsonFactory().createParser(head)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return keys;
            JsonToken t;
            while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT) {
                if (t == JsonToken.FIELD_NAME) {
                    keys.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // The head ends mid-record or is no JSON at all: the keys seen so far are the answer.
        }
        return keys;
    }

    /** The text cut to 80 characters for an error message. */
    public static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> n.getNodeType().name().toLowerCase();
        };
    }
}
