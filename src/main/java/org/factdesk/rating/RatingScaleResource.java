package org.factdesk.rating;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;

import java.util.List;

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

    public record RatingRequest(@NotBlank @Size(max = LABEL_MAX) String label,
                                @NotBlank @Size(max = DEFINITION_MAX) String definition,
                                @Min(VALUE_MIN) @Max(VALUE_MAX) Integer value) {
    }

    public record ScaleRequest(@NotBlank @Size(max = NAME_MAX) String name,
                               @NotEmpty @Size(max = RATINGS_MAX) List<@Valid @NotNull RatingRequest> ratings) {
    }

    public record RatingView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                             @Schema(minimum = "1", maximum = RATINGS_MAX_TEXT) int position,
                             @Schema(maxLength = LABEL_MAX) String label,
                             @Schema(maxLength = DEFINITION_MAX) String definition,
                             @Schema(minimum = VALUE_MIN_TEXT, maximum = VALUE_MAX_TEXT) Integer value) {
    }

    /** {@code bestRating}/{@code worstRating} are the highest and lowest numbers on the scale (ClaimReview). */
    public record ScaleView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                            @Schema(maxLength = NAME_MAX) String name, boolean active,
                            @Schema(minimum = VALUE_MIN_TEXT, maximum = VALUE_MAX_TEXT) Integer bestRating,
                            @Schema(minimum = VALUE_MIN_TEXT, maximum = VALUE_MAX_TEXT) Integer worstRating,
                            @Schema(maxItems = RATINGS_MAX) List<RatingView> ratings,
                            @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version) {
        static ScaleView of(RatingScale s) {
            return new ScaleView(s.id, s.name, s.active, s.bestRating(), s.worstRating(),
                    s.ratings.stream().map(r -> new RatingView(r.id, r.position, r.label, r.definition, r.value)).toList(),
                    s.version);
        }
    }

    /** The desk's scales, oldest first. */
    @GET
    public Page<ScaleView> list(@Valid @BeanParam PageRequest page) {
        return scales.page(page);
    }

    @GET
    @Path("{id}")
    public ScaleView get(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return scales.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull ScaleRequest request) {
        return Response.status(Response.Status.CREATED).entity(scales.create(actor.get(), request)).build();
    }

    /** Makes this scale the desk's active one; new verdicts use its ratings. */
    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.ADMIN)
    public ScaleView activate(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return scales.activate(actor.get(), id);
    }
}
