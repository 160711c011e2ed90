package org.factdesk.capture;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.evidence.Evidence;

import java.util.List;

/** Captures: the newest of each of a ticket's evidence items, or all of one item's (newest first). */
public record CaptureListView(@Schema(maxItems = Evidence.MAX_PER_TICKET) List<CaptureView> items) {
}
