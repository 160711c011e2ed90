package org.factdesk.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks signing: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * with the key that follows {@code whsec_} in the secret. The desk signs what it sends with it and
 * checks what partners send it ({@link #verifies}).
 */
public final class WebhookSignature {

    /** "whsec_" and 32 bytes in base64. */
    public static final int SECRET_LENGTH = 50;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        return sign(secret, messageId, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Over the body's bytes as they were sent (a received body is checked before it is decoded). */
    public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether one of the space-separated signatures of a {@code webhook-signature} header is this secret's
     * {@code v1} signature of the message (the spec allows several, e.g. while a secret is rotated; other
     * versions are ignored). Compared in constant time.
     */
    public static boolean verifies(String secret, String messageId, long timestampSeconds, byte[] body,
                                   String signatures) {
        byte[] expected = sign(secret, messageId, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String signature : signatures.trim().split(" +")) {
            // every candidate is compared, so the time taken does not tell which one matched
            found |= signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }
}
