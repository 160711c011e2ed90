package org.factdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;

import java.time.DateTimeException;
import java.time.ZoneId;

/** The desk's settings: read by everyone, changed by admins under optimistic locking, every change audited. */
@ApplicationScoped
public class DeskSettingsService {

    @Inject
    AuditLog audit;

    @Transactional
    public DeskSettingsView get() {
        return DeskSettingsView.of(DeskSettings.get());
    }

    @Transactional
    public DeskSettingsView update(Actor actor, DeskSettingsRequest request) {
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw Problems.badRequest("Field 'timeZone': '" + request.timeZone() + "' is not a known time zone.");
        }
        DeskSettings settings = DeskSettings.get();
        Problems.requireVersion("The desk settings", request.version(), settings.version);
        AuditLog.Changes changes = audit.changes()
                .field("timeZone", settings.timeZone, request.timeZone())
                .field("maxInProgress", settings.maxInProgress, request.maxInProgress())
                .field("allowPrivateWebhookTargets", settings.allowPrivateWebhookTargets,
                        Boolean.TRUE.equals(request.allowPrivateWebhookTargets()));
        boolean autoAnswer = request.tipAutoAnswer() == null ? settings.tipAutoAnswer : request.tipAutoAnswer();
        float threshold = request.tipAutoAnswerThreshold() == null ? settings.tipAutoAnswerThreshold
                : request.tipAutoAnswerThreshold().floatValue(); // a real column
        int retention = request.tipContactRetentionDays() == null ? settings.tipContactRetentionDays
                : request.tipContactRetentionDays();
        int candidates = request.candidatesPerArticle() == null ? settings.candidatesPerArticle : request.candidatesPerArticle();
        changes.field("tipAutoAnswer", settings.tipAutoAnswer, autoAnswer)
                .field("tipAutoAnswerThreshold", settings.autoAnswerThreshold(), Double.parseDouble(Float.toString(threshold)))
                .field("tipContactRetentionDays", settings.tipContactRetentionDays, retention)
                .field("candidatesPerArticle", settings.candidatesPerArticle, candidates);
        settings.timeZone = request.timeZone();
        settings.maxInProgress = request.maxInProgress();
        settings.allowPrivateWebhookTargets = Boolean.TRUE.equals(request.allowPrivateWebhookTargets());
        settings.tipAutoAnswer = autoAnswer;
        settings.tipAutoAnswerThreshold = threshold;
        settings.tipContactRetentionDays = retention;
        settings.candidatesPerArticle = candidates;
        settings.flush();
        audit.desk(actor, AuditAction.SETTINGS_UPDATED, changes);
        return DeskSettingsView.of(settings);
    }
}
