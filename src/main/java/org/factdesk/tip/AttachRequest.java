package org.factdesk.tip;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.factdesk.common.Limits;

/** The existing claim a group of tips asks about. */
public record AttachRequest(@NotNull @Min(1) @Max(Limits.ID_MAX) Long claimId) {
}
