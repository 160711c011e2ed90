package org.factdesk.tip;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tips from the public as JSON, no account needed: send one, and follow it with its receipt token.
 * The same rules as the form at /tips/new ({@link TipSubmissions}).
 */
@Path(TipSubmissions.JSON_PATH)
@PermitAll
@Tag(name = "Public tips")
@Produces(MediaType.APPLICATION_JSON)
public class PublicTipResource {

    @Inject
    TipSubmissions submissions;

    @Inject
    TipStatusService statuses;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a tip", description = "A claim you doubt, with optional links, language and a contact"
            + " address (kept only with consent: true, to tell you the answer). Rate-limited per client address and"
            + " for everyone together (429 with Retry-After); nothing from a refused tip is kept.")
    @APIResponse(responseCode = "201", description = "Taken: keep the token.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TipReceiptView.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than a valid tip can be.")
    @APIResponse(responseCode = "429", description = "Too many tips: try again after Retry-After seconds.")
    public Response submit(@Valid @NotNull TipSubmission tip, @Context HttpServerRequest request) {
        TipReceiptView receipt;
        try {
            receipt = TipReceiptView.of(submissions.submit(tip, request.remoteAddress().hostAddress()));
        } catch (TipSubmissions.Refused refused) {
            throw refused.problem();
        }
        return Response.status(Response.Status.CREATED).entity(receipt).cacheControl(noStore()).build();
    }

    @GET
    @Path("{token}")
    @Operation(summary = "Where a tip stands", description = "Only the stage, its date and the answering fact-check.")
    @APIResponse(responseCode = "200", description = "The tip's stage.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TipStatusView.class)))
    @APIResponse(responseCode = "404", description = "No tip has this token (malformed or unknown alike).")
    public Response status(@PathParam("token") @Schema(maxLength = ReceiptToken.LENGTH, pattern = "[A-Za-z0-9_-]+") String token) {
        return statuses.of(token).map(status -> Response.ok(TipStatusView.of(status)).cacheControl(noStore()).build())
                .orElseGet(PublicTipResource::notFound);
    }

    /** The same answer for a malformed and for an unknown token, so that neither tells anything. */
    static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type("application/problem+json").cacheControl(noStore())
                .entity(NOT_FOUND).build();
    }

    private static final String NOT_FOUND = "{\"status\":404,\"title\":\"Not found\",\"detail\":\"No tip has this token.\"}";

    /** Tokens are in these URLs and answers: no cache keeps them. */
    static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoTransform(false);
        return cache;
    }
}
