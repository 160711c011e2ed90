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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.article.ArticleRequest;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;
import org.factdesk.similar.SimilarityService;

import java.util.List;

/** What intake found in an article, and turning its candidates into claims. */
@Path("/api/articles/{id}")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class IntakeResource {

    /** Every sentence of the article (there are no more sentences than characters). */
    public record Sentences(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long articleId,
                            @Schema(minimum = "0", maximum = "1") double threshold,
                            @Schema(maxItems = ArticleRequest.TEXT_MAX) List<SentenceView> items) {
    }

    /** A candidate with the desk's similar claims and other fact-checkers' prior verdicts. */
    public record Candidate(SentenceView sentence, SimilarityService.Matches similar) {
    }

    /** The most candidates one answer carries ({@code ?limit=}). */
    public static final int MAX_CANDIDATES = 200;
    /** The most similar claims and prior verdicts per candidate ({@code ?similar=}). */
    public static final int MAX_SIMILAR = 20;

    public record Candidates(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long articleId,
                             @Schema(minimum = "0", maximum = "1") double threshold,
                             @Schema(maxItems = MAX_CANDIDATES) List<Candidate> items) {
    }

    public record Accepted(@Schema(maxItems = AcceptRequest.MAX_ITEMS) List<AcceptRequest.Outcome> items) {
    }

    @Inject
    IntakeService intakeService;

    @Inject
    ArticleIntake intake;

    @Inject
    SimilarityService similarity;

    @Inject
    CurrentActor actor;

    @GET
    @Path("sentences")
    public Sentences sentences(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        return new Sentences(id, intake.threshold(), intakeService.sentences(id));
    }

    @GET
    @Path("candidates")
    public Candidates candidates(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                 @QueryParam("threshold") @DecimalMin("0") @DecimalMax("1") Double threshold,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_CANDIDATES) int limit,
                                 @QueryParam("similar") @DefaultValue("5") @Min(0) @Max(MAX_SIMILAR) int similarLimit) {
        double min = threshold == null ? intake.threshold() : threshold;
        List<Candidate> items = intakeService.candidates(id, min, limit).stream()
                .map(s -> new Candidate(s, similarLimit == 0 ? null : similarity.find(s.text(), null, similarLimit)))
                .toList();
        return new Candidates(id, min, items);
    }

    @POST
    @Path("candidates/accept")
    @RolesAllowed(Roles.EDITOR)
    public Accepted accept(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                           @Valid @NotNull AcceptRequest request) {
        return new Accepted(intakeService.accept(id, request, actor.get()));
    }
}
