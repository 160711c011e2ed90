package org.factdesk.tip;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.webhook.WebhookSignature;

import java.time.Instant;

/** A partner channel; {@code secret} is only ever shown in the answer to its registration. */
public record ChannelView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                          @Schema(maxLength = PartnerChannel.NAME_MAX, pattern = PartnerChannel.NAME) String name,
                          @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String replyUrl,
                          boolean active, Instant createdAt,
                          @Schema(minLength = WebhookSignature.SECRET_LENGTH, maxLength = WebhookSignature.SECRET_LENGTH,
                                  nullable = true) String secret) {
    static ChannelView of(PartnerChannel c, boolean withSecret) {
        return new ChannelView(c.id, c.name, c.replyUrl, c.active, c.createdAt, withSecret ? c.secret : null);
    }
}
