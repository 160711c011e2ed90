package org.factdesk.tip;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

import java.time.Instant;

/** The receipt of a tip: the token is shown this once, and only its hash is kept. */
@Schema(description = "Keep the token: it is the only way to follow the tip, and the desk cannot show it again.")
public record TipReceiptView(
        @Schema(required = true, minLength = ReceiptToken.LENGTH, maxLength = ReceiptToken.LENGTH, pattern = "[A-Za-z0-9_-]+")
        String token,
        @Schema(required = true, description = "Path of the tip's status page.", maxLength = STATUS_MAX)
        String status,
        @Schema(required = true, format = "date-time", maxLength = Limits.DATE_TIME_MAX)
        Instant receivedAt) {

    static final int STATUS_MAX = 6 + ReceiptToken.LENGTH;

    static TipReceiptView of(TipIntake.Receipt receipt) {
        return new TipReceiptView(receipt.token(), TipPages.statusPath(receipt.token()), receipt.receivedAt());
    }
}
