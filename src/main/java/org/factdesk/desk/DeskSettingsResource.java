package org.factdesk.desk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;


/** Desk settings: everyone on the desk reads them (the web app shows times in the desk's zone). */
@Path("/api/settings")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class DeskSettingsResource {

    @Inject
    DeskSettingsService settings;

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
        return settings.get();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public SettingsView update(@Valid @NotNull SettingsRequest request) {
        return settings.update(actor.get(), request);
    }
}
