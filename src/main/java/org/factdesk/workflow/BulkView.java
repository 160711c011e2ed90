package org.factdesk.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The outcome of a bulk request, one result per ticket in the order asked, and how many were done. */
public record BulkView(@Schema(maxItems = BulkRequest.TICKETS_MAX) List<BulkResultView> results,
                       @Schema(minimum = "0", maximum = "100") int done,
                       @Schema(minimum = "0", maximum = "100") int refused) {
}
