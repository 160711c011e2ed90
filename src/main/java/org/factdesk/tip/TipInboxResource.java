package org.factdesk.tip;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.Roles;

/**
 * The desk's tips inbox: every desk role reads it; editors handle a group once ({@link TipPolicy}:
 * turn it into a claim, attach it to one, or dismiss it).
 */
@Path("/api/tips")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class TipInboxResource {

    @Inject
    TipInbox inbox;

    @Inject
    CurrentActor actor;

    /** Groups of tips, most recently asked first; {@code state} open (default), attached or dismissed. */
    @GET
    public Page<TipGroupView> list(@QueryParam("state") @DefaultValue("open")
                                   @Pattern(regexp = "open|attached|dismissed",
                                           message = "must be open, attached or dismissed")
                                   @Size(max = TipGroupView.STATE_MAX) String state,
                                   @Valid @BeanParam KeysetRequest page) {
        return inbox.page(TipInbox.State.of(state), page, actor.get());
    }

    /** A group and its newest tips (at most 200; {@code group.asked} counts them all). */
    @GET
    @Path("groups/{id}")
    public TipGroupDetailView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return inbox.get(id, actor.get());
    }

    /** Turns an open group into a claim (its ticket opens); editors. Answers the group, pointing at the claim. */
    @POST
    @Path("groups/{id}/claim")
    public Response createClaim(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                @Valid @NotNull TipClaimRequest request) {
        return Response.status(Response.Status.CREATED).entity(inbox.createClaim(id, actor.get(), request)).build();
    }

    /** Attaches an open group to an existing claim that is not discarded; editors. */
    @POST
    @Path("groups/{id}/attach")
    public TipGroupView attach(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                               @Valid @NotNull AttachRequest request) {
        return inbox.attach(id, actor.get(), request);
    }

    /** Dismisses an open group as not taken up, with an optional reason; editors. */
    @POST
    @Path("groups/{id}/dismiss")
    public TipGroupView dismiss(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                @Valid DismissRequest request) {
        return inbox.dismiss(id, actor.get(), request);
    }
}
