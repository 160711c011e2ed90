package org.factdesk.ticket;

import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import org.factdesk.common.StorableDate;

/**
 * The optional body of a transition: {@code assignee} for assign and correct, {@code comment} for
 * request-changes, {@code reason} for retract and discard, {@code publishAt} to schedule a publication.
 */
public record TransitionRequest(
        @Size(min = 1, max = 255) String assignee,
        @Size(max = 20000) String comment,
        @Size(max = 2000) String reason,
        @StorableDate OffsetDateTime publishAt) {

    public static final TransitionRequest NONE = new TransitionRequest(null, null, null, null);
}
