package org.factdesk.rating;

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
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;

/** Rating scales: any desk member reads them; admins add scales and choose the active one. */
@Path("/api/rating-scales")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class RatingScaleResource {

    @Inject
    RatingScaleService scales;

    @Inject
    CurrentActor actor;

    public static final int LABEL_MAX = 60;
    public static final int DEFINITION_MAX = 1000;
    public static final int NAME_MAX = 100;
    public static final int RATINGS_MAX = 20;
    static final String RATINGS_MAX_TEXT = "" + RATINGS_MAX;
    /** A rating's number (ClaimReview's ratingValue; best and worst rating are the scale's extremes). */
    public static final int VALUE_MIN = -100;
    public static final int VALUE_MAX = 100;
    static final String VALUE_MIN_TEXT = "" + VALUE_MIN;
    static final String VALUE_MAX_TEXT = "" + VALUE_MAX;
    /** The most scales a desk keeps (all are listed at once); adding more is a 409. */
    public static final int MAX_SCALES = 100;

    /** The desk's scales, oldest first. */
    @GET
    public Page<RatingScaleView> list(@Valid @BeanParam PageRequest page) {
        return scales.page(page);
    }

    @GET
    @Path("{id}")
    public RatingScaleView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return scales.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull RatingScaleRequest request) {
        return Response.status(Response.Status.CREATED).entity(scales.create(actor.get(), request)).build();
    }

    /** Makes this scale the desk's active one; new verdicts use its ratings. */
    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.ADMIN)
    public RatingScaleView activate(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return scales.activate(actor.get(), id);
    }
}
