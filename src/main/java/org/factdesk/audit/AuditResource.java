package org.factdesk.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;

@Path("/api/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Inject
    AuditVerifier verifier;

    @Inject
    CheckpointService checkpoints;

    /** Recomputes every hash chain and checkpoint; names the first broken link. */
    @GET
    @Path("verify")
    public AuditVerifier.Report verify() {
        return verifier.verify();
    }

    @GET
    @Path("checkpoints")
    public Page<CheckpointView> list(@Valid @BeanParam PageRequest page) {
        return checkpoints.page(page);
    }

    /** Takes a checkpoint now (they are also taken on a schedule). 204 when nothing new happened. */
    @POST
    @Path("checkpoints")
    public Response take() {
        CheckpointView taken = checkpoints.take();
        return taken == null ? Response.noContent().build()
                : Response.status(Response.Status.CREATED).entity(taken).build();
    }
}
