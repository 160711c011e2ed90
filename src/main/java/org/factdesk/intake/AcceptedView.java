package org.factdesk.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

public record AcceptedView(@Schema(maxItems = AcceptRequest.MAX_ITEMS) List<AcceptRequest.Outcome> items) {
}
