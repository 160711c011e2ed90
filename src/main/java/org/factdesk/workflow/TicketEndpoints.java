package org.factdesk.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Page;
import org.factdesk.common.KeysetRequest;
import org.factdesk.people.DeskDirectory;
import org.factdesk.ticket.HistoryEventView;
import org.factdesk.ticket.PublicationFailure;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketFilter;
import org.factdesk.ticket.TicketSearch;
import org.factdesk.ticket.TicketView;
import org.factdesk.ticket.TransitionRequest;
import org.factdesk.ticket.TriageRequest;

import java.util.List;

/**
 * What the ticket endpoints answer: each call goes through the door (or reads) and builds its views
 * in the same transaction, since a view reads the ticket's lazy associations.
 */
@ApplicationScoped
@Transactional
public class TicketEndpoints {

    @Inject
    TicketService tickets;

    @Inject
    TicketSearch search;

    @Inject
    DeskDirectory directory;

    public Page<TicketView> list(TicketFilter filter, KeysetRequest page, Actor actor) {
        Page<Ticket> found = search.rows(filter, page);
        var permissions = tickets.permissions(found.items(), actor);
        var failures = PublicationFailure.of(found.items());
        var names = directory.names();
        return found.map(ticket -> TicketView.of(ticket, permissions.apply(ticket), failures.get(ticket.id), names));
    }

    public TicketView get(long id, Actor actor) {
        return view(Ticket.get(id), actor);
    }

    public TicketView claimNext(Actor actor) {
        return view(tickets.claimNext(actor), actor);
    }

    public TicketView transition(long id, TicketAction action, Actor actor, TransitionRequest request) {
        return view(tickets.transition(id, action, actor, request), actor);
    }

    public TicketView triage(long id, Actor actor, TriageRequest request) {
        return view(tickets.triage(id, actor, request), actor);
    }

    /** A page of the ticket's history, newest first. */
    public Page<HistoryEventView> history(long id, KeysetRequest page) {
        Ticket.get(id);
        var names = directory.names();
        return AuditLog.history(id, page).map(event -> HistoryEventView.of(event, names));
    }

    private TicketView view(Ticket ticket, Actor actor) {
        return TicketView.of(ticket, tickets.permissions(List.of(ticket), actor).apply(ticket),
                PublicationFailure.of(List.of(ticket)).get(ticket.id), directory.names());
    }
}
