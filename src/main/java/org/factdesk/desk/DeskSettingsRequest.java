package org.factdesk.desk;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.factdesk.common.Limits;

/**
 * {@code timeZone} is an IANA zone such as Europe/Berlin; {@code maxInProgress} 0 means no limit. The
 * tip settings ({@code tipAutoAnswer}, {@code tipAutoAnswerThreshold} above 0 and at most 1,
 * {@code tipContactRetentionDays}) and {@code candidatesPerArticle} (how many of an article's sentences intake
 * proposes) keep their current values when left out, so that clients written before them still work.
 */
public record DeskSettingsRequest(@NotBlank @Size(max = DeskSettingsResource.TIME_ZONE_MAX) String timeZone,
                                  @NotNull @Min(0) @Max(DeskSettingsResource.MAX_IN_PROGRESS) Integer maxInProgress,
                                  Boolean allowPrivateWebhookTargets,
                                  Boolean tipAutoAnswer,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double tipAutoAnswerThreshold,
                                  @Min(0) @Max(DeskSettingsResource.RETENTION_DAYS_MAX) Integer tipContactRetentionDays,
                                  @Min(1) @Max(DeskSettingsResource.CANDIDATES_PER_ARTICLE_MAX) Integer candidatesPerArticle,
                                  @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {
}
