package org.factdesk.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;

import java.time.Instant;

/**
 * One notification for its recipient: who ({@code actor}, {@code actorName}; null when the directory does
 * not know them, {@code system} for a scheduled publication) did what ({@code kind}, and {@code phrase}, the
 * words between the name and the ticket) to which ticket ({@code ticketId}, {@code claimExcerpt}: the
 * beginning of its claim), and all of it as one plain {@code sentence} for clients that show no more.
 * {@code readAt} is null while unread.
 */
public record NotificationView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                               NotificationKind kind,
                               @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                               @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT, nullable = true)
                               Long commentId,
                               @Schema(maxLength = Limits.SUBJECT_MAX) String actor,
                               @Schema(maxLength = DeskDirectory.NAME_MAX, nullable = true) String actorName,
                               @Schema(maxLength = NotificationText.PHRASE_MAX) String phrase,
                               @Schema(maxLength = NotificationText.EXCERPT_MAX, nullable = true) String claimExcerpt,
                               @Schema(maxLength = NotificationText.SENTENCE_MAX) String sentence,
                               Instant createdAt,
                               @Schema(nullable = true, maxLength = Limits.DATE_TIME_MAX) Instant readAt) {

    static NotificationView of(Notification n, String claimText, DeskDirectory.Names names) {
        String actorName = names.of(n.actor);
        return new NotificationView(n.id, n.kind, n.ticketId, n.commentId, n.actor, actorName, n.kind.phrase,
                NotificationText.excerpt(claimText), NotificationText.sentence(n.kind, n.actor, actorName, n.ticketId),
                n.createdAt, n.readAt);
    }
}
