package org.factdesk.article;

import io.quarkus.hibernate.orm.panache.common.ProjectedFieldName;

import java.time.Instant;

/** An article in a list: everything but its text, which only the single article carries. */
public record ArticleSummary(@ProjectedFieldName("id") Long id, @ProjectedFieldName("url") String url,
                             @ProjectedFieldName("title") String title, @ProjectedFieldName("outlet") String outlet,
                             @ProjectedFieldName("author") String author,
                             @ProjectedFieldName("publishedAt") Instant publishedAt,
                             @ProjectedFieldName("language") String language,
                             @ProjectedFieldName("createdAt") Instant createdAt,
                             @ProjectedFieldName("createdBy") String createdBy,
                             @ProjectedFieldName("updatedAt") Instant updatedAt,
                             @ProjectedFieldName("version") long version) {
}
