package org.factdesk.fuzz;

/** The ways {@link RequestGenerator} spoils a request; each case uses exactly one. */
public enum Strategy {
    /** A body, query and path that follow the document (the baseline that reaches the services). */
    VALID,
    /** One value, or the whole body, replaced by another JSON type. */
    WRONG_TYPE,
    /** One field, or every field, left out. */
    MISSING_FIELDS,
    /** An unknown or read-only field added, at the top or nested. */
    EXTRA_FIELDS,
    /** A string made empty, blank, one character over its maxLength, or huge. */
    STRING_EDGES,
    /** A string with lone surrogates (as JSON escapes), RTL marks, NUL, emoji, combining marks, noncharacters. */
    UNICODE,
    /** A value made negative, 2^31, 2^63, 1e309, "NaN", a fraction, ... */
    NUMBER_EDGES,
    /** Truncated, trailing comma, deep nesting, comments, invalid UTF-8, two documents, ... */
    MALFORMED_JSON,
    /** A valid body under a wrong, missing or odd content type (or an Accept nobody serves). */
    CONTENT_TYPE,
    /** The document's query parameters with wrong types, out-of-range, huge, repeated or unknown values. */
    QUERY_PARAMS,
    /** A path parameter replaced by a negative, overflowing, non-numeric or percent-encoded value. */
    PATH_PARAMS,
    /** A malformed, foreign-signed, expired or oddly shaped bearer token. */
    BAD_TOKEN
}
