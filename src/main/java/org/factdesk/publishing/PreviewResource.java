package org.factdesk.publishing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;

import java.time.Instant;

/**
 * The public page an approved ticket would get, before it is published: rendered by the public page's
 * own code ({@link FactCheckPage#render}) from the reviewed draft, marked as a preview, never indexed
 * or kept by a cache. Refused (403/409) exactly as publishing it now would be; a read, so no audit event.
 */
@Path("/api/tickets/{ticketId}/preview")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class PreviewResource {

    @Inject
    PublicPages pages;

    @Inject
    FactCheckPage page;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response preview(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId) {
        String html = page.render(pages.preview(ticketId, actor.get(), Instant.now()), true);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        noStore.setPrivate(true);
        return Response.ok(html, MediaType.TEXT_HTML + "; charset=utf-8").cacheControl(noStore)
                .header("X-Robots-Tag", "noindex, nofollow").build();
    }
}
