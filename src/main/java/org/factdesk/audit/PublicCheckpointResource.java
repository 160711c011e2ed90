package org.factdesk.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
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
import org.factdesk.common.Problems;

/**
 * Every audit checkpoint, public, so that outsiders can keep copies, link them into one chain
 * (each {@code prevHash} is the {@code hash} before it) and detect a rewritten history.
 */
@Path("/audit/checkpoints")
@PermitAll
public class PublicCheckpointResource {

    /** Newest first. */
    @GET
    @Transactional
    public RestResponse<Page<CheckpointView>> list(@Valid @BeanParam PageRequest page) {
        return RestResponse.ResponseBuilder.ok(page(page)).cacheControl(maxAge(30)).build();
    }

    @GET
    @Path("latest")
    @Transactional
    public RestResponse<CheckpointView> latest() {
        AuditCheckpoint latest = AuditCheckpoint.latest();
        if (latest == null) {
            throw Problems.notFound("Audit checkpoint", "latest");
        }
        return RestResponse.ResponseBuilder.ok(CheckpointView.of(latest)).cacheControl(maxAge(30)).build();
    }

    @GET
    @Path("{seq}")
    @Transactional
    public RestResponse<CheckpointView> one(@PathParam("seq") @Min(1) @Max(Integer.MAX_VALUE) int seq) {
        AuditCheckpoint checkpoint = AuditCheckpoint.bySeq(seq);
        if (checkpoint == null) {
            throw Problems.notFound("Audit checkpoint", seq);
        }
        // A checkpoint never changes once written (the table is append-only): cache it for a year.
        CacheControl cache = maxAge(365 * 24 * 3600);
        cache.getCacheExtension().put("immutable", null);
        return RestResponse.ResponseBuilder.ok(CheckpointView.of(checkpoint)).cacheControl(cache).build();
    }

    static Page<CheckpointView> page(PageRequest page) {
        return Page.of(AuditCheckpoint.<AuditCheckpoint>find("order by seq desc"), page).map(CheckpointView::of);
    }

    private static CacheControl maxAge(int seconds) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(seconds);
        return cache;
    }
}
