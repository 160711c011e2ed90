package org.factdesk.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

import java.time.Instant;

/**
 * One search hit: what it is ({@code kind} and {@code id}), the ticket it belongs to where there is
 * one, that ticket's status, and a title and snippet cut to {@value SearchService#TEXT_MAX}
 * characters. Title and snippet are the desk's and the public's text: shown as text, never as markup.
 */
public record SearchHitView(
        SearchKind kind,
        @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
        @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT, nullable = true) Long ticketId,
        @Schema(maxLength = 20, nullable = true) String status,
        @Schema(maxLength = SearchService.TEXT_MAX) String title,
        @Schema(maxLength = SearchService.TEXT_MAX, nullable = true) String snippet,
        Instant at) {
}
