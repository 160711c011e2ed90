package org.factdesk.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;

import java.time.Instant;
import java.util.HashSet;

import static org.factdesk.rating.RatingScaleResource.MAX_SCALES;

/** The desk's rating scales: admins add them and choose the active one; every change is audited. */
@ApplicationScoped
public class RatingScaleService {

    @Inject
    AuditLog audit;

    @Transactional
    public Page<RatingScaleView> page(PageRequest page) {
        return Page.of(RatingScale.<RatingScale>find("order by id"), page).map(RatingScaleView::of);
    }

    @Transactional
    public RatingScaleView get(long id) {
        return RatingScaleView.of(find(id));
    }

    @Transactional
    public RatingScaleView create(Actor actor, RatingScaleRequest request) {
        if (RatingScale.count() >= MAX_SCALES) {
            throw Problems.conflict("Scale limit reached", "The desk has " + MAX_SCALES
                    + " rating scales, the most it keeps.");
        }
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
        audit.desk(actor, AuditAction.RATING_SCALE_CREATED, audit.changes().value("scaleId", scale.id).value("name", scale.name)
                .value("ratings", request.ratings().stream().map(RatingRequest::label).toList()));
        return RatingScaleView.of(scale);
    }

    /** Makes this scale the desk's active one; new verdicts use its ratings. */
    @Transactional
    public RatingScaleView activate(Actor actor, long id) {
        RatingScale scale = find(id);
        RatingScale previous = RatingScale.findActive();
        if (previous != null && !previous.id.equals(scale.id)) {
            previous.active = false;
            previous.flush();
        }
        scale.active = true;
        audit.desk(actor, AuditAction.RATING_SCALE_ACTIVATED, audit.changes()
                .field("activeScaleId", previous == null ? null : previous.id, scale.id));
        return RatingScaleView.of(scale);
    }

    private static RatingScale find(long id) {
        return RatingScale.<RatingScale>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Rating scale", id));
    }
}
