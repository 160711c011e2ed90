package org.factdesk.tip;

import org.factdesk.audit.AuditHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A tip's receipt: 256 random bits, base64url without padding (43 characters), which is the whole
 * of what a requester needs to follow their tip. The desk stores only its SHA-256, so a leaked
 * table shows no working token, and looks a token up by that hash (an index probe, no comparison
 * of secrets that could leak timing).
 */
public final class ReceiptToken {

    public static final int LENGTH = 43;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptToken() {
    }

    public static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static byte[] hash(String token) {
        MessageDigest digest = AuditHash.newDigest();
        return digest.digest(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a string could be a token at all (anything else is a 404 without a database read). */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
