package org.factdesk.rating;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** Rating scales: any desk member reads them; admins add scales and choose the active one. */
@Path("/api/rating-scales")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
@Transactional
public class RatingScaleResource {

    @Inject
    AuditLog audit;

    @Inject
    CurrentActor actor;

    public record RatingRequest(@NotBlank @Size(max = 60) String label, @NotBlank @Size(max = 1000) String definition,
                                Integer value) {
    }

    public record ScaleRequest(@NotBlank @Size(max = 100) String name,
                               @NotEmpty @Size(max = 20) List<@Valid @NotNull RatingRequest> ratings) {
    }

    public record RatingView(Long id, int position, String label, String definition, Integer value) {
    }

    /** {@code bestRating}/{@code worstRating} are the highest and lowest numbers on the scale (ClaimReview). */
    public record ScaleView(Long id, String name, boolean active, Integer bestRating, Integer worstRating,
                            List<RatingView> ratings, long version) {
        static ScaleView of(RatingScale s) {
            return new ScaleView(s.id, s.name, s.active, s.bestRating(), s.worstRating(),
                    s.ratings.stream().map(r -> new RatingView(r.id, r.position, r.label, r.definition, r.value)).toList(),
                    s.version);
        }
    }

    @GET
    public List<ScaleView> list() {
        return RatingScale.<RatingScale>list("order by id").stream().map(ScaleView::of).toList();
    }

    @GET
    @Path("{id}")
    public ScaleView get(@PathParam("id") long id) {
        return ScaleView.of(find(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull ScaleRequest request) {
        if (RatingScale.count("name", request.name()) > 0) {
            throw Problems.conflict("Name taken", "A rating scale named '" + request.name() + "' exists already.");
        }
        var labels = new HashSet<String>();
        RatingScale scale = new RatingScale();
        scale.name = request.name();
        scale.createdAt = Instant.now();
        int position = 1;
        for (RatingRequest r : request.ratings()) {
            if (!labels.add(r.label())) {
                throw Problems.badRequest("Rating labels must be unique; '" + r.label() + "' appears twice.");
            }
            Rating rating = new Rating();
            rating.scale = scale;
            rating.position = position++;
            rating.label = r.label();
            rating.definition = r.definition();
            rating.value = r.value();
            scale.ratings.add(rating);
        }
        scale.persistAndFlush();
        audit.desk(actor.get(), AuditAction.RATING_SCALE_CREATED, audit.changes().value("scaleId", scale.id).value("name", scale.name)
                .value("ratings", request.ratings().stream().map(RatingRequest::label).toList()));
        return Response.status(Response.Status.CREATED).entity(ScaleView.of(scale)).build();
    }

    /** Makes this scale the desk's active one; new verdicts use its ratings. */
    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.ADMIN)
    public ScaleView activate(@PathParam("id") long id) {
        RatingScale scale = find(id);
        RatingScale previous = RatingScale.findActive();
        if (previous != null && !previous.id.equals(scale.id)) {
            previous.active = false;
            previous.flush();
        }
        scale.active = true;
        audit.desk(actor.get(), AuditAction.RATING_SCALE_ACTIVATED, audit.changes()
                .field("activeScaleId", previous == null ? null : previous.id, scale.id));
        return ScaleView.of(scale);
    }

    private static RatingScale find(long id) {
        RatingScale scale = RatingScale.findById(id);
        if (scale == null) {
            throw Problems.notFound("Rating scale", id);
        }
        return scale;
    }
}
