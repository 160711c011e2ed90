package org.factdesk.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;

import java.time.OffsetDateTime;

public record ArticleRequest(
        @NotBlank @HttpUrl String url,
        @Size(max = 500) String title,
        @Size(max = 200) String outlet,
        @Size(max = 200) String author,
        OffsetDateTime publishedAt,
        @Size(max = 500000) String text,
        Long version) {
}
