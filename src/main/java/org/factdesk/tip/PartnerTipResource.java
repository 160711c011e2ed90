package org.factdesk.tip;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;

/**
 * Partners' tiplines post their tips here, without an account: each request signed with its channel's
 * secret (Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}).
 */
@Path("/public/channels/{name}/tips")
@PermitAll
public class PartnerTipResource {

    /**
     * Marks the operation in the OpenAPI document as authenticated by the {@code webhook-signature} header (no
     * bearer token can call it). An extension, not a security scheme: a second scheme would take the place of
     * the bearer one in every {@code @RolesAllowed} operation's generated requirement.
     */
    public static final String SIGNED = "x-factdesk-signed";

    @Inject
    PartnerTips tips;

    /**
     * 201 with the receipt for the requester; 200 with the first tip's id for a message delivered before
     * (same {@code webhook-id}). 401, with one body, for an unknown or inactive channel and a wrong
     * signature; 401 for a timestamp more than 5 minutes off; 413 beyond 64 KiB.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerTipRequest.class)))
    @APIResponse(responseCode = "201", description = "The tip, stored now; the token and status page are the requester's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelTipReceipt.class)))
    @APIResponse(responseCode = "200", description = "The tip an earlier delivery of this message became (no token)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelTipReceipt.class)))
    @APIResponse(responseCode = "401", description = "Not signed with the secret of an active channel of this name, or signed too long ago")
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB")
    @Operation(summary = "Post a partner's tip", extensions = @Extension(name = SIGNED, value = "webhook-signature"))
    public Response post(@PathParam("name") @Size(max = PartnerChannel.NAME_MAX) String name,
                         @HeaderParam("webhook-id") @Size(max = PartnerTips.MESSAGE_ID_MAX) String messageId,
                         @HeaderParam("webhook-timestamp") @Size(max = PartnerTips.TIMESTAMP_MAX) String timestamp,
                         @HeaderParam("webhook-signature") @Size(max = PartnerTips.SIGNATURES_MAX) String signatures,
                         byte[] body) throws IOException {
        var stored = tips.receive(new PartnerTips.Signed(name, messageId, timestamp, signatures, body));
        return Response.status(stored.first() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ChannelTipReceipt.of(stored)).build();
    }
}
