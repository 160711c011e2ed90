package org.factdesk.article;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.time.OffsetDateTime;
import org.factdesk.common.StorableDate;

/**
 * An article as a client sends it. {@code text} is plain text or HTML ({@code format} "text" or
 * "html"; when absent, HTML is recognised by its tags); the server keeps it as normalised plain text.
 */
public record ArticleRequest(
        @NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String url,
        @Size(max = TITLE_MAX) String title,
        @Size(max = OUTLET_MAX) String outlet,
        @Size(max = AUTHOR_MAX) String author,
        @StorableDate OffsetDateTime publishedAt,
        @Pattern(regexp = Limits.LANGUAGE_TAG, message = Limits.LANGUAGE_TAG_MESSAGE) @Size(max = Limits.LANGUAGE_TAG_MAX)
        String language,
        @Pattern(regexp = "text|html", message = "must be text or html") @Size(max = 4) String format,
        @Size(max = TEXT_MAX) String text,
        @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {

    public static final int TITLE_MAX = 500;
    public static final int OUTLET_MAX = 200;
    public static final int AUTHOR_MAX = 200;
    /** The article's text as sent, and as kept once normalised ({@code ArticleIntake.plainText} checks that too). */
    public static final int TEXT_MAX = 500_000;
    public static final String TEXT_MAX_TEXT = "" + TEXT_MAX;
}
