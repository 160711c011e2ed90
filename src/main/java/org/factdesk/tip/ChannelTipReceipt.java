package org.factdesk.tip;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

import java.time.Instant;

/**
 * What a partner gets for a tip: the tip's id and, in the answer to its first delivery only, the
 * requester's receipt token and status page (the desk keeps the token's hash only, so a retry with the
 * same {@code webhook-id} answers the id alone).
 */
public record ChannelTipReceipt(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                                @Schema(minLength = ReceiptToken.LENGTH, maxLength = ReceiptToken.LENGTH, nullable = true)
                                String token,
                                @Schema(description = "The requester's status page, relative to the desk's public address",
                                        maxLength = STATUS_MAX, nullable = true) String status,
                                Instant receivedAt) {

    /** "/tips/" and a token. */
    static final int STATUS_MAX = 6 + ReceiptToken.LENGTH;

    static ChannelTipReceipt of(ChannelMessages.Stored stored) {
        return new ChannelTipReceipt(stored.tipId(), stored.token(),
                stored.first() ? "/tips/" + stored.token() : null, stored.receivedAt());
    }
}
