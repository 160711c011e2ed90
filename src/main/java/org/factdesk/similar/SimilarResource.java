package org.factdesk.similar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.common.Roles;

/** "Has anyone checked this already?" for any text (a claim's own matches: {@code /api/claims/{id}/similar}). */
@Path("/api/similar")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class SimilarResource {

    @Inject
    SimilarityService similarity;

    @GET
    public SimilarityService.Matches similar(@QueryParam("text") @NotBlank @Size(max = ClaimRequest.TEXT_MAX) String text,
                                             @QueryParam("limit") @DefaultValue("5") @Min(1)
                                             @Max(SimilarityService.MAX_LIMIT) int limit) {
        return similarity.find(text, null, limit);
    }
}
