package org.factdesk.ticket;

import org.factdesk.claim.Claim;
import org.factdesk.claim.Priority;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as the API shows it, with a summary of its claim and what the caller may do with it
 * now ({@code permissions}, from {@link TicketPolicy}: the web app holds no copy of the rules), and
 * how often its scheduled publication failed ({@code publicationFailures}, with the last error and
 * the next attempt; 0 when none failed).
 */
public record TicketView(Long id, String status, String assignee, ClaimSummary claim, Instant deadline,
                         boolean overdue, Instant publishAt, int publishedVersions, String reason, Instant createdAt,
                         Instant updatedAt, long version, TicketPolicy.Permissions permissions,
                         int publicationFailures, String lastPublicationError, Instant nextPublicationAttemptAt) {

    public record ClaimSummary(Long id, String text, String claimant, String language, List<String> topics,
                               Priority priority, Long duplicateOf) {
    }

    /** {@code failure}: the failed attempts at its scheduled publication, if any (null otherwise). */
    public static TicketView of(Ticket t, TicketPolicy.Permissions permissions, PublicationFailure failure) {
        Claim c = t.claim;
        return new TicketView(t.id, t.status.name(), t.assignee,
                new ClaimSummary(c.id, c.text, c.claimant, c.language, List.of(c.topics), c.priority, c.duplicateOf),
                t.deadline, isOverdue(t, Instant.now()), t.publishAt, t.publishedVersions, t.reason, t.createdAt,
                t.updatedAt, t.version, permissions, failure == null ? 0 : failure.failures,
                failure == null ? null : failure.lastError, failure == null ? null : failure.nextAttemptAt);
    }

    /** Past its deadline and not yet out of the desk's hands. */
    static boolean isOverdue(Ticket t, Instant now) {
        return t.deadline != null && t.deadline.isBefore(now) && TicketPolicy.UNFINISHED.contains(t.status);
    }
}
