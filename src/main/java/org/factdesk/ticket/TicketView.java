package org.factdesk.ticket;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.claim.Priority;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as the API shows it, with a summary of its claim and what the caller may do with it
 * now ({@code permissions}, from {@link TicketPolicy}: the web app holds no copy of the rules), and
 * how often its scheduled publication failed ({@code publicationFailures}, with the last error and
 * the next attempt; 0 when none failed). {@code changesRequested}: a reviewer sent it back and it has
 * not been submitted since. {@code assigneeName} is the assignee's display name from the desk
 * directory, null when it does not know them (or cannot be reached).
 */
public record TicketView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                         TicketStatus status,
                         @Schema(maxLength = Limits.SUBJECT_MAX) String assignee, ClaimSummary claim, Instant deadline,
                         boolean overdue, Instant publishAt,
                         @Schema(minimum = Limits.ZERO_TEXT, maximum = Ticket.MAX_PUBLISHED_VERSIONS_TEXT) int publishedVersions,
                         @Schema(maxLength = TransitionRequest.REASON_MAX) String reason, boolean changesRequested,
                         Instant createdAt,
                         Instant updatedAt, @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version,
                         TicketPolicy.Permissions permissions,
                         @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int publicationFailures,
                         @Schema(maxLength = PublicationFailure.ERROR_MAX) String lastPublicationError,
                         Instant nextPublicationAttemptAt,
                         @Schema(maxLength = DeskDirectory.NAME_MAX) String assigneeName) {

    public record ClaimSummary(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                               @Schema(maxLength = ClaimRequest.TEXT_MAX) String text,
                               @Schema(maxLength = ClaimRequest.CLAIMANT_MAX) String claimant, Instant claimantErased,
                               @Schema(maxLength = Limits.LANGUAGE_TAG_MAX) String language,
                               @Schema(maxItems = ClaimRequest.TOPICS_MAX)
                               List<@Size(max = ClaimRequest.TOPIC_MAX) String> topics,
                               Priority priority,
                               @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long duplicateOf) {
    }

    /**
     * {@code failure}: the failed attempts at its scheduled publication, if any (null otherwise);
     * {@code names}: the desk directory's names ({@code assigneeName} is null for someone it does not know).
     */
    public static TicketView of(Ticket t, TicketPolicy.Permissions permissions, PublicationFailure failure,
                                DeskDirectory.Names names) {
        Claim c = t.claim;
        return new TicketView(t.id, t.status, t.assignee,
                new ClaimSummary(c.id, c.text, c.claimant, c.claimantErasedAt, c.language, List.of(c.topics), c.priority,
                        c.duplicateOf),
                t.deadline, isOverdue(t, Instant.now()), t.publishAt, t.publishedVersions, t.reason, t.changesRequested,
                t.createdAt, t.updatedAt, t.version, permissions, failure == null ? 0 : failure.failures,
                failure == null ? null : failure.lastError, failure == null ? null : failure.nextAttemptAt,
                names.of(t.assignee));
    }

    /** Past its deadline and not yet out of the desk's hands. */
    static boolean isOverdue(Ticket t, Instant now) {
        return t.deadline != null && t.deadline.isBefore(now) && TicketPolicy.UNFINISHED.contains(t.status);
    }
}
