package org.factdesk.priorreview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;

public record ImportUrlRequest(@NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String url) {
}
