package org.factdesk.ticket;

import jakarta.validation.constraints.NotNull;
import org.factdesk.claim.Priority;

import java.time.OffsetDateTime;
import org.factdesk.common.StorableDate;

/** Priority and deadline of a ticket (triage: the editors', not reviewed content), with the ticket version read. */
public record TriageRequest(@NotNull Priority priority, @StorableDate OffsetDateTime deadline, @NotNull Long version) {
}
