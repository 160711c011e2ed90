package org.factdesk.rating;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

public record RatingView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                         @Schema(minimum = "1", maximum = RatingScaleResource.RATINGS_MAX_TEXT) int position,
                         @Schema(maxLength = RatingScaleResource.LABEL_MAX) String label,
                         @Schema(maxLength = RatingScaleResource.DEFINITION_MAX) String definition,
                         @Schema(minimum = RatingScaleResource.VALUE_MIN_TEXT, maximum = RatingScaleResource.VALUE_MAX_TEXT) Integer value) {
}
