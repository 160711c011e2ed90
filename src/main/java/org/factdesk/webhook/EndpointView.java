package org.factdesk.webhook;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import java.time.Instant;
import java.util.List;

/** {@code secret} is only ever shown in the answer to the creation. */
public record EndpointView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                           @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String url,
                           @Schema(maxItems = WebhookResource.MAX_EVENTS) List<@Size(max = WebhookResource.EVENT_NAME_MAX) String> events,
                           boolean active, Instant createdAt,
                           @Schema(minLength = WebhookSignature.SECRET_LENGTH, maxLength = WebhookSignature.SECRET_LENGTH) String secret) {
    static EndpointView of(WebhookEndpoint e, boolean withSecret) {
        return new EndpointView(e.id, e.url, List.of(e.events), e.active, e.createdAt, withSecret ? e.secret : null);
    }
}
