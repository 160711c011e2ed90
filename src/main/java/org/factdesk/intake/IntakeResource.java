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
import org.factdesk.common.Roles;
import org.factdesk.similar.SimilarityService;

import java.util.List;

/** What intake found in an article, and turning its candidates into claims. */
@Path("/api/articles/{id}")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class IntakeResource {

    public record Sentences(long articleId, double threshold, List<SentenceView> items) {
    }

    /** A candidate with the desk's similar claims and other fact-checkers' prior verdicts. */
    public record Candidate(SentenceView sentence, SimilarityService.Matches similar) {
    }

    public record Candidates(long articleId, double threshold, List<Candidate> items) {
    }

    public record Accepted(List<AcceptRequest.Outcome> items) {
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
    public Sentences sentences(@PathParam("id") long id) {
        return new Sentences(id, intake.threshold(), intakeService.sentences(id));
    }

    @GET
    @Path("candidates")
    public Candidates candidates(@PathParam("id") long id,
                                 @QueryParam("threshold") @DecimalMin("0") @DecimalMax("1") Double threshold,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
                                 @QueryParam("similar") @DefaultValue("5") @Min(0) @Max(20) int similarLimit) {
        double min = threshold == null ? intake.threshold() : threshold;
        List<Candidate> items = intakeService.candidates(id, min, limit).stream()
                .map(s -> new Candidate(s, similarLimit == 0 ? null : similarity.find(s.text(), null, similarLimit)))
                .toList();
        return new Candidates(id, min, items);
    }

    @POST
    @Path("candidates/accept")
    @RolesAllowed(Roles.EDITOR)
    public Accepted accept(@PathParam("id") long id, @Valid @NotNull AcceptRequest request) {
        return new Accepted(intakeService.accept(id, request, actor.get()));
    }
}
