package org.factdesk.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;

import java.util.List;

@Path("/api/tickets/{ticketId}/evidence")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class EvidenceResource {

    @Inject
    EvidenceService evidence;

    @Inject
    CurrentActor actor;

    @GET
    @APIResponse(responseCode = "200", description = "The ticket's evidence, oldest first", content = @Content(
            mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceView.class,
            maxItems = Evidence.MAX_PER_TICKET)))
    public List<EvidenceView> list(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId) {
        return evidence.list(ticketId).stream().map(EvidenceView::of).toList();
    }

    @POST
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public Response add(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                        @Valid @NotNull EvidenceRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(EvidenceView.of(evidence.add(ticketId, actor.get(), request))).build();
    }

    @PUT
    @Path("{evidenceId}")
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public EvidenceView update(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                               @PathParam("evidenceId") @Min(1) @Max(Limits.ID_MAX) long evidenceId,
                               @Valid @NotNull EvidenceRequest request) {
        return EvidenceView.of(evidence.update(ticketId, evidenceId, actor.get(), request));
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
