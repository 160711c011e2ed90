package org.factdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The one definition of how audit events refer to personal values (claimant names, comment
 * bodies, an article's author and text) without holding them: a commitment
 * {@code hex(SHA-256(salt || UTF-8(value)))}, where the salt is {@link #SALT_BYTES} random bytes
 * kept beside the value, one per personal field per row.
 *
 * <p>Whoever holds the value and its salt can show what an event said; without the salt, a value
 * cannot be guessed back from the event. Erasing deletes the value and its salt: the events, and
 * so the hash chains, stay as they were.
 */
public final class Commitments {

    /** Every salt has this length, so that salt and value cannot be split differently. */
    public static final int SALT_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Commitments() {
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /**
     * The salt a field keeps for {@code value}: its current one, or a new one when the field
     * gets a value and has no salt yet (first set, or set again after an erasure).
     */
    public static byte[] saltFor(byte[] current, String value) {
        return current == null && value != null ? newSalt() : current;
    }

    /** The commitment to a value under its salt (lowercase hex). */
    public static String sha256(byte[] salt, String value) {
        if (salt == null || salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("a commitment needs a salt of " + SALT_BYTES + " bytes");
        }
        MessageDigest digest = AuditHash.newDigest();
        digest.update(salt);
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        return AuditHash.hex(digest);
    }
}
