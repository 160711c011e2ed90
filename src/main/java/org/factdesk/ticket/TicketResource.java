package org.factdesk.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;

import java.util.List;

@Path("/api/tickets")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class TicketResource {

    @Inject
    TicketService tickets;

    @Inject
    TicketSearch search;

    @Inject
    CurrentActor actor;

    @GET
    @Transactional
    public Page<TicketView> list(@Valid @BeanParam TicketFilter filter, @Valid @BeanParam PageRequest page) {
        return search.search(filter, page).map(TicketView::of);
    }

    @GET
    @Path("{id}")
    @Transactional
    public TicketView get(@PathParam("id") long id) {
        Ticket ticket = Ticket.get(id);
        return TicketView.of(ticket, allowedActions(ticket));
    }

    /** Takes the most urgent open ticket: priority, then deadline (none last), then age, then id. */
    @POST
    @Path("claim-next")
    @RolesAllowed(Roles.FACTCHECKER)
    @Transactional
    public TicketView claimNext() {
        return TicketView.of(tickets.claimNext(actor.get()));
    }

    /** One endpoint per transition: claim, assign, release, submit, request-changes, approve, publish, … */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public TicketView transition(@PathParam("id") long id, @PathParam("action") String action,
                                 @Valid TransitionRequest request) {
        TicketAction ticketAction = TicketAction.byPath(action)
                .orElseThrow(() -> Problems.notFound("Action", "'" + action + "'"));
        return TicketView.of(tickets.transition(id, ticketAction, actor.get(), request));
    }

    /** The same without a body (claim, release, submit, approve … need none). */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public TicketView transitionWithoutBody(@PathParam("id") long id, @PathParam("action") String action) {
        return transition(id, action, null);
    }

    @GET
    @Path("{id}/history")
    @Transactional
    public List<HistoryEventView> history(@PathParam("id") long id) {
        Ticket.get(id);
        return AuditLog.historyOf(id).stream().map(HistoryEventView::of).toList();
    }

    private List<String> allowedActions(Ticket ticket) {
        return TicketAction.possibleOn(ticket).stream()
                .filter(a -> TicketPolicy.refusal(a, ticket, actor.get()).isEmpty())
                .map(a -> a.path).toList();
    }
}
