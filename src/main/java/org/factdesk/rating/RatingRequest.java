package org.factdesk.rating;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RatingRequest(@NotBlank @Size(max = RatingScaleResource.LABEL_MAX) String label,
                            @NotBlank @Size(max = RatingScaleResource.DEFINITION_MAX) String definition,
                            @Min(RatingScaleResource.VALUE_MIN) @Max(RatingScaleResource.VALUE_MAX) Integer value) {
}
