package org.factdesk.desk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.factdesk.common.CurrentActor;
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
    /** Ten years: longer than any retention a privacy policy would defend. */
    public static final int RETENTION_DAYS_MAX = 3650;
    /** As many candidates as one answer of the candidates list carries. */
    public static final int CANDIDATES_PER_ARTICLE_MAX = 200;
    static final String CANDIDATES_PER_ARTICLE_MAX_TEXT = "" + CANDIDATES_PER_ARTICLE_MAX;
    static final String RETENTION_DAYS_MAX_TEXT = "" + RETENTION_DAYS_MAX;

    @GET
    public DeskSettingsView get() {
        return settings.get();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public DeskSettingsView update(@Valid @NotNull DeskSettingsRequest request) {
        return settings.update(actor.get(), request);
    }
}
