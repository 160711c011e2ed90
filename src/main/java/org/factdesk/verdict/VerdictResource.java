package org.factdesk.verdict;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;

@Path("/api/tickets/{ticketId}/verdict")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class VerdictResource {

    @Inject
    VerdictService verdicts;

    @Inject
    CurrentActor actor;

    /** The draft being worked on and every published version. */
    @GET
    public VerdictView.Overview get(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId) {
        return verdicts.overview(ticketId);
    }

    /** Creates or replaces the draft (send the draft's version once it exists). */
    @PUT
    @RolesAllowed({Roles.FACTCHECKER, Roles.EDITOR})
    public VerdictView saveDraft(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId,
                                 @Valid @NotNull VerdictDraftRequest request) {
        return verdicts.saveDraft(ticketId, actor.get(), request);
    }
}
