package org.factdesk.tip;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import org.factdesk.ticket.TicketStatus;

import java.time.Instant;
import java.util.List;

/**
 * A group of the public's tips as the desk's inbox shows it: what it asks ({@code text}, the first tip's
 * words: untrusted, shown as text), how many asked ({@code asked}) from {@code since} to {@code lastAt}
 * and since the start of the desk's week ({@code askedSince}), the claim it was turned into or attached to
 * ({@code claim}), the desk's closest claim when it began ({@code suggested}), how many of its tips the
 * desk answered by itself, the channels they came by, and what the caller may do with it. Never who asked.
 */
public record TipGroupView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                           @Schema(maxLength = TipInput.TEXT_MAX) String text,
                           @Schema(nullable = true, maxLength = Limits.LANGUAGE_TAG_MAX) String language,
                           @Schema(enumeration = {"open", "attached", "dismissed"}, maxLength = STATE_MAX) String state,
                           @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int asked,
                           Instant since,
                           Instant lastAt,
                           AskedSince askedSince,
                           @Schema(nullable = true) ClaimLink suggested,
                           @Schema(nullable = true) ClaimLink claim,
                           @Schema(nullable = true, maxLength = Limits.DATE_TIME_MAX) Instant attachedAt,
                           @Schema(nullable = true, maxLength = Limits.DATE_TIME_MAX) Instant dismissedAt,
                           @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int autoAnswered,
                           @Schema(maxItems = CHANNELS_MAX)
                           List<@Size(max = CHANNEL_NAME_MAX) String> channels,
                           TipPolicy.GroupPermissions permissions) {

    public static final int STATE_MAX = 9;
    /** The channels listed per group (web, email and partners'): more are left out. */
    public static final int CHANNELS_MAX = 20;
    /** tip_channel.name's bound (migration V14). */
    public static final int CHANNEL_NAME_MAX = 40;

    /** "Asked N times since Monday": the start of the current week in the desk's time zone, and the count since. */
    public record AskedSince(Instant from,
                             @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int count) {
    }

    /**
     * A claim and its ticket (its status now); {@code similarity} (pg_trgm, 0 to 1) only for a suggestion.
     */
    public record ClaimLink(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long claimId,
                            @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                            TicketStatus status,
                            @Schema(nullable = true, minimum = "0", maximum = "1") Float similarity) {
    }
}
