package org.factdesk.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
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
    public Page<TicketView> list(@Valid @BeanParam TicketFilter filter, @Valid @BeanParam KeysetRequest page) {
        Page<Ticket> tickets = search.search(filter, page);
        var permissions = this.tickets.permissions(tickets.items(), actor.get());
        var failures = PublicationFailure.of(tickets.items());
        return tickets.map(ticket -> TicketView.of(ticket, permissions.apply(ticket), failures.get(ticket.id)));
    }

    @GET
    @Path("{id}")
    @Transactional
    public TicketView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return view(Ticket.get(id));
    }

    /** Takes the most urgent open ticket: priority, then deadline (none last), then age, then id. */
    @POST
    @Path("claim-next")
    @RolesAllowed(Roles.FACTCHECKER)
    @Transactional
    public TicketView claimNext() {
        return view(tickets.claimNext(actor.get()));
    }

    /** One endpoint per transition: claim, assign, release, submit, request-changes, approve, publish, … */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public TicketView transition(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @PathParam("action") String action,
                                 @Valid TransitionRequest request) {
        TicketAction ticketAction = TicketAction.byPath(action)
                .orElseThrow(() -> Problems.notFound("Action", "'" + action + "'"));
        return view(tickets.transition(id, ticketAction, actor.get(), request));
    }

    /** The same without a body (claim, release, submit, approve … need none). */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public TicketView transitionWithoutBody(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                            @PathParam("action") String action) {
        return transition(id, action, null);
    }

    /** Priority and deadline (triage, not reviewed content): editors; send the ticket version you read. */
    @PUT
    @Path("{id}/triage")
    @RolesAllowed(Roles.EDITOR)
    @Transactional
    public TicketView triage(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @Valid @NotNull TriageRequest request) {
        return view(tickets.triage(id, actor.get(), request));
    }

    /** The ticket's audit events, newest first; {@code next} pages on to older ones. */
    @GET
    @Path("{id}/history")
    @Transactional
    public Page<HistoryEventView> history(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                          @Valid @BeanParam KeysetRequest page) {
        Ticket.get(id);
        return AuditLog.history(id, page).map(HistoryEventView::of);
    }

    private TicketView view(Ticket ticket) {
        return TicketView.of(ticket, tickets.permissions(List.of(ticket), actor.get()).apply(ticket),
                PublicationFailure.of(List.of(ticket)).get(ticket.id));
    }
}
