package org.factdesk.comment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Recent;
import org.factdesk.common.Roles;

import java.time.Instant;
import java.util.List;

@Path("/api/tickets/{ticketId}/comments")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class CommentResource {

    /** The most comments one answer carries. */
    public static final int LIMIT = 200;

    @Inject
    CommentService comments;

    @Inject
    CurrentActor actor;

    /** The longest comment (also a request-changes comment, which becomes one). */
    public static final int BODY_MAX = Limits.COMMENT_MAX;

    public record CommentRequest(@NotBlank @Size(max = BODY_MAX) String body) {
    }

    /** {@code body} is null and {@code bodyErased} says when once the body has been erased. */
    public record CommentView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                              @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                              @Schema(maxLength = Limits.SUBJECT_MAX) String author,
                              @Schema(maxLength = BODY_MAX) String body, Instant bodyErased, Instant createdAt) {
        static CommentView of(Comment c) {
            return new CommentView(c.id, c.ticketId, c.author, c.body, c.bodyErasedAt, c.createdAt);
        }
    }

    /** The newest {@value #LIMIT} comments, oldest first; {@code ?before=id} (the Link header) for earlier ones. */
    @GET
    @APIResponse(responseCode = "200", description = "The newest comments, oldest first; a Link header (rel=next)"
            + " points at earlier ones.", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = CommentView.class, maxItems = LIMIT)))
    public RestResponse<List<CommentView>> list(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                                                @QueryParam("before") @Min(1) @Max(Limits.ID_MAX) Long before,
                                                @Context UriInfo uri) {
        List<CommentView> newestFirst = comments.newestFirst(ticketId, before, LIMIT);
        return Recent.answer(newestFirst, LIMIT, CommentView::id, view -> view, uri);
    }

    @POST
    public Response add(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                        @Valid @NotNull CommentRequest request) {
        return Response.status(Response.Status.CREATED).entity(comments.add(ticketId, actor.get(), request.body())).build();
    }
}
