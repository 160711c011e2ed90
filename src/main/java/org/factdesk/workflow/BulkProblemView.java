package org.factdesk.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Problems;

/** Why one ticket of a bulk request was left as it was: the problem a single request would have answered. */
public record BulkProblemView(@Schema(minimum = "400", maximum = "599") int status,
                              @Schema(maxLength = Problems.TITLE_MAX) String title,
                              @Schema(maxLength = Problems.DETAIL_MAX, nullable = true) String detail) {
}
