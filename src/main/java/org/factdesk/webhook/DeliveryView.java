package org.factdesk.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import java.time.Instant;

public record DeliveryView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                           @Schema(maxLength = WebhookResource.MESSAGE_ID_LENGTH) String messageId,
                           @Schema(maxLength = WebhookResource.EVENT_NAME_MAX) String eventType,
                           @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                           WebhookDelivery.Status status,
                           @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.INT_MAX_TEXT) int attempts,
                           Instant nextAttemptAt, @Schema(minimum = "100", maximum = "999") Integer lastStatus,
                           @Schema(maxLength = WebhookDispatcher.ERROR_MAX) String lastError, Instant createdAt,
                           Instant deliveredAt) {
    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.messageId, d.eventType, d.ticketId, d.status, d.attempts,
                d.nextAttemptAt, d.lastStatus, d.lastError, d.createdAt, d.deliveredAt);
    }
}
