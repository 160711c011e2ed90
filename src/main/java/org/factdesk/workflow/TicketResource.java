package org.factdesk.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.common.Recent;
import org.factdesk.common.Roles;
import org.factdesk.ticket.HistoryEventView;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketFilter;
import org.factdesk.ticket.TicketView;
import org.factdesk.ticket.TransitionRequest;
import org.factdesk.ticket.TriageRequest;

import java.util.List;

@Path("/api/tickets")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class TicketResource {

    /** The most history events one answer carries. */
    public static final int HISTORY_LIMIT = 500;

    @Inject
    TicketEndpoints tickets;

    @Inject
    CurrentActor actor;

    @GET
    public Page<TicketView> list(@Valid @BeanParam TicketFilter filter, @Valid @BeanParam PageRequest page) {
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
    public TicketView claimNext() {
        return tickets.claimNext(actor.get());
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

    /** The newest {@value #HISTORY_LIMIT} events, oldest first; {@code ?before=seq} (the Link header) for earlier ones. */
    @GET
    @Path("{id}/history")
    @APIResponse(responseCode = "200", description = "The newest events, oldest first; a Link header (rel=next) points"
            + " at earlier ones.", content = @Content(mediaType = "application/json", schema = @Schema(
            type = SchemaType.ARRAY, implementation = HistoryEventView.class, maxItems = HISTORY_LIMIT)))
    public RestResponse<List<HistoryEventView>> history(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                                        @QueryParam("before") @Min(1) @Max(Integer.MAX_VALUE) Integer before,
                                                        @Context UriInfo uri) {
        return Recent.answer(tickets.history(id, before, HISTORY_LIMIT + 1), HISTORY_LIMIT, HistoryEventView::seq,
                view -> view, uri);
    }
}
