package org.factdesk.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;

import java.time.OffsetDateTime;
import org.factdesk.common.StorableDate;

/**
 * An article as a client sends it. {@code text} is plain text or HTML ({@code format} "text" or
 * "html"; when absent, HTML is recognised by its tags); the server keeps it as normalised plain text.
 */
public record ArticleRequest(
        @NotBlank @HttpUrl String url,
        @Size(max = 500) String title,
        @Size(max = 200) String outlet,
        @Size(max = 200) String author,
        @StorableDate OffsetDateTime publishedAt,
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
        String language,
        @Pattern(regexp = "text|html", message = "must be text or html") String format,
        @Size(max = 500000) String text,
        Long version) {
}
