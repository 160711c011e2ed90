package org.factdesk.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.Roles;
import org.factdesk.similar.SimilarityService;
import org.factdesk.ticket.TicketFilter;
import org.factdesk.claim.ClaimRequest;

@Path("/api/claims")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class ClaimResource {

    @Inject
    SimilarityService similarity;

    @Inject
    ClaimEndpoints claims;

    @Inject
    CurrentActor actor;

    /** Creates the claim and opens its ticket; the answer carries both ids. */
    @POST
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public Response create(@Valid @NotNull ClaimRequest request) {
        return Response.status(Response.Status.CREATED).entity(claims.create(actor.get(), request)).build();
    }

    @GET
    public Page<ClaimView> list(@Valid @BeanParam TicketFilter filter, @Valid @BeanParam KeysetRequest page) {
        return claims.list(filter, page);
    }

    @GET
    @Path("{id}")
    public ClaimView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return claims.get(id);
    }

    /** Replaces the claim's fields; send the version you read. The assignee or an editor. */
    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public ClaimView update(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @Valid @NotNull ClaimRequest request) {
        return claims.update(id, actor.get(), request);
    }

    /** Marks the claim as a duplicate of another: its ticket is discarded, its appearances move over. */
    @POST
    @Path("{id}/mark-duplicate")
    @RolesAllowed(Roles.EDITOR)
    public ClaimView markDuplicate(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                   @Valid @NotNull DuplicateRequest request) {
        return claims.markDuplicate(id, request.duplicateOf(), actor.get());
    }

    /** Claims of the desk and other fact-checkers' verdicts that say much the same: "checked already?" */
    @GET
    @Path("{id}/similar")
    public SimilarityService.Matches similar(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                             @QueryParam("limit") @DefaultValue("5") @Min(1)
                                             @Max(SimilarityService.MAX_LIMIT) int limit) {
        return similarity.forClaim(id, limit);
    }
}
