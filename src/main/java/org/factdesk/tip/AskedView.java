package org.factdesk.tip;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.claim.Priority;
import org.factdesk.common.Limits;

import java.time.Instant;

/**
 * How many people asked about a ticket's claim (its groups' tips together), since when and when last,
 * and the priority that suggests ({@link AskedPriority}; null: none). No one's contact, only counts.
 */
public record AskedView(@Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long asked,
                        @Schema(nullable = true, maxLength = Limits.DATE_TIME_MAX) Instant since,
                        @Schema(nullable = true, maxLength = Limits.DATE_TIME_MAX) Instant lastAt,
                        @Schema(nullable = true) Priority suggestedPriority) {
}
