package org.factdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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

    static byte[] canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }
}
