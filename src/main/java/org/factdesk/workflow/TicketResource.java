package org.factdesk.workflow;

import io.micrometer.core.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;
import org.factdesk.ticket.HistoryEventView;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketFilter;
import org.factdesk.ticket.TicketView;
import org.factdesk.ticket.TransitionRequest;
import org.factdesk.ticket.TriageRequest;

@Path("/api/tickets")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class TicketResource {

    @Inject
    TicketEndpoints tickets;

    @Inject
    TicketBulk bulk;

    @Inject
    CurrentActor actor;

    @GET
    public Page<TicketView> list(@Valid @BeanParam TicketFilter filter, @Valid @BeanParam KeysetRequest page) {
        return tickets.list(filter, page, actor.get());
    }

    @GET
    @Path("{id}")
    public TicketView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return tickets.get(id, actor.get());
    }

    /** Takes the most urgent open ticket: priority, then deadline (none last), then age, then id. */
    @POST
    @Path("claim-next")
    @RolesAllowed(Roles.FACTCHECKER)
    @Timed(value = "factdesk.claim.next", description = "Claim-next: the most urgent open ticket handed to a fact-checker")
    public TicketView claimNext() {
        return tickets.claimNext(actor.get());
    }

    /**
     * One action (assign, priority, discard) on up to {@value BulkRequest#TICKETS_MAX} tickets, each in its
     * own transaction: 200 with each ticket's outcome (done, or its problem), 400 for a bad request,
     * 403 when the caller's roles may never take the action.
     */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkView bulk(@Valid @NotNull BulkRequest request) {
        return bulk.apply(request, actor.get());
    }

    /** One endpoint per transition: claim, assign, release, submit, request-changes, approve, publish, … */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TicketView transition(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @PathParam("action") String action,
                                 @Valid TransitionRequest request) {
        TicketAction ticketAction = TicketAction.byPath(action)
                .orElseThrow(() -> Problems.notFound("Action", "'" + action + "'"));
        return tickets.transition(id, ticketAction, actor.get(), request);
    }

    /** The same without a body (claim, release, submit, approve … need none). */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.WILDCARD)
    public TicketView transitionWithoutBody(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                            @PathParam("action") String action) {
        return transition(id, action, null);
    }

    /** Priority and deadline (triage, not reviewed content): editors; send the ticket version you read. */
    @PUT
    @Path("{id}/triage")
    @RolesAllowed(Roles.EDITOR)
    public TicketView triage(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @Valid @NotNull TriageRequest request) {
        return tickets.triage(id, actor.get(), request);
    }

    /** The ticket's audit events, newest first; {@code next} pages on to older ones. */
    @GET
    @Path("{id}/history")
    public Page<HistoryEventView> history(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                          @Valid @BeanParam KeysetRequest page) {
        return tickets.history(id, page);
    }
}
