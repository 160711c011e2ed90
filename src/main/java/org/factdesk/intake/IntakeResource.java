package org.factdesk.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.desk.DeskSettingsResource;
import org.factdesk.common.Roles;

/** What intake found in an article, and turning its candidates into claims. */
@Path("/api/articles/{id}")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class IntakeResource {

    /** The most candidates one answer carries ({@code ?limit=}). */
    public static final int MAX_CANDIDATES = DeskSettingsResource.CANDIDATES_PER_ARTICLE_MAX;
    static final String MAX_CANDIDATES_TEXT = "" + MAX_CANDIDATES;
    /** The most similar claims and prior verdicts per candidate ({@code ?similar=}). */
    public static final int MAX_SIMILAR = 20;

    @Inject
    IntakeService intakeService;

    @Inject
    ArticleIntake intake;

    @Inject
    CurrentActor actor;

    @GET
    @Path("sentences")
    public SentencesView sentences(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return intakeService.sentences(id);
    }

    @GET
    @Path("candidates")
    public CandidatesView candidates(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                     @QueryParam("threshold") @DecimalMin("0") @DecimalMax("1") Double threshold,
                                     @QueryParam("limit") @Min(1) @Max(MAX_CANDIDATES) Integer limit,
                                     @QueryParam("similar") @DefaultValue("5") @Min(0) @Max(MAX_SIMILAR) int similarLimit) {
        return intakeService.candidates(id, threshold == null ? intake.threshold() : threshold, limit, similarLimit);
    }

    /** Dismisses candidates (editors): they leave the candidates and join the desk's past decisions. */
    @POST
    @Path("candidates/dismiss")
    @RolesAllowed(Roles.EDITOR)
    public void dismiss(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @Valid @NotNull DismissRequest request) {
        intakeService.dismiss(id, request, actor.get());
    }

    @POST
    @Path("candidates/accept")
    @RolesAllowed(Roles.EDITOR)
    public AcceptedView accept(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                               @Valid @NotNull AcceptRequest request) {
        return new AcceptedView(intakeService.accept(id, request, actor.get()));
    }
}
