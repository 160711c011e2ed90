package org.factdesk.ticket;

import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import org.factdesk.common.Limits;
import org.factdesk.common.StorableDate;

/**
 * The optional body of a transition: {@code assignee} for assign and correct, {@code comment} for
 * request-changes, {@code reason} for retract and discard, {@code publishAt} to schedule a publication.
 */
public record TransitionRequest(
        @Size(min = 1, max = Limits.SUBJECT_MAX) String assignee,
        @Size(max = Limits.COMMENT_MAX) String comment,
        @Size(max = REASON_MAX) String reason,
        @StorableDate OffsetDateTime publishAt) {

    /** A retraction's or discard's reason (also "duplicate-of:{id}"). */
    public static final int REASON_MAX = 2000;

    public static final TransitionRequest NONE = new TransitionRequest(null, null, null, null);
}
