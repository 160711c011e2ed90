package org.factdesk.article;

import java.time.Instant;

public record ArticleView(Long id, String url, String title, String outlet, String author, Instant publishedAt,
                          String language, String text, Instant createdAt, String createdBy, Instant updatedAt, long version) {

    public static ArticleView of(Article a) {
        return new ArticleView(a.id, a.url, a.title, a.outlet, a.author, a.publishedAt, a.language, a.text, a.createdAt,
                a.createdBy, a.updatedAt, a.version);
    }
}
