package org.factdesk.desk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.factdesk.common.Limits;

/** {@code timeZone} is an IANA zone such as Europe/Berlin; {@code maxInProgress} 0 means no limit. */
public record DeskSettingsRequest(@NotBlank @Size(max = DeskSettingsResource.TIME_ZONE_MAX) String timeZone,
                                  @NotNull @Min(0) @Max(DeskSettingsResource.MAX_IN_PROGRESS) Integer maxInProgress,
                                  Boolean allowPrivateWebhookTargets, @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {
}
