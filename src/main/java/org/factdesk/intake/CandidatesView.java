package org.factdesk.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import java.util.List;

public record CandidatesView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long articleId,
                             @Schema(minimum = "0", maximum = "1") double threshold,
                             @Schema(maxItems = IntakeResource.MAX_CANDIDATES) List<CandidateView> items) {
}
