package org.factdesk.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;
import java.util.List;

public record EndpointRequest(@NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String url,
                              @NotEmpty @Size(max = WebhookResource.MAX_EVENTS)
                              List<@NotBlank @Size(max = WebhookResource.EVENT_NAME_MAX) String> events) {
}
