package org.factdesk.capture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;

/** The preserved copies of a ticket's sources, and asking for another one. */
@Path("/api/tickets/{ticketId}")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class CaptureResource {

    @Inject
    CaptureService captures;

    @Inject
    CurrentActor actor;

    /** The newest capture of each of the ticket's evidence items (items never captured have none). */
    @GET
    @Path("captures")
    public Page<CaptureView> latest(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                                    @Valid @BeanParam PageRequest page) {
        return captures.latestOfTicket(ticketId, page);
    }

    /** Every capture of one evidence item, newest first. */
    @GET
    @Path("evidence/{evidenceId}/captures")
    public Page<CaptureView> ofEvidence(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                                        @PathParam("evidenceId") @Min(1) @Max(Limits.ID_MAX) long evidenceId,
                                        @Valid @BeanParam PageRequest page) {
        return captures.ofEvidence(ticketId, evidenceId, page);
    }

    /** Captures the item's source again (after a failure, or for a fresher copy), while its evidence may be edited. */
    @POST
    @Path("evidence/{evidenceId}/captures")
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public Response request(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                            @PathParam("evidenceId") @Min(1) @Max(Limits.ID_MAX) long evidenceId) {
        return Response.status(Response.Status.CREATED)
                .entity(captures.request(ticketId, evidenceId, actor.get())).build();
    }

    /** What the link watch found: the capture's text beside the original's text now, for a diff. */
    @GET
    @Path("captures/{captureId}/watch")
    public WatchDiffView watch(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                               @PathParam("captureId") @Min(1) @Max(Limits.ID_MAX) long captureId) {
        return captures.watchDiff(ticketId, captureId);
    }
}
