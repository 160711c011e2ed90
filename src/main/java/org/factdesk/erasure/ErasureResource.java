package org.factdesk.erasure;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;

/**
 * Erasing a person's data: an admin names a personal field of one row (a claim's claimant, a
 * comment's body, an article's author or text, a tip's contact); its value and salt are deleted, the erasure is
 * recorded and audited. Audit events stay as they are: they hold only commitments.
 */
@Path("/api/erasures")
@RolesAllowed(Roles.ADMIN)
public class ErasureResource {

    @Inject
    ErasureService erasures;

    @Inject
    CurrentActor actor;

    /** {@code kind}: claimant, comment, article-author, article-text, tip-contact or capture; {@code id}: the claim, comment, article, tip or capture. */
    public static final int REASON_MAX = 1000;

    /** 201 with the record; 404 if the row does not exist; 409 if there is nothing (left) to erase. */
    @POST
    public Response erase(@Valid @NotNull ErasureRequest request) {
        ErasureKind kind = ErasureKind.of(request.kind()).orElseThrow(() -> HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST).withTitle("Bad request")
                .withDetail("Field 'kind' must be one of " + String.join(", ", ErasureKind.names()) + ".")
                .with("kinds", ErasureKind.names()).build());
        ErasureView erasure = erasures.erase(actor.get(), kind, request.id(), request.reason().strip());
        return Response.status(Response.Status.CREATED).entity(erasure).build();
    }

    /** Every erasure, newest first. */
    @GET
    public Page<ErasureView> list(@Valid @BeanParam PageRequest page) {
        return erasures.list(page);
    }
}
