package org.factdesk.notification;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.TicketAudited;
import org.factdesk.comment.Comment;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.people.DeskDirectory;
import org.factdesk.ticket.Ticket;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes notifications in the transaction of the change that causes them, by observing every ticket
 * audit event synchronously: the change, its audit event and its notifications commit together or not
 * at all. Nobody is notified of their own action.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    DeskDirectory directory;

    @Inject
    FactdeskConfig config;

    void onTicketAudited(@Observes TicketAudited audited) {
        AuditEvent event = audited.event();
        if (event.ticketId == null) {
            return;
        }
        Set<String> told = new HashSet<>();
        Long commentId = event.changes != null && event.changes.path("commentId").canConvertToLong()
                ? event.changes.path("commentId").asLong() : null;
        NotificationKind kind = kindOf(event.action);
        if (kind == null && assigneeChanged(event)) {
            kind = NotificationKind.ASSIGNED; // e.g. a correction started with a person named
        }
        if (kind != null) {
            String recipient = kind == NotificationKind.ASSIGNED ? assigneeAfter(event) : Ticket.get(event.ticketId).assignee;
            notify(recipient, kind, event, kind == NotificationKind.CHANGES_REQUESTED ? commentId : null, told);
        }
        if (commentId != null) {
            Comment comment = Comment.findById(commentId);
            if (comment != null && comment.body != null) {
                Map<String, String> subjects = directory.subjectsByUsername();
                for (String username : Mentions.in(comment.body)) {
                    notify(subjects.get(username), NotificationKind.MENTIONED, event, commentId, told);
                }
            }
        }
    }

    /** The kind of notification an audit action causes for the ticket's assignee, if any. */
    static NotificationKind kindOf(String action) {
        if (AuditAction.TICKET_ASSIGN.id.equals(action)) {
            return NotificationKind.ASSIGNED;
        } else if (AuditAction.TICKET_REQUEST_CHANGES.id.equals(action)) {
            return NotificationKind.CHANGES_REQUESTED;
        } else if (AuditAction.TICKET_APPROVE.id.equals(action)) {
            return NotificationKind.APPROVED;
        } else if (AuditAction.TICKET_PUBLISH.id.equals(action)) {
            return NotificationKind.PUBLISHED;
        }
        return null;
    }

    /** Whether the event gave the ticket to someone (claiming it oneself included: then the actor is the one). */
    private static boolean assigneeChanged(AuditEvent event) {
        return event.changes != null && event.changes.path("assignee").path("after").isTextual();
    }

    /** Whom an assignment gave the ticket to: the event's {@code assignee.after}, else (unchanged) the ticket's. */
    private static String assigneeAfter(AuditEvent event) {
        JsonNode after = event.changes == null ? null : event.changes.path("assignee").path("after");
        return after != null && after.isTextual() ? after.asText() : Ticket.get(event.ticketId).assignee;
    }

    /** One notification, unless there is no recipient, it is the actor, or they were told of this event already. */
    private void notify(String recipient, NotificationKind kind, AuditEvent event, Long commentId, Set<String> told) {
        if (recipient == null || recipient.equals(event.actor) || !told.add(recipient)) {
            return;
        }
        Notification notification = new Notification();
        notification.recipient = recipient;
        notification.kind = kind;
        notification.ticketId = event.ticketId;
        notification.commentId = commentId;
        notification.actor = event.actor;
        notification.createdAt = event.occurredAt;
        notification.mailState = config.mail().enabled() ? Notification.MailState.PENDING : Notification.MailState.NONE;
        notification.mailNextAt = notification.mailState == Notification.MailState.PENDING ? Instant.now() : null;
        notification.persist();
    }
}
