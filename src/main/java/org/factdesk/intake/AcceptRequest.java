package org.factdesk.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.article.ArticleRequest;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.claim.Priority;
import org.factdesk.common.Limits;

import java.time.OffsetDateTime;
import java.util.List;
import org.factdesk.common.StorableDate;

/**
 * Candidates an editor accepts. Each item either becomes a new claim (text and claimant as
 * proposed unless edited here) or, with {@code linkTo}, another appearance of an existing claim.
 */
public record AcceptRequest(@NotEmpty @Size(max = MAX_ITEMS) List<@Valid @NotNull Item> items) {

    public static final int MAX_ITEMS = 100;

    /** {@code position}: a sentence of the article (there are no more sentences than characters). */
    public record Item(@NotNull @Min(0) @Max(ArticleRequest.TEXT_MAX) Integer position,
                       @Size(max = ClaimRequest.TEXT_MAX) String text,
                       @Size(max = ClaimRequest.CLAIMANT_MAX) String claimant,
                       Priority priority,
                       @Size(max = ClaimRequest.TOPICS_MAX) List<@NotBlank @Size(max = ClaimRequest.TOPIC_MAX) String> topics,
                       @StorableDate OffsetDateTime deadline,
                       @Min(1) @Max(Limits.ID_MAX) Long linkTo) {

        boolean editsClaim() {
            return text != null || claimant != null || priority != null || topics != null || deadline != null;
        }
    }

    /** What became of each item. */
    public record Outcome(@Schema(minimum = Limits.ZERO_TEXT, maximum = ArticleRequest.TEXT_MAX_TEXT) int position,
                          @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long claimId,
                          @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                          boolean linked) {
    }
}
