package org.factdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.comment.CommentResource.CommentView;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketPolicy;

import java.time.Instant;
import java.util.List;

/** Comments on a ticket: the one way a comment is written, whether posted alone or by a ticket action. */
@ApplicationScoped
public class CommentService {

    @Inject
    AuditLog audit;

    /** Up to {@code limit + 1} comments before {@code before} (all when null), newest first. */
    @Transactional
    public List<CommentView> newestFirst(long ticketId, Long before, int limit) {
        Ticket.get(ticketId);
        return Comment.<Comment>find("ticketId = ?1 and id < ?2 order by id desc", ticketId,
                before == null ? Long.MAX_VALUE : before).range(0, limit).stream().map(CommentView::of).toList();
    }

    /** Posts a comment on its own: the policy decides, and the comment is one audit event. */
    @Transactional
    public CommentView add(long ticketId, Actor actor, String body) {
        Ticket ticket = Ticket.lock(ticketId);
        TicketPolicy.commentRefusal(ticket, actor).ifPresent(refusal -> {
            throw Problems.forbidden(refusal.reason());
        });
        AuditLog.Changes changes = audit.changes();
        Comment comment = write(ticket, actor, "body", body, changes, Instant.now());
        comment.flush();
        audit.ticket(actor, ticket, AuditAction.COMMENT_ADDED, null, null, changes);
        return CommentView.of(comment);
    }

    /**
     * Builds and stores a comment and adds it to the audit event being recorded ({@code changes}):
     * the event commits to the body under {@code field}, so erasure can delete the body later.
     * Runs inside the caller's transaction.
     */
    public static Comment write(Ticket ticket, Actor actor, String field, String body, AuditLog.Changes changes,
                                Instant at) {
        Comment comment = new Comment();
        comment.ticketId = ticket.id;
        comment.author = actor.subject();
        comment.body = body;
        comment.createdAt = at;
        comment.persist();
        changes.value("commentId", comment.id).personalValue(field, comment.bodySalt, body);
        return comment;
    }
}
