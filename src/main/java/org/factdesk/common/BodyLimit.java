package org.factdesk.common;

/**
 * A request path whose bodies have their own size limit instead of {@link Limits#MAX_BODY_BYTES}.
 * A feature declares it as a CDI bean next to the rule it comes from; {@link BodySizeFilter} applies it.
 * A {@code *} segment stands for any one segment ({@code /public/channels/*}{@code /tips}).
 */
public record BodyLimit(String path, long maxBytes) {
}
