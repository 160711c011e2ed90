package org.factdesk.article;

import java.time.Instant;

/** An article as the API shows it; {@code authorErased} and {@code textErased} say when those were last erased. */
public record ArticleView(Long id, String url, String title, String outlet, String author, Instant authorErased,
                          Instant publishedAt, String language, String text, Instant textErased, Instant createdAt,
                          String createdBy, Instant updatedAt, long version) {

    public static ArticleView of(Article a) {
        return new ArticleView(a.id, a.url, a.title, a.outlet, a.author, a.authorErasedAt, a.publishedAt, a.language,
                a.text, a.textErasedAt, a.createdAt, a.createdBy, a.updatedAt, a.version);
    }
}
