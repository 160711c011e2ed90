package org.factdesk.desk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Desk settings: everyone on the desk reads them (the web app shows times in the desk's zone). */
@Path("/api/settings")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
@Transactional
public class DeskSettingsResource {

    @Inject
    AuditLog audit;

    @Inject
    CurrentActor actor;

    /** IANA zone ids are short ("America/Argentina/ComodRivadavia", the longest, has 32 characters). */
    public static final int TIME_ZONE_MAX = 64;
    public static final int MAX_IN_PROGRESS = 1000;
    static final String MAX_IN_PROGRESS_TEXT = "" + MAX_IN_PROGRESS;

    public record SettingsView(@Schema(maxLength = TIME_ZONE_MAX) String timeZone,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = MAX_IN_PROGRESS_TEXT) int maxInProgress,
                               boolean allowPrivateWebhookTargets,
                               @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version) {
        static SettingsView of(DeskSettings s) {
            return new SettingsView(s.timeZone, s.maxInProgress, s.allowPrivateWebhookTargets, s.version);
        }
    }

    /** {@code timeZone} is an IANA zone such as Europe/Berlin; {@code maxInProgress} 0 means no limit. */
    public record SettingsRequest(@NotBlank @Size(max = TIME_ZONE_MAX) String timeZone,
                                  @NotNull @Min(0) @Max(MAX_IN_PROGRESS) Integer maxInProgress,
                                  Boolean allowPrivateWebhookTargets, @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {
    }

    @GET
    public SettingsView get() {
        return SettingsView.of(DeskSettings.get());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public SettingsView update(@Valid @NotNull SettingsRequest request) {
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
        settings.timeZone = request.timeZone();
        settings.maxInProgress = request.maxInProgress();
        settings.allowPrivateWebhookTargets = Boolean.TRUE.equals(request.allowPrivateWebhookTargets());
        settings.flush();
        audit.desk(actor.get(), AuditAction.SETTINGS_UPDATED, changes);
        return SettingsView.of(settings);
    }
}
