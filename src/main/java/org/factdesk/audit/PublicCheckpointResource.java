package org.factdesk.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import org.jboss.resteasy.reactive.RestResponse;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;

/**
 * Every audit checkpoint, public, so that outsiders can keep copies, link them into one chain
 * (each {@code prevHash} is the {@code hash} before it) and detect a rewritten history.
 */
@Path("/audit/checkpoints")
@PermitAll
public class PublicCheckpointResource {

    @Inject
    CheckpointService checkpoints;

    /** Newest first. */
    @GET
    public RestResponse<Page<CheckpointView>> list(@Valid @BeanParam PageRequest page) {
        return RestResponse.ResponseBuilder.ok(checkpoints.page(page)).cacheControl(maxAge(30)).build();
    }

    @GET
    @Path("latest")
    public RestResponse<CheckpointView> latest() {
        return RestResponse.ResponseBuilder.ok(checkpoints.latest()).cacheControl(maxAge(30)).build();
    }

    @GET
    @Path("{seq}")
    public RestResponse<CheckpointView> one(@PathParam("seq") @Min(1) @Max(Integer.MAX_VALUE) int seq) {
        CheckpointView checkpoint = checkpoints.bySeq(seq);
        // A checkpoint never changes once written (the table is append-only): cache it for a year.
        CacheControl cache = maxAge(365 * 24 * 3600);
        cache.getCacheExtension().put("immutable", null);
        return RestResponse.ResponseBuilder.ok(checkpoint).cacheControl(cache).build();
    }

    private static CacheControl maxAge(int seconds) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(seconds);
        return cache;
    }
}
