package org.factdesk.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.factdesk.claim.Priority;
import org.factdesk.common.Limits;

import java.time.OffsetDateTime;
import org.factdesk.common.StorableDate;

/** Priority and deadline of a ticket (triage: the editors', not reviewed content), with the ticket version read. */
public record TriageRequest(@NotNull Priority priority, @StorableDate OffsetDateTime deadline,
                            @NotNull @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {
}
