package org.factdesk.comment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.Roles;

import java.time.Instant;

@Path("/api/tickets/{ticketId}/comments")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class CommentResource {

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

    /** The ticket's comments, newest first; {@code next} pages on to older ones. */
    @GET
    public Page<CommentView> list(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                                  @Valid @BeanParam KeysetRequest page) {
        return comments.page(ticketId, page);
    }

    @POST
    public Response add(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                        @Valid @NotNull CommentRequest request) {
        return Response.status(Response.Status.CREATED).entity(comments.add(ticketId, actor.get(), request.body())).build();
    }
}
