package org.factdesk.comment;

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
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.Roles;

@Path("/api/tickets/{ticketId}/comments")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class CommentResource {

    @Inject
    CommentService comments;

    @Inject
    CurrentActor actor;

    /** The longest comment (also a request-changes comment, which becomes one). */
    public static final int BODY_MAX = Limits.COMMENT_MAX;

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
