package org.factdesk.workflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.factdesk.common.Limits;

/** Marks a claim as a duplicate of {@code duplicateOf}. */
public record DuplicateRequest(@NotNull @Min(1) @Max(Limits.ID_MAX) Long duplicateOf) {
}
