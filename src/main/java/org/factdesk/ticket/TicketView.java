package org.factdesk.ticket;

import org.factdesk.claim.Claim;
import org.factdesk.claim.Priority;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as the API shows it, with a summary of its claim. {@code allowedActions} (only on a
 * single ticket) lists what the caller may do to it now.
 */
public record TicketView(Long id, String status, String assignee, ClaimSummary claim, Instant deadline,
                         boolean overdue, Instant publishAt, int publishedVersions, String reason, Instant createdAt,
                         Instant updatedAt, long version, List<String> allowedActions) {

    public record ClaimSummary(Long id, String text, String claimant, String language, List<String> topics,
                               Priority priority, Long duplicateOf) {
    }

    public static TicketView of(Ticket t, List<String> allowedActions) {
        Claim c = t.claim;
        return new TicketView(t.id, t.status.name(), t.assignee,
                new ClaimSummary(c.id, c.text, c.claimant, c.language, List.of(c.topics), c.priority, c.duplicateOf),
                t.deadline, isOverdue(t, Instant.now()), t.publishAt, t.publishedVersions, t.reason, t.createdAt,
                t.updatedAt, t.version, allowedActions);
    }

    public static TicketView of(Ticket t) {
        return of(t, null);
    }

    /** Past its deadline and not yet out of the desk's hands. */
    static boolean isOverdue(Ticket t, Instant now) {
        return t.deadline != null && t.deadline.isBefore(now) && TicketSearch.UNFINISHED.contains(t.status);
    }
}
