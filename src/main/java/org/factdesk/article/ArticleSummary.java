package org.factdesk.article;

import io.quarkus.hibernate.orm.panache.common.ProjectedFieldName;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.time.Instant;

/** An article in a list: everything but its text, which only the single article carries. */
public record ArticleSummary(
        @ProjectedFieldName("id") @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
        @ProjectedFieldName("url") @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String url,
        @ProjectedFieldName("title") @Schema(maxLength = ArticleRequest.TITLE_MAX) String title,
        @ProjectedFieldName("outlet") @Schema(maxLength = ArticleRequest.OUTLET_MAX) String outlet,
        @ProjectedFieldName("author") @Schema(maxLength = ArticleRequest.AUTHOR_MAX) String author,
        @ProjectedFieldName("publishedAt") Instant publishedAt,
        @ProjectedFieldName("language") @Schema(maxLength = Limits.LANGUAGE_TAG_MAX) String language,
        @ProjectedFieldName("createdAt") Instant createdAt,
        @ProjectedFieldName("createdBy") @Schema(maxLength = Limits.SUBJECT_MAX) String createdBy,
        @ProjectedFieldName("updatedAt") Instant updatedAt,
        @ProjectedFieldName("version") @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version) {
}
