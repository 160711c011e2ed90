package org.factdesk.tip;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.publishing.FactCheckPage;

import java.time.Instant;

/** Where a tip stands: the stage and its date, and the answering fact-check; nothing else about the desk's work. */
public record TipStatusView(
        @Schema(required = true, enumeration = {"received", "being-checked", "answered", "not-taken-up"})
        String stage,
        @Schema(required = true, description = "When the tip reached this stage.", format = "date-time",
                maxLength = Limits.DATE_TIME_MAX)
        Instant since,
        @Schema(nullable = true, description = "The public fact-check that answers the tip (answered only).",
                maxLength = HttpUrl.MAX_LENGTH + FactCheckPage.PATH_MAX)
        String link) {

    static TipStatusView of(TipStatus status) {
        return new TipStatusView(status.stage().code, status.since(), status.link());
    }
}
