package org.factdesk.rating;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import java.util.List;

/** {@code bestRating}/{@code worstRating} are the highest and lowest numbers on the scale (ClaimReview). */
public record RatingScaleView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                              @Schema(maxLength = RatingScaleResource.NAME_MAX) String name, boolean active,
                              @Schema(minimum = RatingScaleResource.VALUE_MIN_TEXT, maximum = RatingScaleResource.VALUE_MAX_TEXT) Integer bestRating,
                              @Schema(minimum = RatingScaleResource.VALUE_MIN_TEXT, maximum = RatingScaleResource.VALUE_MAX_TEXT) Integer worstRating,
                              @Schema(maxItems = RatingScaleResource.RATINGS_MAX) List<RatingView> ratings,
                              @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version) {
    static RatingScaleView of(RatingScale s) {
        return new RatingScaleView(s.id, s.name, s.active, s.bestRating(), s.worstRating(),
                s.ratings.stream().map(r -> new RatingView(r.id, r.position, r.label, r.definition, r.value)).toList(),
                s.version);
    }
}
