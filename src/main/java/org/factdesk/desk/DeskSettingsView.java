package org.factdesk.desk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

public record DeskSettingsView(@Schema(maxLength = DeskSettingsResource.TIME_ZONE_MAX) String timeZone,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = DeskSettingsResource.MAX_IN_PROGRESS_TEXT) int maxInProgress,
                               boolean allowPrivateWebhookTargets,
                               boolean tipAutoAnswer,
                               @Schema(minimum = "0", exclusiveMinimum = true, maximum = "1") double tipAutoAnswerThreshold,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = DeskSettingsResource.RETENTION_DAYS_MAX_TEXT) int tipContactRetentionDays,
                               @Schema(minimum = "1", maximum = DeskSettingsResource.CANDIDATES_PER_ARTICLE_MAX_TEXT) int candidatesPerArticle,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version) {
    static DeskSettingsView of(DeskSettings s) {
        return new DeskSettingsView(s.timeZone, s.maxInProgress, s.allowPrivateWebhookTargets, s.tipAutoAnswer,
                s.autoAnswerThreshold(), s.tipContactRetentionDays, s.candidatesPerArticle, s.version);
    }
}
