package org.factdesk.workflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.factdesk.claim.Priority;
import org.factdesk.common.Limits;
import org.factdesk.ticket.TransitionRequest;

import java.util.List;

/**
 * One action on up to {@value #TICKETS_MAX} tickets, each named once: {@code assignee} for ASSIGN,
 * {@code priority} for PRIORITY, a {@code reason} for DISCARD.
 */
public record BulkRequest(
        @NotNull @Size(min = 1, max = BulkRequest.TICKETS_MAX) List<@NotNull @Min(1) @Max(Limits.ID_MAX) Long> ticketIds,
        @NotNull BulkAction action,
        @Size(min = 1, max = Limits.SUBJECT_MAX) String assignee,
        Priority priority,
        @Size(max = TransitionRequest.REASON_MAX) String reason) {

    /** The most tickets one bulk request may name. */
    public static final int TICKETS_MAX = 100;
}
