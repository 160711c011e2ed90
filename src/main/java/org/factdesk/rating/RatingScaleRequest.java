package org.factdesk.rating;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record RatingScaleRequest(@NotBlank @Size(max = RatingScaleResource.NAME_MAX) String name,
                                 @NotEmpty @Size(max = RatingScaleResource.RATINGS_MAX) List<@Valid @NotNull RatingRequest> ratings) {
}
