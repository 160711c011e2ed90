package org.factdesk.common;

/**
 * Bounds that every feature shares. The server enforces them and the OpenAPI document states them from
 * the same constants: validation annotations on what clients send, {@code @Schema} on what the server
 * answers (a view states the limit of the request that wrote the value). A feature's own limits live with
 * the feature (e.g. {@code ClaimRequest.TEXT_MAX}, {@link PageRequest#MAX_SIZE}).
 * <p>
 * {@code @Schema} takes minimum and maximum as text: the {@code _TEXT} constants are those numbers.
 */
public final class Limits {

    private Limits() {
    }

    /** Row ids are PostgreSQL bigint identities: 1 to 2^63 − 1. */
    public static final long ID_MAX = Long.MAX_VALUE;
    public static final String ID_MIN_TEXT = "1";
    public static final String ID_MAX_TEXT = "" + ID_MAX;

    /** Versions (optimistic locking), totals and other bigint counts: 0 to 2^63 − 1. */
    public static final long COUNT_MAX = Long.MAX_VALUE;
    public static final String COUNT_MAX_TEXT = "" + COUNT_MAX;
    public static final String ZERO_TEXT = "0";

    /** int counters (sequence numbers, positions, attempts): 0 to 2^31 − 1. */
    public static final String INT_MAX_TEXT = "" + Integer.MAX_VALUE;

    /**
     * Who did something is stored as the token's subject, which OpenID Connect Core 1.0 (section 2) caps at
     * 255 ASCII characters; {@link CurrentActor} refuses a token with a longer one.
     */
    public static final int SUBJECT_MAX = 255;

    /** A comment's body, and a request-changes comment or reason, which is posted as one. */
    public static final int COMMENT_MAX = 20_000;

    /** A BCP 47 language tag such as {@code en} or {@code pt-BR}; RFC 5646 (4.4.1) asks for at least 35 characters. */
    public static final String LANGUAGE_TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*";
    public static final String LANGUAGE_TAG_MESSAGE = "must be a language tag such as en or pt-BR";
    public static final int LANGUAGE_TAG_MAX = 35;

    /**
     * An RFC 3339 date-time as the API reads and writes it (years 1 to 9999, at most nanoseconds, an offset):
     * {@code 2026-11-20T12:34:56.123456789+05:30} is the longest form. A date is {@code 2026-11-20}.
     */
    public static final int DATE_TIME_MAX = 35;
    public static final int DATE_MAX = 10;

    /**
     * The largest request body ({@link BodySizeFilter}: 413 beyond). A body sent as one string states it as
     * its maxLength, since a character takes at least one byte.
     */
    public static final int MAX_BODY_BYTES = 1_048_576;
}
