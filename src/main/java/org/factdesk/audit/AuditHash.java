package org.factdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.NumberToJSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The one definition of what an audit hash covers: SHA-256 over the RFC 8785 canonical JSON of
 * the record. Appending and verifying both call these methods, so they cannot drift apart.
 */
public final class AuditHash {

    /** The previous hash of the first link of every chain. */
    public static final String GENESIS = "0".repeat(64);

    /** Every hash and digest the API shows: SHA-256 as 64 lower-case hex digits. */
    public static final int HEX_LENGTH = 64;
    public static final String HEX_PATTERN = "[0-9a-f]{64}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditHash() {
    }

    public static String event(String stream, int seq, Long ticketId, Instant occurredAt, String actor,
                               String action, String fromStatus, String toStatus, JsonNode changes, String prevHash) {
        ObjectNode node = JSON.createObjectNode();
        node.put("stream", stream);
        node.put("seq", seq);
        node.put("ticketId", ticketId);
        node.put("occurredAt", occurredAt.toString());
        node.put("actor", actor);
        node.put("action", action);
        node.put("fromStatus", fromStatus);
        node.put("toStatus", toStatus);
        node.set("changes", changes);
        node.put("prevHash", prevHash);
        return sha256(canonical(node));
    }

    public static String checkpoint(int seq, Instant createdAt, long fromTxid, long belowTxid, long eventCount,
                                    long totalEvents, Long lastEventId, String eventsDigest, String prevHash) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", seq);
        node.put("createdAt", createdAt.toString());
        node.put("fromTxid", fromTxid);
        node.put("belowTxid", belowTxid);
        node.put("eventCount", eventCount);
        node.put("totalEvents", totalEvents);
        node.put("lastEventId", lastEventId);
        node.put("eventsDigest", eventsDigest);
        node.put("prevHash", prevHash);
        return sha256(canonical(node));
    }

    /** Running digest over the hashes of the events a checkpoint covers, in their global order. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void addEvent(MessageDigest digest, String eventHash) {
        digest.update(eventHash.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * RFC 8785 written straight from the tree (writing it as text for the library to parse again cost a fifth of a
     * transition's own CPU): members sorted by UTF-16 code units, which is String's order; strings escaped as
     * ECMAScript's JSON.stringify does; numbers as the text a writer gives them, formatted by the library (ES6).
     * AuditHashTest checks it against the library's own canonical form.
     */
    static byte[] canonical(JsonNode node) {
        StringBuilder json = new StringBuilder(512);
        try {
            write(node, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder json) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names);
                json.append('{');
                for (int i = 0; i < names.size(); i++) {
                    json.append(i == 0 ? "" : ",");
                    string(names.get(i), json);
                    json.append(':');
                    write(node.get(names.get(i)), json);
                }
                json.append('}');
            }
            case ARRAY -> {
                json.append('[');
                for (int i = 0; i < node.size(); i++) {
                    json.append(i == 0 ? "" : ",");
                    write(node.get(i), json);
                }
                json.append(']');
            }
            case STRING -> string(node.textValue(), json);
            case NUMBER -> json.append(NumberToJSON.serializeNumber(Double.parseDouble(node.asText())));
            case BOOLEAN -> json.append(node.booleanValue());
            case NULL -> json.append("null");
            default -> throw new IllegalArgumentException("an audit record holds JSON values only, not " + node.getNodeType());
        }
    }

    private static void string(String value, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"', '\\' -> json.append('\\').append(c);
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }
}
