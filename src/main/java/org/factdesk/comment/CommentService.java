package org.factdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Entities;
import org.factdesk.common.Keyset;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Page;
import org.factdesk.common.Problems;
import org.factdesk.people.DeskDirectory;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketPolicy;

import java.time.Instant;
import java.util.List;

/** Comments on a ticket: the one way a comment is written, whether posted alone or by a ticket action. */
@ApplicationScoped
public class CommentService {

    @Inject
    AuditLog audit;

    @Inject
    DeskDirectory directory;

    /** A page of the ticket's comments, newest first. */
    @Transactional
    public Page<CommentView> page(long ticketId, KeysetRequest page) {
        Ticket.get(ticketId);
        DeskDirectory.Names names = directory.names();
        return NEWEST_FIRST.page("SELECT c.id FROM comment c WHERE c.ticket_id = ?", List.of(ticketId), page,
                ids -> Entities.byIds(Comment.class, ids), c -> c.id).map(c -> CommentView.of(c, names));
    }

    /** Newest first (the index comment_ticket (ticket_id, id)). */
    private static final Keyset<Comment> NEWEST_FIRST = new Keyset<>("comments",
            List.of(Keyset.Key.of("c.id", "bigint", true, c -> c.id)));

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
        return CommentView.of(comment, directory.names());
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
