package org.factdesk.ticket;

import jakarta.validation.constraints.NotNull;
import org.factdesk.claim.Priority;

import java.time.OffsetDateTime;

/** Priority and deadline of a ticket (triage: the editors', not reviewed content), with the ticket version read. */
public record TriageRequest(@NotNull Priority priority, OffsetDateTime deadline, @NotNull Long version) {
}
