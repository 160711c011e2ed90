package org.factdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The {@code after} / {@code next} cursor of the lists paged by key: base64url (no padding) of a
 * JSON array, {@code [kind, key values…]}, the values of the sort key of a page's last row. The kind
 * names the list and its order, so that a cursor of one order is refused by another. Opaque to
 * clients; anything that is not a cursor this server wrote for that list is a 400.
 */
public final class Cursor {

    /** Longer than any cursor the lists write (a few numbers and timestamps). */
    public static final int MAX_LENGTH = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode values;

    private Cursor(ArrayNode values) {
        this.values = values;
    }

    /** A cursor of this kind over these key values (strings, numbers, instants or null). */
    public static String write(String kind, Object... keys) {
        ArrayNode array = JSON.createArrayNode().add(kind);
        for (Object key : keys) {
            if (key == null) {
                array.addNull();
            } else if (key instanceof Number number) {
                array.add(number.longValue());
            } else {
                array.add(key.toString()); // Instant.toString: ISO-8601, parsed back exactly
            }
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a cursor of this kind with this many key values; a 400 problem for anything else. */
    public static Cursor read(String text, String kind, int keys) {
        if (text.length() > MAX_LENGTH) {
            throw invalid();
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (!(node instanceof ArrayNode array) || array.size() != keys + 1 || !kind.equals(array.get(0).asText(null))
                || !array.get(0).isTextual()) {
            throw invalid();
        }
        return new Cursor(array);
    }

    /** The i-th key value (from 0) as a number. */
    public long number(int i) {
        JsonNode value = values.get(i + 1);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid();
        }
        return value.longValue();
    }

    /** The i-th key value as an instant, or null where the key was null. */
    public Instant instantOrNull(int i) {
        JsonNode value = values.get(i + 1);
        if (value.isNull()) {
            return null;
        }
        try {
            return value.isTextual() ? Instant.parse(value.textValue()) : fail();
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The i-th key value as an instant, never null. */
    public Instant instant(int i) {
        Instant instant = instantOrNull(i);
        if (instant == null) {
            throw invalid();
        }
        return instant;
    }

    private static <T> T fail() {
        throw invalid();
    }

    private static RuntimeException invalid() {
        return Problems.badRequest("Parameter 'after' is not a cursor of this list: send the 'next' of a page of the"
                + " same list, in the same order.");
    }
}
