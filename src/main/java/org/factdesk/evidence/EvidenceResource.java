package org.factdesk.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;
import org.factdesk.people.DeskDirectory;

@Path("/api/tickets/{ticketId}/evidence")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class EvidenceResource {

    @Inject
    EvidenceService evidence;

    @Inject
    CurrentActor actor;

    @Inject
    DeskDirectory directory;

    /** The ticket's evidence, oldest first. */
    @GET
    public Page<EvidenceView> list(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                                   @Valid @BeanParam PageRequest page) {
        DeskDirectory.Names names = directory.names();
        return evidence.page(ticketId, page).map(e -> EvidenceView.of(e, names));
    }

    @POST
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public Response add(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                        @Valid @NotNull EvidenceRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(EvidenceView.of(evidence.add(ticketId, actor.get(), request), directory.names())).build();
    }

    @PUT
    @Path("{evidenceId}")
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public EvidenceView update(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                               @PathParam("evidenceId") @Min(1) @Max(Limits.ID_MAX) long evidenceId,
                               @Valid @NotNull EvidenceRequest request) {
        return EvidenceView.of(evidence.update(ticketId, evidenceId, actor.get(), request), directory.names());
    }

    @DELETE
    @Path("{evidenceId}")
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public Response remove(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                           @PathParam("evidenceId") @Min(1) @Max(Limits.ID_MAX) long evidenceId,
                           @QueryParam("version") @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {
        evidence.remove(ticketId, evidenceId, actor.get(), version);
        return Response.noContent().build();
    }
}
