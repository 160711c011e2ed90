package org.factdesk.erasure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.factdesk.common.Limits;

public record ErasureRequest(@NotBlank @Size(max = ErasureKind.NAME_MAX) String kind,
                             @NotNull @Positive @Max(Limits.ID_MAX) Long id,
                             @NotBlank @Size(max = ErasureResource.REASON_MAX) String reason) {
}
