package org.factdesk.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.factdesk.article.ArticleRequest;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.time.OffsetDateTime;
import java.util.List;
import org.factdesk.common.StorableDate;

/**
 * A claim as a client creates or replaces it. {@code sourceStart}/{@code sourceEnd} locate the claim
 * in its article's text (UTF-16 offsets, end exclusive), so that the web app can highlight it.
 */
public record ClaimRequest(
        @NotBlank @Size(max = TEXT_MAX) String text,
        @Size(max = CLAIMANT_MAX) String claimant,
        @NotBlank @Pattern(regexp = Limits.LANGUAGE_TAG, message = Limits.LANGUAGE_TAG_MESSAGE)
        @Size(max = Limits.LANGUAGE_TAG_MAX) String language,
        @Size(max = TOPICS_MAX) List<@NotBlank @Size(max = TOPIC_MAX) String> topics,
        Priority priority,
        @StorableDate OffsetDateTime deadline,
        @Min(1) @Max(Limits.ID_MAX) Long articleId,
        @Min(0) @Max(ArticleRequest.TEXT_MAX) Integer sourceStart,
        @Min(1) @Max(ArticleRequest.TEXT_MAX) Integer sourceEnd,
        @Size(max = Claim.MAX_APPEARANCES) List<@Valid Appearance> appearances,
        @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {

    public static final int TEXT_MAX = 5000;
    public static final int CLAIMANT_MAX = 300;
    public static final int TOPICS_MAX = 20;
    public static final int TOPIC_MAX = 60;

    /** Where and when the claim appeared. */
    public record Appearance(@NotBlank @HttpUrl @Size(max = HttpUrl.MAX_LENGTH) String url,
                             @StorableDate OffsetDateTime appearedAt) {
    }
}
