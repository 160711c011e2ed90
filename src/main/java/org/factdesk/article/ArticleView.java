package org.factdesk.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;

import java.time.Instant;

/**
 * An article as the API shows it; {@code authorErased} and {@code textErased} say when those were last erased;
 * {@code detectedLanguage} is the language the server found in the text (null: none of the desk's clearly).
 */
public record ArticleView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                          @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String url,
                          @Schema(maxLength = ArticleRequest.TITLE_MAX) String title,
                          @Schema(maxLength = ArticleRequest.OUTLET_MAX) String outlet,
                          @Schema(maxLength = ArticleRequest.AUTHOR_MAX) String author, Instant authorErased,
                          Instant publishedAt, @Schema(maxLength = Limits.LANGUAGE_TAG_MAX) String language,
                          @Schema(maxLength = Limits.LANGUAGE_TAG_MAX) String detectedLanguage,
                          @Schema(maxLength = ArticleRequest.TEXT_MAX) String text, Instant textErased, Instant createdAt,
                          @Schema(maxLength = Limits.SUBJECT_MAX) String createdBy, Instant updatedAt,
                          @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version,
                          @Schema(maxLength = DeskDirectory.NAME_MAX) String createdByName) {

    /** {@code createdByName} is null when the desk directory does not know who added the article. */
    public static ArticleView of(Article a, DeskDirectory.Names names) {
        return new ArticleView(a.id, a.url, a.title, a.outlet, a.author, a.authorErasedAt, a.publishedAt, a.language,
                a.detectedLanguage, a.text, a.textErasedAt, a.createdAt, a.createdBy, a.updatedAt, a.version, names.of(a.createdBy));
    }
}
