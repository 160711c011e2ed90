package org.factdesk.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** The latest audit checkpoint, public, so that outsiders can keep copies and detect a rewritten history. */
@Path("/audit/checkpoints/latest")
@PermitAll
public class PublicCheckpointResource {

    @GET
    @Transactional
    public Response latest() {
        AuditCheckpoint latest = AuditCheckpoint.latest();
        if (latest == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(30);
        return Response.ok(CheckpointView.of(latest)).cacheControl(cache).build();
    }
}
