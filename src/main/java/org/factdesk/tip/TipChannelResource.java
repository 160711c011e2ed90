package org.factdesk.tip;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;

/** Partners' tiplines, which post tips signed with their secret ({@link PartnerTipResource}): admins only. */
@Path("/api/tip-channels")
@RolesAllowed(Roles.ADMIN)
public class TipChannelResource {

    @Inject
    TipChannels channels;

    @Inject
    CurrentActor actor;

    /** The answer carries the channel's signing secret, this once: give it to the partner. */
    @POST
    @APIResponse(responseCode = "201", description = "The channel, with its signing secret (shown this once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    public Response register(@Valid @NotNull ChannelRequest request) {
        return Response.status(Response.Status.CREATED).entity(channels.register(actor.get(), request)).build();
    }

    /** Active channels first, then the newest deactivated ones; never a secret. */
    @GET
    public Page<ChannelView> list(@Valid @BeanParam PageRequest page) {
        return channels.page(page);
    }

    /** The channel's tips are refused from now on (401, as for an unknown channel); what it sent stays. */
    @POST
    @Path("{id}/deactivate")
    public ChannelView deactivate(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return channels.deactivate(actor.get(), id);
    }
}
