package org.factdesk.tip;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.factdesk.common.Limits;
import org.factdesk.common.Roles;

/** How many of the public asked about a ticket's claim, and the priority that suggests to its editors. */
@Path("/api/tickets/{ticketId}/asked")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class AskedResource {

    @Inject
    TipInbox inbox;

    @GET
    public AskedView asked(@PathParam("ticketId") @Min(1) @Max(Limits.ID_MAX) long ticketId) {
        return inbox.asked(ticketId);
    }
}
